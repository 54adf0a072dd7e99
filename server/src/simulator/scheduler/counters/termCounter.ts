import type { Labels } from '../../model/labelSelector';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { termMatches, type AffinityTerm } from '../podAffinityTerms';
import { indexLabelOf, type PodCounter } from './podCounter';

/**
 * Bound pods matching pod-affinity terms, per `(topologyKey, value)` pair (`interpodaffinity`):
 * for a pod P on node N that matches **all** the terms, every term whose topology key N has adds 1
 * to `(key, N[key])`. One counter serves a set of required affinity terms (all must match), or a
 * single anti-affinity / preferred term. Terminating pods count (upstream does not skip them here).
 */
export interface TermCounter extends PodCounter {
  /** topologyKey → value → count; entries never hold 0. */
  readonly pairs: Map<string, Map<string, number>>;
  /** How many (key, value) pairs hold a non-zero count: 0 means no pod matches anywhere. */
  nonZeroPairs(): number;
}

export function createTermCounter(terms: readonly AffinityTerm[], namespaceLabels: (namespace: string) => Labels): TermCounter {
  const pairs = new Map<string, Map<string, number>>();
  let nonZero = 0;
  const first = terms[0];
  const singleNamespace = terms.every((t) => t.namespaceSelector.nothing && t.namespaces.size === 1 && t.namespaces.has([...first.namespaces][0]));
  return {
    namespace: first && singleNamespace ? [...first.namespaces][0] : null,
    indexLabel: first ? indexLabelOf(first.selector) : null,
    pairs,
    nonZeroPairs: () => nonZero,
    update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
      if (terms.length === 0) return;
      const nsLabels = namespaceLabels(pod.namespace);
      for (const term of terms) if (!termMatches(term, pod.namespace, pod.labels, nsLabels)) return;
      for (const term of terms) {
        const value = node.labels[term.topologyKey];
        if (value === undefined) continue;
        let byValue = pairs.get(term.topologyKey);
        if (!byValue) {
          byValue = new Map();
          pairs.set(term.topologyKey, byValue);
        }
        const before = byValue.get(value) ?? 0;
        const after = before + delta;
        if (after === 0) byValue.delete(value);
        else byValue.set(value, after);
        if (before === 0 && after !== 0) nonZero++;
        else if (before !== 0 && after === 0) nonZero--;
      }
    },
  };
}

/** The key of a counter for these terms. */
export function termCounterKey(terms: readonly AffinityTerm[]): string {
  return `terms|${terms.map((t) => t.key).join('&')}`;
}
