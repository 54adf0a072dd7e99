import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import type { AffinityTerm, PodAffinityTerms } from '../podAffinityTerms';

/**
 * The bound pods that have pod (anti-)affinity of their own, grouped by identical terms (a
 * Deployment's replicas form one group). For each term the group counts its members per value of
 * the term's topology key, so the symmetric checks — "does an existing pod's anti-affinity forbid
 * the incoming pod here?", "does an existing pod's affinity attract it?" — cost one term match per
 * group instead of one per pod.
 */
export interface AffinityGroup {
  readonly terms: PodAffinityTerms;
  /** The members' namespace (a term without namespaces means this one). */
  readonly namespace: string;
  members: number;
  /** Aligned with terms.requiredAffinity / requiredAntiAffinity / preferredAffinity / preferredAntiAffinity. */
  readonly requiredAffinity: Map<string, number>[];
  readonly requiredAntiAffinity: Map<string, number>[];
  readonly preferredAffinity: Map<string, number>[];
  readonly preferredAntiAffinity: Map<string, number>[];
}

export type AffinityGroups = Map<string, AffinityGroup>;

export function updateAffinityGroups(groups: AffinityGroups, pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
  const terms = pod.terms;
  if (!terms.hasAny) return;
  let group = groups.get(terms.key);
  if (!group) {
    if (delta < 0) return;
    const counts = (list: readonly AffinityTerm[]): Map<string, number>[] => list.map(() => new Map());
    group = {
      terms,
      namespace: pod.namespace,
      members: 0,
      requiredAffinity: counts(terms.requiredAffinity),
      requiredAntiAffinity: counts(terms.requiredAntiAffinity),
      preferredAffinity: counts(terms.preferredAffinity),
      preferredAntiAffinity: counts(terms.preferredAntiAffinity),
    };
    groups.set(terms.key, group);
  }
  group.members += delta;
  count(group.requiredAffinity, terms.requiredAffinity, node, delta);
  count(group.requiredAntiAffinity, terms.requiredAntiAffinity, node, delta);
  count(group.preferredAffinity, terms.preferredAffinity, node, delta);
  count(group.preferredAntiAffinity, terms.preferredAntiAffinity, node, delta);
  if (group.members <= 0) groups.delete(terms.key);
}

function count(maps: Map<string, number>[], terms: readonly AffinityTerm[], node: NodeInfo, delta: 1 | -1): void {
  for (let i = 0; i < terms.length; i++) {
    const value = node.labels[terms[i].topologyKey];
    if (value === undefined) continue;
    const after = (maps[i].get(value) ?? 0) + delta;
    if (after === 0) maps[i].delete(value);
    else maps[i].set(value, after);
  }
}
