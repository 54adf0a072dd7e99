import { isPlainObject } from '../../manifests';

/**
 * The indices of list items whose key repeats an earlier item's key, with the index of that first
 * item. Items without a key (`key` returns undefined) are skipped.
 *
 * Worked example: names [a, b, a, a] → [{ index: 2, first: 0 }, { index: 3, first: 0 }].
 */
export function duplicatesBy(items: unknown, key: (item: Record<string, unknown>) => string | undefined): Array<{ index: number; first: number; key: string }> {
  if (!Array.isArray(items)) return [];
  const seen = new Map<string, number>();
  const result: Array<{ index: number; first: number; key: string }> = [];
  items.forEach((item, index) => {
    if (!isPlainObject(item)) return;
    const k = key(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else result.push({ index, first, key: k });
  });
  return result;
}

export function stringField(name: string): (item: Record<string, unknown>) => string | undefined {
  return (item) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
}
