import { compareFindings, type Finding } from './findings';
import { isListKind, isPlainObject, listItemsOf } from './manifests';
import { locate } from './parse/locate';
import type { ParsedDocument } from './parse/parsedDocument';
import { resolveKind } from './schema/resolveKind';
import type { SchemaValidators } from './schema/schemaValidators';
import type { DocumentContext, DocumentValidator, ObjectTarget } from './validators/types';
import { validatorFailure } from './validators/validatorFailure';
import type { KubeObject } from '../simulator/model/source';

/**
 * Runs the document validators over one parsed document. Ranges in the result are relative to the
 * document's chunk (add `doc.chunk.line` for the file), so the result can be cached per chunk text
 * and reused when an edit elsewhere moves the document.
 */
export function validateDocument(
  doc: ParsedDocument,
  kubernetesVersion: string,
  schemas: SchemaValidators,
  validators: readonly DocumentValidator[],
): Finding[] {
  const findings: Finding[] = [...doc.findings];
  if (doc.value === undefined) return findings.sort(compareFindings);
  const ctx: DocumentContext = {
    doc,
    kubernetesVersion,
    bundle: schemas.bundle,
    schemas,
    targets: targetsOf(doc.value, schemas),
    report(path, finding, target) {
      findings.push({ ...finding, range: locate(doc, path, target).range });
    },
  };
  for (const validator of validators) {
    try {
      validator.validate(ctx);
    } catch (error) {
      findings.push({ range: locate(doc, [], 'key').range, ...validatorFailure(validator.id, error) });
    }
  }
  return findings.sort(compareFindings);
}

function targetsOf(value: unknown, schemas: SchemaValidators): ObjectTarget[] {
  if (!isPlainObject(value)) return [];
  const object = value as KubeObject;
  if (isListKind(object)) return listItemsOf(object).map(({ index, object: item }) => target(['items', index], item, schemas));
  return [target([], object, schemas)];
}

function target(path: ObjectTarget['path'], object: KubeObject, schemas: SchemaValidators): ObjectTarget {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return { path, object };
  return { path, object, resolution: resolveKind(schemas.bundle, apiVersion, kind) };
}
