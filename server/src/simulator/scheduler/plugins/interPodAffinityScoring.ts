import { namespaceLabelsOf } from '../namespaceLabels';
import type { NodeInfo } from '../nodeInfo';
import { termMatches, type AffinityTerm } from '../podAffinityTerms';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle } from '../types';
import { addCounts, termCounterFor, type TopologyScores } from './podAffinityCounts';

/**
 * InterPodAffinity score (weight 2). For every bound pod P on node N, into topologyScore[(key, N[key])]:
 *   +w  per preferred affinity term of the pod that P matches;
 *   −w  per preferred anti-affinity term of the pod that P matches;
 *   +1  per required affinity term of P that the pod matches (hardPodAffinityWeight);
 *   +w / −w per preferred affinity / anti-affinity term of P that the pod matches.
 * raw(X) = Σ over keys X has of topologyScore[(key, X[key])]; nothing accumulated → skipped.
 * Normalized min-max over the feasible nodes: trunc(100 · ((raw − min) / (max − min))), 0 when equal.
 *
 * Worked example (upstream): preferred affinity w6 to security=S2 by region; S2 pods: 4 in China,
 * 2 in India → China 24, India 12 → China nodes 100, India nodes 0.
 */
const HARD_POD_AFFINITY_WEIGHT = 1;

export function prepareInterPodAffinityScore(cycle: Cycle): TopologyScores | typeof SKIP_SCORE {
  const { terms, namespace, labels } = cycle.pod;
  const scores: TopologyScores = new Map();
  const incoming = (list: readonly AffinityTerm[], sign: number): void => {
    for (const term of list) {
      const counter = termCounterFor(cycle, [term]);
      const byValue = counter.pairs.get(term.topologyKey);
      if (byValue) addCounts(scores, term.topologyKey, byValue, sign * term.weight);
    }
  };
  incoming(terms.preferredAffinity, 1);
  incoming(terms.preferredAntiAffinity, -1);
  if (cycle.cluster.affinityGroups.size > 0) {
    const nsLabels = namespaceLabelsOf(cycle.cluster, namespace);
    const existing = (list: readonly AffinityTerm[], counts: Map<string, number>[], weightOf: (t: AffinityTerm) => number): void => {
      for (let i = 0; i < list.length; i++) {
        if (termMatches(list[i], namespace, labels, nsLabels)) addCounts(scores, list[i].topologyKey, counts[i], weightOf(list[i]));
      }
    };
    for (const group of cycle.cluster.affinityGroups.values()) {
      existing(group.terms.requiredAffinity, group.requiredAffinity, () => HARD_POD_AFFINITY_WEIGHT);
      existing(group.terms.preferredAffinity, group.preferredAffinity, (t) => t.weight);
      existing(group.terms.preferredAntiAffinity, group.preferredAntiAffinity, (t) => -t.weight);
    }
  }
  return scores.size === 0 ? SKIP_SCORE : scores;
}

export function interPodAffinityScore(_cycle: Cycle, scores: TopologyScores, node: NodeInfo): number {
  let total = 0;
  for (const [key, byValue] of scores) {
    const value = node.labels[key];
    if (value !== undefined) total += byValue.get(value) ?? 0;
  }
  return total;
}

export function normalizeInterPodAffinityScores(_cycle: Cycle, _state: TopologyScores, scores: number[]): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
}
