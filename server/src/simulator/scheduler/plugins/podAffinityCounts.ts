import { counterFor } from '../cache/counters/counterFor';
import { createTermCounter, termCounterKey, type TermCounter } from '../cache/counters/termCounter';
import { namespaceLabelsOf } from '../cache/namespaceLabels';
import type { AffinityTerm } from '../cache/podAffinityTerms';
import { topologyOf } from '../cache/clusterState';
import type { Cycle } from '../types';

/** Counts per domain for one term: where the term's matching pods are. */
export interface DomainCounts {
  readonly domainOf: Int32Array;
  readonly counts: Int32Array;
  /** Score contribution per matching pod (weight × ±1); 1 for filters. */
  readonly factor: number;
}

/** The cluster's shared counter of bound pods matching all these terms. */
export function termCounterFor(cycle: Cycle, terms: readonly AffinityTerm[]): TermCounter {
  const cluster = cycle.cluster;
  return counterFor(cluster, termCounterKey(terms), () =>
    createTermCounter(terms, terms.map((t) => topologyOf(cluster, t.topologyKey)), (ns) => namespaceLabelsOf(cluster, ns)),
  );
}

/** Σ over the contributions that cover this node of factor × count of its domain. */
export function sumAt(contributions: readonly DomainCounts[], nodeIndex: number): number {
  let total = 0;
  for (let i = 0; i < contributions.length; i++) {
    const c = contributions[i];
    const domain = c.domainOf[nodeIndex];
    if (domain >= 0) total += c.factor * c.counts[domain];
  }
  return total;
}
