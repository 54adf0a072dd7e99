import { deepEqual as equal } from './deepEqual';
import { hasType } from './schemaKeywords';

/**
 * ajv's uniqueItems: the last duplicate pair found walking from the end. Scalar items (the item
 * schema names only scalar types) are compared through an object keyed by their string forms,
 * skipping items of other types; anything else pairwise with deep equality.
 */
export function duplicateItems(data: unknown[], itemTypes: string[]): { i: number; j: number } | undefined {
  let i = data.length;
  if (i <= 1) return undefined;
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, unknown> = {};
    for (; i--; ) {
      let item = data[i];
      if (!itemTypes.some((type) => hasType(type, item))) continue;
      if (itemTypes.length > 1 && typeof item === 'string') item += '_';
      const key = item as string;
      if (typeof indices[key] === 'number') return { i, j: indices[key] };
      indices[key] = i;
    }
    return undefined;
  }
  for (; i--; ) for (let j = i; j--; ) if (equal(data[i], data[j])) return { i, j };
  return undefined;
}
