import type { Selector } from '../../../model/labelSelector';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import type { TopologyIndex } from '../topologyIndex';
import { indexLabelOf, type PodCounter } from './podCounter';

/**
 * Matching pods per topology domain, for one spread constraint (`podtopologyspread`):
 * pods of one namespace, not terminating, matching the selector, on *eligible* nodes (nodes that
 * have every topology key of the pod's constraints and pass its node-inclusion policies). Every
 * eligible node's value is a domain, even with no pod; the minimum over those domains is kept
 * incrementally with a histogram of counts, so a Filter never scans the domains.
 *
 * Worked example: zones a (n1, n2) and b (n3, n4), matching pods n1:2, n2:1, n3:1 →
 * counts a=3, b=1, min 1, 2 domains.
 */
export interface DomainCounter extends PodCounter {
  readonly topology: TopologyIndex;
  /** Per node index: does this node count? */
  readonly eligible: Uint8Array;
  /** Per domain id: matching pods (0 for a domain without eligible nodes). */
  readonly counts: Int32Array;
  /** How many domains have an eligible node. */
  readonly domains: number;
  /** Smallest count over those domains (Infinity when there is none). */
  min(): number;
}

export function createDomainCounter(namespace: string, selector: Selector, topology: TopologyIndex, nodes: readonly NodeInfo[], isEligible: (node: NodeInfo) => boolean): DomainCounter {
  const eligible = new Uint8Array(nodes.length);
  const counts = new Int32Array(topology.values.length);
  const domainEligible = new Uint8Array(topology.values.length);
  let domains = 0;
  for (const node of nodes) {
    const domain = topology.domainOf[node.index];
    if (domain < 0 || !isEligible(node)) continue;
    eligible[node.index] = 1;
    if (domainEligible[domain] === 0) {
      domainEligible[domain] = 1;
      domains++;
    }
  }
  // histogram[c] = number of eligible domains holding exactly c matching pods.
  const histogram = new Map<number, number>(domains > 0 ? [[0, domains]] : []);
  let min = domains > 0 ? 0 : Infinity;
  const empty = selector.isEverything || selector.nothing;
  return {
    namespace,
    indexLabel: indexLabelOf(selector),
    topology,
    eligible,
    counts,
    domains,
    min: () => min,
    update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
      // An empty selector counts no pod (upstream `countPodsMatchSelector`).
      if (empty || eligible[node.index] === 0 || pod.terminating || pod.namespace !== namespace || !selector.matches(pod.labels)) return;
      const domain = topology.domainOf[node.index];
      const before = counts[domain];
      const after = before + delta;
      counts[domain] = after;
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
