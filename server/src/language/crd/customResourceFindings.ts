import { compareFindings, type Finding } from '../findings';
import { isListKind, isPlainObject, listItemsOf } from '../manifests';
import { locate } from '../parse/locate';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { FieldPath, KubeObject } from '../../simulator/model/source';
import { crdErrorsToProblems, type CrdProblem } from './crdErrorToFinding';
import type { CustomResourceSchema } from './customResourceSchema';
import type { CrdRegistry } from './crdRegistry';
import { listTypeProblems } from './listTypeProblems';
import { validationRuleProblems } from './validationRules';
import { validatorFailure } from '../validators/validatorFailure';

/**
 * Validates the custom resources of a document against the workspace's CRDs (else the catalog's). Returns the document's
 * findings with, for each custom resource whose CRD is known, the `schema/no-schema` note replaced by
 * real validation findings. Ranges are relative to the document's chunk (like the cached findings).
 */
export function withCustomResourceFindings(doc: ParsedDocument, findings: Finding[], registry: CrdRegistry | undefined): Finding[] {
  // Only a kind the built-in schemas do not know (`schema/no-schema`) can be a custom resource: most
  // documents are not, and pay no lookup (this runs for every document on every keystroke).
  if (!registry?.hasSchemas || !isPlainObject(doc.value) || !findings.some((f) => f.code === 'schema/no-schema')) return findings;
  let result = findings;
  for (const { path, object } of objectsOf(doc.value as KubeObject)) {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    const schema = registry.lookup(apiVersion, kind);
    if (!schema) continue;
    const noSchemaAt = locate(doc, [...path, 'kind']).range;
    const kept = result.filter((f) => !(f.code === 'schema/no-schema' && f.range.start.line === noSchemaAt.start.line && f.range.start.character === noSchemaAt.start.character));
    if (kept.length === result.length) continue; // not a custom resource to the built-in schemas
    const added = problemsOf(registry, schema, object, kind).map((p) => ({ ...p.finding, range: locate(doc, [...path, ...p.path], p.target).range }));
    result = [...kept, ...added].sort(compareFindings);
  }
  return result;
}

/**
 * The schema's findings for one custom resource. A failure of the check itself (ajv's deep equality,
 * which the interpreter shares, throws on an object with a `toString` key in a `uniqueItems` list)
 * is a finding too, as for every other validator, never an exception out of the language service.
 */
function problemsOf(registry: CrdRegistry, schema: CustomResourceSchema, object: KubeObject, kind: string): CrdProblem[] {
  try {
    return [...crdErrorsToProblems(registry.validate(schema, object), object, kind), ...listTypeProblems(schema.schema, object), ...validationRuleProblems(schema.schema, object, registry.parsedRules(schema))];
  } catch (error) {
    return [{ path: ['kind'], target: 'value', finding: validatorFailure('custom-resource', error) }];
  }
}

function objectsOf(value: KubeObject): Array<{ path: FieldPath; object: KubeObject }> {
  if (!isListKind(value)) return [{ path: [], object: value }];
  return listItemsOf(value).map(({ index, object }) => ({ path: ['items', index], object }));
}
