import { didYouMean, orList } from '../messageLists';
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import type { Finding } from '../findings';
import type { FieldPath } from '../../simulator/model/source';
import { closestMatches } from '../suggest';
import { displayDefinitionName, type SchemaValidators } from '../schema/schemaValidators';
import type { ErrorLocation } from '../schema/schemaLocation';

/** A schema problem, addressed by a path inside the object, ready for `DocumentContext.report`. */
export interface SchemaProblem {
  path: FieldPath;
  target: 'key' | 'value';
  finding: Omit<Finding, 'range'>;
}

/** YAML 1.1 spellings go-yaml reads as booleans, which authors usually meant as strings. */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Turns ajv's errors for one object into findings a person understands. Errors are grouped by
 * instance path: an `anyOf` failure (a Quantity) is one finding, not one per branch.
 */
export function ajvErrorsToProblems(
  errors: ErrorObject[],
  object: unknown,
  schemas: SchemaValidators,
  rootDefinition: string,
  sourceOf: (path: FieldPath) => string | undefined,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const located = errors.map((error) => schemas.locate(rootDefinition, object, error));
  /** instancePath → the union definition (Quantity, IntOrString) whose branches all failed there. */
  const unions = new Map<string, string>();
  errors.forEach((error, i) => {
    const owner = located[i].owner;
    if (owner && schemas.definition(owner)?.anyOf) unions.set(error.instancePath, owner);
  });
  const seen = new Set<string>();
  for (const [i, error] of errors.entries()) {
    const at = located[i];
    const path = toFieldPath(error.instancePath, object);
    const union = unions.get(error.instancePath);
    if (union) {
      if (seen.has(`union:${error.instancePath}`)) continue;
      seen.add(`union:${error.instancePath}`);
      problems.push(union === 'Quantity' ? quantityProblem(path, at.value) : unionProblem(path, at.value, schemas.definition(union)?.anyOf ?? []));
      continue;
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const problem = describe(error, at, path, schemas, sourceOf);
    const key = `${problem.finding.code}:${JSON.stringify(problem.path)}:${problem.finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function quantityProblem(path: FieldPath, value: unknown): SchemaProblem {
  return {
    path,
    target: 'value',
    finding: {
      severity: 'error',
      code: 'schema/quantity',
      message: l10n.t('`{0}` is not a valid quantity: use a number or a string such as `500m`, `2`, `128Mi`, `1Gi` or `1e3`.', shown(value)),
    },
  };
}

function unionProblem(path: FieldPath, value: unknown, branches: Array<{ type?: string | string[] }>): SchemaProblem {
  const wanted = branches.flatMap((b) => (b.type === undefined ? [] : [b.type].flat())).map(article);
  return { path, target: 'value', finding: { severity: 'error', code: 'schema/type', message: l10n.t('Expected {0}, got {1}.', orList(wanted), article(typeName(value))) } };
}

function describe(error: ErrorObject, at: ErrorLocation, path: FieldPath, schemas: SchemaValidators, sourceOf: (path: FieldPath) => string | undefined): SchemaProblem {
  const owner = at.owner;
  const ownerName = owner ? displayDefinitionName(owner) : l10n.t('this object');
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(schemas.definition(owner ?? '')?.properties ?? at.parent?.properties ?? {});
      const suggestions = closestMatches(field, known);
      const hint = suggestions.length ? didYouMean(suggestions) : '.';
      return {
        path: [...path, field],
        target: 'key',
        finding: { severity: 'error', code: 'schema/unknown-field', message: l10n.t('`{0}` is not a field of {1}{2}', field, ownerName, hint), data: { field, suggestions } },
      };
    }
    case 'required': {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      return {
        path,
        target: 'key',
        finding: { severity: 'error', code: 'schema/required', message: l10n.t('Missing required field `{0}` in {1}.', field, ownerName), data: { field, definition: owner } },
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type).split(',');
      const actual = typeName(at.value);
      const wanted = orList(expected.map(article));
      let message: string;
      const source = sourceOf(path);
      let data: Record<string, unknown> | undefined;
      if (expected.includes('string') && source !== undefined && (actual === 'boolean' || actual === 'number')) {
        if (actual === 'boolean' && YAML11_BOOLEAN.test(source)) {
          message = l10n.t('Expected {0}, got {1}: `{2}` is a boolean in YAML 1.1, which Kubernetes reads. Quote it ("{2}") to make it a string.', wanted, article(actual), source);
        } else {
          message = l10n.t('Expected {0}, got {1}: quote it ("{2}") to make it a string.', wanted, article(actual), source);
        }
        data = { quote: source };
      } else {
        message = l10n.t('Expected {0}, got {1}.', wanted, article(actual));
      }
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/type', message, ...(data ? { data } : {}) } };
    }
    case 'pattern': {
      // A built bundle's descriptions are read apart from it: merged in (once) before one is read here.
      schemas.withDescriptions();
      const described = at.parent?.description ?? '';
      const base64 = /base64/i.test(described) || /A-Za-z0-9\+\/|\[A-Za-z0-9\+\/\]/.test(String((error.params as { pattern: string }).pattern));
      return {
        path,
        target: 'value',
        finding: base64
          ? { severity: 'error', code: 'schema/base64', message: path[0] === 'data' ? l10n.t("`{0}` is not base64-encoded data (a Secret's `stringData` takes plain text).", shown(at.value)) : l10n.t('`{0}` is not base64-encoded data.', shown(at.value)) }
          : { severity: 'error', code: 'schema/format', message: l10n.t('`{0}` does not have the expected format.', shown(at.value)) },
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``).join(', ');
      return { path, target: 'value', finding: { severity: 'error', code: 'schema/enum', message: l10n.t('Unsupported value `{0}`: supported values are {1}.', shown(at.value), allowed) } };
    }
    default:
      return { path, target: 'value', finding: { severity: 'error', code: `schema/${error.keyword}`, message: error.message ? `${ownerName}: ${error.message}.` : l10n.t('{0}: invalid value.', ownerName) } };
  }
}

/** JSON pointer → field path; digits become indices only where the value there is an array. */
export function toFieldPath(pointer: string, root: unknown): FieldPath {
  if (!pointer) return [];
  const path: Array<string | number> = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function article(type: string): string {
  switch (type) {
    case 'object':
      return l10n.t('a mapping');
    case 'array':
      return l10n.t('a list');
    case 'integer':
      return l10n.t('an integer');
    case 'number':
      return l10n.t('a number');
    case 'string':
      return l10n.t('a string');
    case 'boolean':
      return l10n.t('a boolean');
    case 'null':
      return 'null';
    default:
      return l10n.t('a {0}', type);
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
