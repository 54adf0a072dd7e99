import type { Finding } from '../findings';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { KindResolution } from '../schema/resolveKind';
import type { SchemaBundle } from '../schema/schemaBundle';
import type { SchemaValidators } from '../schema/schemaValidators';
import type { FieldPath, KubeObject } from '../../simulator/model/source';

/** One Kubernetes object inside a document: the document itself, or one item of a `kind: List`. */
export interface ObjectTarget {
  /** Path of the object inside the document ([] or ['items', i]). */
  path: FieldPath;
  object: KubeObject;
  /** Present when the object has a string apiVersion and kind. */
  resolution?: KindResolution;
}

/** What a per-document validator sees. Ranges it reports are relative to the document's chunk. */
export interface DocumentContext {
  doc: ParsedDocument;
  kubernetesVersion: string;
  bundle: SchemaBundle;
  schemas: SchemaValidators;
  /** The objects of the document (empty when the document is not a mapping or did not parse). */
  targets: ObjectTarget[];
  /** Adds a finding at a field path of the document (narrowed to the nearest existing field). */
  report(path: FieldPath, finding: Omit<Finding, 'range'>, target?: 'key' | 'value'): void;
}

/**
 * A check of one document. Validators run in list order (see `documentValidators.ts`), each
 * independent; a validator never throws (the engine turns an exception into an internal-error finding).
 */
export interface DocumentValidator {
  /** Stable id, also the prefix of its codes. */
  readonly id: string;
  validate(ctx: DocumentContext): void;
}
