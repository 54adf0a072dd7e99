import type { Labels } from '../../../model/labelSelector';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { termMatches, type AffinityTerm } from '../podAffinityTerms';
import type { TopologyIndex } from '../topologyIndex';
import { indexLabelOf, type PodCounter } from './podCounter';

/**
 * Bound pods matching pod-affinity terms, per domain of each term's topology key
 * (`interpodaffinity`): a pod P on node N that matches **all** the terms adds 1, for every term
 * whose key N has, to that term's count of N's domain. One counter serves a set of required
 * affinity terms (all must match), or a single anti-affinity / preferred term. Terminating pods
 * count (upstream does not skip them here).
 */
export interface TermCounter extends PodCounter {
  readonly terms: readonly AffinityTerm[];
  readonly topologies: readonly TopologyIndex[];
  /** counts[t][domain]: aligned with `terms`. */
  readonly counts: readonly Int32Array[];
  /** Σ of every count: 0 means no pod matches anywhere. */
  total(): number;
}

export function createTermCounter(terms: readonly AffinityTerm[], topologies: readonly TopologyIndex[], namespaceLabels: (namespace: string) => Labels): TermCounter {
  const counts = topologies.map((t) => new Int32Array(t.values.length));
  let total = 0;
  const first = terms[0];
  const onlyNamespace = first && first.namespaces.size === 1 ? [...first.namespaces][0] : undefined;
  const singleNamespace = onlyNamespace !== undefined && terms.every((t) => t.namespaceSelector.nothing && t.namespaces.size === 1 && t.namespaces.has(onlyNamespace));
  return {
    namespace: singleNamespace ? onlyNamespace! : null,
    indexLabel: first ? indexLabelOf(first.selector) : null,
    terms,
    topologies,
    counts,
    total: () => total,
    update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
      if (terms.length === 0) return;
      const nsLabels = namespaceLabels(pod.namespace);
      for (const term of terms) if (!termMatches(term, pod.namespace, pod.labels, nsLabels)) return;
      for (let t = 0; t < terms.length; t++) {
        const domain = topologies[t].domainOf[node.index];
        if (domain < 0) continue;
        counts[t][domain] += delta;
        total += delta;
      }
    },
  };
}

/** The key of a counter for these terms. */
export function termCounterKey(terms: readonly AffinityTerm[]): string {
  return `terms|${terms.map((t) => t.key).join('&')}`;
}
