import type { YNode } from '../parse/yamlNode';
import type { FieldPath } from '../../simulator/model/source';

export interface TreeHit {
  path: FieldPath;
  /** On a key, or on a (scalar) value. */
  on: 'key' | 'value';
  /** Offsets of the key or scalar under the cursor (in the chunk). */
  range: [number, number];
}

/** The field under an offset of a document's tree: the deepest key or scalar value containing it. */
export function treePathAt(root: YNode | null, offset: number): TreeHit | undefined {
  const path: Array<string | number> = [];
  let node: YNode | null = root;
  while (node) {
    if (node.kind === 'scalar') return within(node.range, offset) ? { path, on: 'value', range: node.range } : undefined;
    let next: YNode | null = null;
    if (node.kind === 'map') {
      for (const pair of node.items) {
        if (within(pair.key.range, offset)) return { path: [...path, String(pair.key.value)], on: 'key', range: pair.key.range };
        if (pair.value && within(pair.value.range, offset)) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
    } else {
      node.items.forEach((item, index) => {
        if (!next && item && within(item.range, offset)) {
          path.push(index);
          next = item;
        }
      });
    }
    node = next;
  }
  return undefined;
}

function within(range: [number, number], offset: number): boolean {
  return offset >= range[0] && offset <= range[1];
}
