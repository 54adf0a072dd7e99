import type { TermCounter } from '../cache/counters/termCounter';
import { namespaceLabelsOf } from '../cache/namespaceLabels';
import { termMatches } from '../cache/podAffinityTerms';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';
import { interPodAffinityScore, interPodAffinityScoreNodes, normalizeInterPodAffinityScores, prepareInterPodAffinityScore } from './interPodAffinityScoring';
import { termCounterFor, type DomainCounts } from './podAffinityCounts';
import { resolvedOnce } from './spreadCounters';

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

interface OwnCounters {
  affinity: TermCounter | null;
  anti: TermCounter[];
  matchesOwnTerms: boolean;
}

interface FilterState extends OwnCounters {
  existingAnti: DomainCounts[];
}

function affinityAt(state: FilterState, index: number): Status | null {
  const affinity = state.affinity;
  if (affinity === null) return null;
  let podsExist = true;
  for (let t = 0; t < affinity.topologies.length; t++) {
    const domain = affinity.topologies[t].domainOf[index];
    if (domain < 0) return AFFINITY;
    if (affinity.counts[t][domain] <= 0) podsExist = false;
  }
  return !podsExist && !(affinity.total() === 0 && state.matchesOwnTerms) ? AFFINITY : null;
}

/** Marks the nodes whose domain holds a matching pod. */
function markMatches(domainOf: Int32Array, counts: Int32Array, status: Status, nodes: Int32Array, from: number, to: number, statuses: Array<Status | null>): void {
  for (let i = from; i < to; i++) {
    if (statuses[i] !== null) continue;
    const domain = domainOf[nodes[i]];
    if (domain >= 0 && counts[domain] > 0) statuses[i] = status;
  }
}

function filterAt(state: FilterState, index: number): Status | null {
  const affinity = affinityAt(state, index);
  if (affinity !== null) return affinity;
  for (let i = 0; i < state.anti.length; i++) {
    const domain = state.anti[i].topologies[0].domainOf[index];
    if (domain >= 0 && state.anti[i].counts[0][domain] > 0) return ANTI_AFFINITY;
  }
  for (let i = 0; i < state.existingAnti.length; i++) {
    const e = state.existingAnti[i];
    const domain = e.domainOf[index];
    if (domain >= 0 && e.counts[domain] > 0) return EXISTING_ANTI_AFFINITY;
  }
  return null;
}

export const interPodAffinityPlugin = definePlugin<FilterState, readonly DomainCounts[]>({
  name: INTER_POD_AFFINITY,
  preFilter(cycle) {
    const { terms } = cycle.pod;
    const existingAnti = existingAntiAffinityCounts(cycle);
    if (terms.requiredAffinity.length === 0 && terms.requiredAntiAffinity.length === 0 && existingAnti.length === 0) return SKIP_RESULT;
    const own = resolvedOnce(cycle, terms, (): OwnCounters => {
      const nsLabels = namespaceLabelsOf(cycle.cluster, cycle.pod.namespace);
      return {
        affinity: terms.requiredAffinity.length > 0 ? termCounterFor(cycle, terms.requiredAffinity) : null,
        anti: terms.requiredAntiAffinity.map((t) => termCounterFor(cycle, [t])),
        matchesOwnTerms: terms.requiredAffinity.every((t) => termMatches(t, cycle.pod.namespace, cycle.pod.labels, nsLabels)),
      };
    });
    return { kind: 'run', state: { ...own, existingAnti } };
  },
  filter: (_cycle, state, node) => filterAt(state, node.index),
  filterNodes(_cycle, state, nodes, from, to, statuses) {
    if (state.affinity !== null) for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = affinityAt(state, nodes[i]);
    // Anti-affinity, then existing pods' anti-affinity, one term at a time (a node keeps its first failure).
    for (let t = 0; t < state.anti.length; t++) markMatches(state.anti[t].topologies[0].domainOf, state.anti[t].counts[0], ANTI_AFFINITY, nodes, from, to, statuses);
    for (let t = 0; t < state.existingAnti.length; t++) markMatches(state.existingAnti[t].domainOf, state.existingAnti[t].counts, EXISTING_ANTI_AFFINITY, nodes, from, to, statuses);
  },
  preScore: prepareInterPodAffinityScore,
  score: interPodAffinityScore,
  scoreNodes: interPodAffinityScoreNodes,
  normalizeScore: normalizeInterPodAffinityScores,
});

/** Existing pods' required anti-affinity terms that match the incoming pod, with their domain counts. */
function existingAntiAffinityCounts(cycle: Cycle): DomainCounts[] {
  const result: DomainCounts[] = [];
  if (cycle.cluster.affinityGroups.size === 0) return result;
  const nsLabels = namespaceLabelsOf(cycle.cluster, cycle.pod.namespace);
  for (const group of cycle.cluster.affinityGroups.values()) {
    const part = group.requiredAntiAffinity;
    for (let t = 0; t < part.terms.length; t++) {
      if (part.totals[t] === 0 || !termMatches(part.terms[t], cycle.pod.namespace, cycle.pod.labels, nsLabels)) continue;
      result.push({ domainOf: part.topologies[t].domainOf, counts: part.counts[t], factor: 1 });
    }
  }
  return result;
}
