import type { ErrorObject } from 'ajv';
import type { Finding } from '../findings';
import { closestMatches } from '../suggest';
import { toFieldPath } from '../validators/ajvErrorToFinding';
import type { FieldPath } from '../../simulator/model/source';
import type { JsonSchema } from '../schema/schemaBundle';

export interface CrdProblem {
  path: FieldPath;
  target: 'key' | 'value';
  finding: Omit<Finding, 'range'>;
}

/** Turns ajv's errors for a custom resource into findings, with the same codes as built-in kinds. */
export function crdErrorsToProblems(errors: ErrorObject[], object: unknown, kind: string): CrdProblem[] {
  const problems: CrdProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'allOf') continue;
    const problem = describe(error, toFieldPath(error.instancePath, object), kind);
    const key = `${problem.finding.code}:${JSON.stringify(problem.path)}:${problem.finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, path: FieldPath, kind: string): CrdProblem {
  const owner = path.length ? `\`${String(path[path.length - 1])}\`` : kind;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((error.parentSchema as JsonSchema | undefined)?.properties ?? {});
      const suggestions = closestMatches(field, known);
      const hint = suggestions.length ? ` — did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '.';
      return { path: [...path, field], target: 'key', finding: { severity: 'error', code: 'schema/unknown-field', message: `\`${field}\` is not a field of ${owner} in the ${kind} schema${hint}`, data: { field, suggestions } } };
    }
    case 'required': {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      return { path, target: 'key', finding: { severity: 'error', code: 'schema/required', message: `Missing required field \`${field}\` in ${owner}.`, data: { field } } };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``).join(', ');
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/enum', message: `Unsupported value \`${String(error.data)}\`: supported values are ${allowed}.` } };
    }
    case 'type':
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/type', message: `Expected ${String((error.params as { type: string }).type).replace(',', ' or ')}, got ${Array.isArray(error.data) ? 'a list' : typeof error.data === 'object' ? 'a mapping' : typeof error.data}.` } };
    default:
      return { path, target: 'value', finding: { severity: 'error', code: `schema/${error.keyword}`, message: `${owner} ${error.message ?? 'is invalid'}.` } };
  }
}
