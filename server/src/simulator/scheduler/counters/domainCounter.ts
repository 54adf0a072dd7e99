import type { Selector } from '../../model/labelSelector';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { indexLabelOf, type PodCounter } from './podCounter';

/**
 * Matching pods per topology domain, for one spread constraint (`podtopologyspread`):
 * pods of one namespace, not terminating, matching the selector, on *eligible* nodes (nodes that
 * have every topology key of the pod's constraints and pass its node-inclusion policies). Every
 * eligible node's label value is a domain, even with no pod; the minimum over domains is kept
 * incrementally with a histogram of counts, so a Filter never scans the domains.
 *
 * Worked example: zones a (n1, n2) and b (n3, n4), matching pods n1:2, n2:1, n3:1 →
 * counts a=3, b=1, min 1, 2 domains.
 */
export interface DomainCounter extends PodCounter {
  readonly topologyKey: string;
  /** Per node index: does this node count? */
  readonly eligible: Uint8Array;
  /** Domain value → matching pods. */
  readonly counts: Map<string, number>;
  readonly domains: number;
  /** Smallest count over all domains (Infinity when there is none). */
  min(): number;
}

export function createDomainCounter(namespace: string, selector: Selector, topologyKey: string, nodes: readonly NodeInfo[], isEligible: (node: NodeInfo) => boolean): DomainCounter {
  const eligible = new Uint8Array(nodes.length);
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const value = node.labels[topologyKey];
    if (value === undefined || !isEligible(node)) continue;
    eligible[node.index] = 1;
    counts.set(value, 0);
  }
  const domains = counts.size;
  // histogram[c] = number of domains holding exactly c matching pods.
  const histogram = new Map<number, number>(domains > 0 ? [[0, domains]] : []);
  let min = domains > 0 ? 0 : Infinity;
  const empty = selector.isEverything || selector.nothing;
  return {
    namespace,
    indexLabel: indexLabelOf(selector),
    topologyKey,
    eligible,
    counts,
    domains,
    min: () => min,
    update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
      // An empty selector counts no pod (upstream `countPodsMatchSelector`).
      if (empty || eligible[node.index] === 0 || pod.terminating || pod.namespace !== namespace || !selector.matches(pod.labels)) return;
      const value = node.labels[topologyKey];
      const before = counts.get(value) ?? 0;
      const after = before + delta;
      counts.set(value, after);
      const left = (histogram.get(before) ?? 0) - 1;
      if (left > 0) histogram.set(before, left);
      else histogram.delete(before);
      histogram.set(after, (histogram.get(after) ?? 0) + 1);
      if (delta < 0 && after < min) min = after;
      else if (delta > 0 && before === min && left <= 0) min = after;
    },
  };
}

/** Matching pods on each node, whatever its labels (the hostname spreading score counts per node). */
export interface NodeCounter extends PodCounter {
  readonly perNode: Int32Array;
}

export function createNodeCounter(namespace: string, selector: Selector, nodeCount: number): NodeCounter {
  const perNode = new Int32Array(nodeCount);
  const empty = selector.isEverything || selector.nothing;
  return {
    namespace,
    indexLabel: indexLabelOf(selector),
    perNode,
    update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
      if (empty || pod.terminating || pod.namespace !== namespace || !selector.matches(pod.labels)) return;
      perNode[node.index] += delta;
    },
  };
}
