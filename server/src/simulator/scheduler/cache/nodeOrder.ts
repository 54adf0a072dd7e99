import type { SimNode } from '../../model/node';

/**
 * The order in which kube-scheduler walks nodes (`backend/cache/node_tree.go`): zones in the order
 * they first appear, then one node from each zone in turn (round-robin), nodes inside a zone in
 * the order they were added. The zone key is region + zone (`topology.kubernetes.io/…`, falling
 * back to the deprecated `failure-domain.beta.kubernetes.io/…` labels).
 *
 * Worked example: a1, a2, b1, c1, b2 (zone a, a, b, c, b) → a1, b1, c1, a2, b2.
 */
export function nodeTreeOrder(nodes: readonly SimNode[]): SimNode[] {
  const zones = new Map<string, SimNode[]>();
  for (const node of nodes) {
    const key = zoneKey(node);
    const list = zones.get(key);
    if (list) list.push(node);
    else zones.set(key, [node]);
  }
  const lists = [...zones.values()];
  const result: SimNode[] = [];
  for (let i = 0; result.length < nodes.length; i++) {
    for (const list of lists) if (i < list.length) result.push(list[i]);
  }
  return result;
}

export function zoneKey(node: SimNode): string {
  const labels = node.labels;
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}
