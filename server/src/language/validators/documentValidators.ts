import { DOCUMENT_RULES } from '../rules/documentRules';
import { listShape } from './listShape';
import { manifestIdentity } from './manifestIdentity';
import { schemaConformance } from './schemaConformance';
import type { DocumentValidator } from './types';

/**
 * The per-document checks, in the order they run. Each is independent; order only decides the
 * order of findings with the same position. Rules beyond the schema append here.
 */
export const DOCUMENT_VALIDATORS: readonly DocumentValidator[] = [listShape, manifestIdentity, schemaConformance, ...DOCUMENT_RULES];
