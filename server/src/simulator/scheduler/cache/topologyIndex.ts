import type { NodeInfo } from './nodeInfo';

/**
 * The domains of one topology key, numbered: `domainOf[node.index]` is the id of the node's
 * value for the key (-1 when the node lacks it), `values[id]` the value. Counters keep their
 * counts in typed arrays indexed by these ids, so a Filter or Score reads an array slot instead
 * of looking a label up in a map.
 *
 * Worked example: zones of n0..n3 = a, b, (none), a → domainOf [0, 1, -1, 0], values [a, b].
 */
export interface TopologyIndex {
  readonly key: string;
  readonly domainOf: Int32Array;
  readonly values: readonly string[];
}

export function buildTopologyIndex(key: string, nodes: readonly NodeInfo[]): TopologyIndex {
  const domainOf = new Int32Array(nodes.length);
  const ids = new Map<string, number>();
  const values: string[] = [];
  for (const node of nodes) {
    const value = node.labels[key];
    if (value === undefined) {
      domainOf[node.index] = -1;
      continue;
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = values.length;
      ids.set(value, id);
      values.push(value);
    }
    domainOf[node.index] = id;
  }
  return { key, domainOf, values };
}
