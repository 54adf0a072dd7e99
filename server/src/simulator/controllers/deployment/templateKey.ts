/**
 * The `EqualIgnoreHash` key of a pod template: JSON with sorted keys, without nulls and empty
 * collections (apimachinery's semantic DeepEqual treats nil and empty alike). Two templates with the
 * same key belong to the same ReplicaSet. Limitation: the API server compares *defaulted*
 * templates, so a field written out with its default value (e.g. `imagePullPolicy: IfNotPresent`
 * on a tagged image) counts as a change here but not in a real cluster.
 */
export function templateKey(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
      if (item === null || item === undefined) continue;
      if (Array.isArray(item) && item.length === 0) continue;
      if (typeof item === 'object' && !Array.isArray(item) && Object.keys(item as object).length === 0) continue;
      out[key] = item;
    }
    return out;
  }
  return value;
}
