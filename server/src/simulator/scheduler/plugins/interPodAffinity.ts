import { namespaceLabelsOf } from '../namespaceLabels';
import type { TermCounter } from '../counters/termCounter';
import { termMatches, type AffinityTerm } from '../podAffinityTerms';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle } from '../types';
import { interPodAffinityScore, normalizeInterPodAffinityScores, prepareInterPodAffinityScore } from './interPodAffinityScoring';
import { addCounts, termCounterFor, type TopologyScores } from './podAffinityCounts';

/**
 * InterPodAffinity filter, on counts over every bound pod (upstream PreFilter):
 *   affinityCounts     (key, value) → pods matching **all** the pod's required affinity terms;
 *   antiAffinityCounts (key, value) → pods matching one of its required anti-affinity terms;
 *   existingAnti       (key, value) → pods whose own required anti-affinity matches this pod.
 * On node X, in this order:
 *   1. every required affinity term needs X to have its key and a match in X's domain — unless no
 *      pod anywhere matches and the pod matches its own terms (the first pod of a self-affine
 *      group; X must still have every key): "node(s) didn't match pod affinity rules";
 *   2. no anti-affinity term may have a match in X's domain: "…didn't match pod anti-affinity rules";
 *   3. no existing pod's anti-affinity may cover X: "…didn't satisfy existing pods anti-affinity rules".
 * Score: see interPodAffinityScoring.
 */
export const INTER_POD_AFFINITY = 'InterPodAffinity';

const AFFINITY = makeStatus(INTER_POD_AFFINITY, 'UnschedulableAndUnresolvable', "node(s) didn't match pod affinity rules");
const ANTI_AFFINITY = makeStatus(INTER_POD_AFFINITY, 'Unschedulable', "node(s) didn't match pod anti-affinity rules");
const EXISTING_ANTI_AFFINITY = makeStatus(INTER_POD_AFFINITY, 'Unschedulable', "node(s) didn't satisfy existing pods anti-affinity rules");

interface FilterState {
  affinityTerms: readonly AffinityTerm[];
  affinity: TermCounter | null;
  antiTerms: readonly AffinityTerm[];
  anti: TermCounter[];
  existingAnti: TopologyScores;
  matchesOwnTerms: boolean;
}

export const interPodAffinityPlugin = definePlugin<FilterState, TopologyScores>({
  name: INTER_POD_AFFINITY,
  preFilter(cycle) {
    const { terms } = cycle.pod;
    const existingAnti = existingAntiAffinityCounts(cycle);
    if (terms.requiredAffinity.length === 0 && terms.requiredAntiAffinity.length === 0 && existingAnti.size === 0) return SKIP_RESULT;
    const nsLabels = namespaceLabelsOf(cycle.cluster, cycle.pod.namespace);
    const affinityTerms = terms.requiredAffinity;
    return {
      kind: 'run',
      state: {
        affinityTerms,
        affinity: affinityTerms.length > 0 ? termCounterFor(cycle, affinityTerms) : null,
        antiTerms: terms.requiredAntiAffinity,
        anti: terms.requiredAntiAffinity.map((t) => termCounterFor(cycle, [t])),
        existingAnti,
        matchesOwnTerms: affinityTerms.every((t) => termMatches(t, cycle.pod.namespace, cycle.pod.labels, nsLabels)),
      },
    };
  },
  filter(_cycle, state, node) {
    if (state.affinity) {
      let podsExist = true;
      for (const term of state.affinityTerms) {
        const value = node.labels[term.topologyKey];
        if (value === undefined) return AFFINITY;
        if ((state.affinity.pairs.get(term.topologyKey)?.get(value) ?? 0) <= 0) podsExist = false;
      }
      if (!podsExist && !(state.affinity.nonZeroPairs() === 0 && state.matchesOwnTerms)) return AFFINITY;
    }
    for (let i = 0; i < state.antiTerms.length; i++) {
      const key = state.antiTerms[i].topologyKey;
      const value = node.labels[key];
      if (value !== undefined && (state.anti[i].pairs.get(key)?.get(value) ?? 0) > 0) return ANTI_AFFINITY;
    }
    for (const [key, byValue] of state.existingAnti) {
      const value = node.labels[key];
      if (value !== undefined && (byValue.get(value) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
    }
    return null;
  },
  preScore: prepareInterPodAffinityScore,
  score: interPodAffinityScore,
  normalizeScore: normalizeInterPodAffinityScores,
});

/** Existing pods' required anti-affinity terms that match the incoming pod, summed per (key, value). */
function existingAntiAffinityCounts(cycle: Cycle): TopologyScores {
  const result: TopologyScores = new Map();
  if (cycle.cluster.affinityGroups.size === 0) return result;
  const nsLabels = namespaceLabelsOf(cycle.cluster, cycle.pod.namespace);
  for (const group of cycle.cluster.affinityGroups.values()) {
    const terms = group.terms.requiredAntiAffinity;
    for (let i = 0; i < terms.length; i++) {
      if (!termMatches(terms[i], cycle.pod.namespace, cycle.pod.labels, nsLabels)) continue;
      addCounts(result, terms[i].topologyKey, group.requiredAntiAffinity[i], 1);
    }
  }
  return result;
}
