import type { GroupTerms } from '../cache/counters/affinityGroups';
import { namespaceLabelsOf } from '../cache/namespaceLabels';
import type { NodeInfo } from '../cache/nodeInfo';
import { termMatches, type AffinityTerm } from '../cache/podAffinityTerms';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle } from '../types';
import { sumAt, termCounterFor, type DomainCounts } from './podAffinityCounts';
import { resolvedOnce } from './spreadCounters';

/**
 * InterPodAffinity score (weight 2). For every bound pod P on node N, into topologyScore[(key, N[key])]:
 *   +w  per preferred affinity term of the pod that P matches;
 *   −w  per preferred anti-affinity term of the pod that P matches;
 *   +1  per required affinity term of P that the pod matches (hardPodAffinityWeight);
 *   +w / −w per preferred affinity / anti-affinity term of P that the pod matches.
 * raw(X) = Σ over keys X has of topologyScore[(key, X[key])]; no pod matched anything → skipped.
 * Normalized min-max over the feasible nodes: trunc(100 · ((raw − min) / (max − min))), 0 when equal.
 *
 * Worked example (upstream): preferred affinity w6 to security=S2 by region; S2 pods: 4 in China,
 * 2 in India → China 24, India 12 → China nodes 100, India nodes 0.
 */
const HARD_POD_AFFINITY_WEIGHT = 1;
const MAX_SCORE = MAX_NODE_SCORE;

export function prepareInterPodAffinityScore(cycle: Cycle): DomainCounts[] | typeof SKIP_SCORE {
  const { terms, namespace, labels } = cycle.pod;
  const contributions: DomainCounts[] = [];
  const incoming = (list: readonly AffinityTerm[], sign: number): void => {
    if (list.length === 0) return;
    const counters = resolvedOnce(cycle, list, () => list.map((term) => termCounterFor(cycle, [term])));
    for (let t = 0; t < list.length; t++) {
      const counter = counters[t];
      if (counter.total() !== 0) contributions.push({ domainOf: counter.topologies[0].domainOf, counts: counter.counts[0], factor: sign * list[t].weight });
    }
  };
  incoming(terms.preferredAffinity, 1);
  incoming(terms.preferredAntiAffinity, -1);
  if (cycle.cluster.affinityGroups.size > 0) {
    const nsLabels = namespaceLabelsOf(cycle.cluster, namespace);
    for (const group of cycle.cluster.affinityGroups.values()) {
      existingTerms(contributions, group.requiredAffinity, HARD_WEIGHT, namespace, labels, nsLabels);
      existingTerms(contributions, group.preferredAffinity, OWN_WEIGHT, namespace, labels, nsLabels);
      existingTerms(contributions, group.preferredAntiAffinity, NEGATED_WEIGHT, namespace, labels, nsLabels);
    }
  }
  return contributions.length === 0 ? SKIP_SCORE : contributions;
}

// The weight an existing pod's term adds (module constants: this runs for every group on every cycle).
const HARD_WEIGHT = (): number => HARD_POD_AFFINITY_WEIGHT;
const OWN_WEIGHT = (t: AffinityTerm): number => t.weight;
const NEGATED_WEIGHT = (t: AffinityTerm): number => -t.weight;

/** The terms of existing pods (one part of a group) that match the incoming pod, as contributions. */
function existingTerms(
  contributions: DomainCounts[],
  part: GroupTerms,
  weightOf: (t: AffinityTerm) => number,
  namespace: string,
  labels: Parameters<typeof termMatches>[2],
  nsLabels: Parameters<typeof termMatches>[3],
): void {
  for (let t = 0; t < part.terms.length; t++) {
    if (part.totals[t] === 0 || !termMatches(part.terms[t], namespace, labels, nsLabels)) continue;
    contributions.push({ domainOf: part.topologies[t].domainOf, counts: part.counts[t], factor: weightOf(part.terms[t]) });
  }
}

export function interPodAffinityScore(_cycle: Cycle, contributions: readonly DomainCounts[], node: NodeInfo): number {
  return sumAt(contributions, node.index);
}

export function interPodAffinityScoreNodes(_cycle: Cycle, contributions: readonly DomainCounts[], nodes: Int32Array, out: Float64Array): void {
  for (let i = 0; i < nodes.length; i++) out[i] = sumAt(contributions, nodes[i]);
}

export function normalizeInterPodAffinityScores(_cycle: Cycle, _state: readonly DomainCounts[], scores: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_SCORE * ((scores[i] - min) / diff)) : 0;
}
