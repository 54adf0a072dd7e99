import type { Labels } from './labelSelector';

/**
 * Helpers of the label-pair indexes (PodsByLabel, ServicesBySelector): a namespaced `key=value` pair as
 * a map key, a list map, and a label set selector (every key equal) tested in place.
 */
export function labelPairKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether `labels` hold every pair of the set selector `selector`. */
export function setSelects(selector: Readonly<Record<string, string>>, labels: Labels): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}
