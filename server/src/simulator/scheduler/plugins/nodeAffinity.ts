import type { NodeInfo } from '../nodeInfo';
import { definePlugin, makeStatus, SKIP_RESULT, SKIP_SCORE, type Cycle, type Status } from '../types';
import { defaultNormalizeScore } from './normalize';

/**
 * NodeAffinity: `spec.nodeSelector` AND required node affinity (see model/nodeSelector).
 * PreFilter: when every required term pins `metadata.name In [...]`, only those nodes are tried
 * (the others count as "node(s) didn't satisfy plugin(s) [NodeAffinity]"); an empty set rejects
 * the pod ("pod affinity terms conflict").
 * Score: Σ weights of the matching preferred terms, normalized to 100·raw/max.
 */
export const NODE_AFFINITY = 'NodeAffinity';

const REJECTED = makeStatus(NODE_AFFINITY, 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");
const CONFLICT = makeStatus(NODE_AFFINITY, 'UnschedulableAndUnresolvable', 'pod affinity terms conflict');

function filter(cycle: Cycle, _state: undefined, node: NodeInfo): Status | null {
  return cycle.pod.spec.nodeAffinity.matches(node) ? null : REJECTED;
}

function score(cycle: Cycle, _state: undefined, node: NodeInfo): number {
  let total = 0;
  for (const term of cycle.pod.spec.preferredNodeTerms) if (term.matches(node)) total += term.weight;
  return total;
}

export const nodeAffinityPlugin = definePlugin<undefined, undefined>({
  name: NODE_AFFINITY,
  preFilter(cycle) {
    const spec = cycle.pod.spec;
    if (spec.nodeAffinity.isEmpty && !spec.hasRequiredNodeAffinity) return SKIP_RESULT;
    if (spec.nodeNames === undefined) return { kind: 'run', state: undefined };
    if (spec.nodeNames.size === 0) return { kind: 'reject', status: CONFLICT };
    return { kind: 'run', state: undefined, nodeNames: spec.nodeNames };
  },
  filter,
  filterNodes(cycle, state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filter(cycle, state, nodes[i]);
  },
  preScore(cycle) {
    return cycle.pod.spec.preferredNodeTerms.length === 0 ? SKIP_SCORE : undefined;
  },
  score,
  scoreNodes(cycle, state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = score(cycle, state, nodes[i]);
  },
  normalizeScore(_cycle, _state, scores) {
    defaultNormalizeScore(scores, false);
  },
});
