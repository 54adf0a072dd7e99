import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import type { AffinityTerm, PodAffinityTerms } from '../podAffinityTerms';
import type { TopologyIndex } from '../topologyIndex';

/**
 * The bound pods that have pod (anti-)affinity of their own, grouped by identical terms (a
 * Deployment's replicas form one group). For each term the group counts its members per domain
 * of the term's topology key, so the symmetric checks — "does an existing pod's anti-affinity
 * forbid the incoming pod here?", "does an existing pod's affinity attract it?" — cost one term
 * match per group instead of one per pod.
 */
export interface GroupTerms {
  readonly terms: readonly AffinityTerm[];
  readonly topologies: readonly TopologyIndex[];
  /** counts[t][domain] */
  readonly counts: readonly Int32Array[];
  /** Σ counts[t] per term. */
  readonly totals: number[];
}

export interface AffinityGroup {
  readonly terms: PodAffinityTerms;
  members: number;
  readonly requiredAffinity: GroupTerms;
  readonly requiredAntiAffinity: GroupTerms;
  readonly preferredAffinity: GroupTerms;
  readonly preferredAntiAffinity: GroupTerms;
}

export type AffinityGroups = Map<string, AffinityGroup>;

export function updateAffinityGroups(groups: AffinityGroups, pod: PodInfo, node: NodeInfo, delta: 1 | -1, topologyOf: (key: string) => TopologyIndex): void {
  const terms = pod.terms;
  if (!terms.hasAny) return;
  let group = groups.get(terms.key);
  if (!group) {
    if (delta < 0) return;
    const make = (list: readonly AffinityTerm[]): GroupTerms => {
      const topologies = list.map((t) => topologyOf(t.topologyKey));
      return { terms: list, topologies, counts: topologies.map((t) => new Int32Array(t.values.length)), totals: list.map(() => 0) };
    };
    group = {
      terms,
      members: 0,
      requiredAffinity: make(terms.requiredAffinity),
      requiredAntiAffinity: make(terms.requiredAntiAffinity),
      preferredAffinity: make(terms.preferredAffinity),
      preferredAntiAffinity: make(terms.preferredAntiAffinity),
    };
    groups.set(terms.key, group);
  }
  group.members += delta;
  for (const part of [group.requiredAffinity, group.requiredAntiAffinity, group.preferredAffinity, group.preferredAntiAffinity]) {
    for (let t = 0; t < part.terms.length; t++) {
      const domain = part.topologies[t].domainOf[node.index];
      if (domain < 0) continue;
      part.counts[t][domain] += delta;
      part.totals[t] += delta;
    }
  }
  if (group.members <= 0) groups.delete(terms.key);
}
