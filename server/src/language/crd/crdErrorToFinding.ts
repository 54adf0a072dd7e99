import { didYouMean, orList } from '../messageLists';
import * as l10n from '@vscode/l10n';
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

/**
 * Turns ajv's errors for a custom resource into findings, with the same codes as built-in kinds.
 * `namesSchema`: an unknown field's message says "in the <kind> schema" (not for `.drydock.yaml`).
 */
export function crdErrorsToProblems(errors: ErrorObject[], object: unknown, kind: string, namesSchema = true): CrdProblem[] {
  const problems: CrdProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'allOf') continue;
    const problem = describe(error, toFieldPath(error.instancePath, object), kind, namesSchema);
    const key = `${problem.finding.code}:${JSON.stringify(problem.path)}:${problem.finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, path: FieldPath, kind: string, namesSchema: boolean): CrdProblem {
  const owner = path.length ? `\`${String(path[path.length - 1])}\`` : kind;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((error.parentSchema as JsonSchema | undefined)?.properties ?? {});
      const suggestions = closestMatches(field, known);
      const hint = suggestions.length ? didYouMean(suggestions) : '.';
      return { path: [...path, field], target: 'key', finding: { severity: 'error', code: 'schema/unknown-field', message: namesSchema ? l10n.t('`{0}` is not a field of {1} in the {2} schema{3}', field, owner, kind, hint) : l10n.t('`{0}` is not a field of {1}{2}', field, owner, hint), data: { field, suggestions } } };
    }
    case 'required': {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      return { path, target: 'key', finding: { severity: 'error', code: 'schema/required', message: l10n.t('Missing required field `{0}` in {1}.', field, owner), data: { field } } };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``).join(', ');
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/enum', message: l10n.t('Unsupported value `{0}`: supported values are {1}.', String(error.data), allowed) } };
    }
    case 'type':
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/type', message: l10n.t('Expected {0}, got {1}.', orList(String((error.params as { type: string }).type).split(',')), Array.isArray(error.data) ? l10n.t('a list') : typeof error.data === 'object' ? l10n.t('a mapping') : typeof error.data) } };
    default:
      return { path, target: 'value', finding: { severity: 'error', code: `schema/${error.keyword}`, message: error.message ? `${owner} ${error.message}.` : l10n.t('{0} is invalid.', owner) } };
  }
}
