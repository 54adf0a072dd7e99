import { namespaceLabelsOf } from '../namespaceLabels';
import { counterFor } from '../counters/counterRegistry';
import { createTermCounter, termCounterKey, type TermCounter } from '../counters/termCounter';
import type { AffinityTerm } from '../podAffinityTerms';
import type { Cycle } from '../types';

/** topologyKey → value → count (or score): the maps InterPodAffinity works with. */
export type TopologyScores = Map<string, Map<string, number>>;

/** The cluster's shared counter of bound pods matching all these terms. */
export function termCounterFor(cycle: Cycle, terms: readonly AffinityTerm[]): TermCounter {
  const cluster = cycle.cluster;
  return counterFor(cluster.counters, cluster.nodes, termCounterKey(terms), () => createTermCounter(terms, (ns) => namespaceLabelsOf(cluster, ns)));
}

/** Adds `factor × counts` into `into[key]`. */
export function addCounts(into: TopologyScores, key: string, counts: ReadonlyMap<string, number>, factor: number): void {
  if (counts.size === 0) return;
  let byValue = into.get(key);
  if (!byValue) {
    byValue = new Map();
    into.set(key, byValue);
  }
  for (const [value, count] of counts) byValue.set(value, (byValue.get(value) ?? 0) + factor * count);
}
