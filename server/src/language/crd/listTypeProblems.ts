import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../manifests';
import type { JsonSchema } from '../schema/schemaBundle';
import { stableJson } from '../../simulator/model/stableJson';
import type { FieldPath } from '../../simulator/model/source';
import type { CrdProblem } from './crdErrorToFinding';

const MAX_DEPTH = 64;

/**
 * What JSON Schema cannot say about a structural schema's lists: `x-kubernetes-list-type: set` items
 * must be unique, and `map` items must be unique by their `x-kubernetes-list-map-keys` (a missing key
 * takes its schema `default`, as the API server defaults it before validating).
 *
 * Worked example: keys [containerPort, protocol], protocol defaulting to TCP:
 * `[{containerPort: 88, protocol: TCP}, {containerPort: 88}]` → items[1] duplicates items[0].
 */
export function listTypeProblems(schema: JsonSchema, value: unknown): CrdProblem[] {
  const problems: CrdProblem[] = [];
  walk(schema, value, [], problems, 0);
  return problems;
}

function walk(schema: JsonSchema, value: unknown, path: FieldPath, problems: CrdProblem[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    checkList(schema, value, path, problems);
    if (schema.items) value.forEach((item, index) => walk(schema.items as JsonSchema, item, [...path, index], problems, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (childSchema) walk(childSchema, child, [...path, key], problems, depth + 1);
  }
}

function checkList(schema: JsonSchema, items: unknown[], path: FieldPath, problems: CrdProblem[]): void {
  const type = schema['x-kubernetes-list-type'];
  if (type !== 'set' && type !== 'map') return;
  const keys = Array.isArray(schema['x-kubernetes-list-map-keys']) ? (schema['x-kubernetes-list-map-keys'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    let identity: string;
    if (type === 'set') identity = stableJson(item);
    else {
      if (!isPlainObject(item) || keys.length === 0) return;
      const itemProperties = schema.items?.properties ?? {};
      identity = stableJson(Object.fromEntries(keys.map((k) => [k, item[k] ?? itemProperties[k]?.default ?? null])));
    }
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, index);
      return;
    }
    const message =
      type === 'map'
        ? l10n.t('Duplicate value {0}: it is already item {1} of this list (keyed by {2}).', identity, first, keys.join(', '))
        : l10n.t('Duplicate value {0}: it is already item {1} of this set.', identity, first);
    problems.push({ path: [...path, index], target: 'value', finding: { severity: 'error', code: 'schema/duplicate-item', message } });
  });
}
