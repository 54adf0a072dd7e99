import type { PodSpecInfo } from '../cache/podSpecInfo';
import { definePlugin, makeStatus, SKIP_RESULT, SKIP_SCORE, type Cycle, type Status } from '../types';
import { defaultNormalizeScore } from './normalize';
import { resolvedOnce } from './spreadCounters';

/**
 * NodeAffinity: `spec.nodeSelector` AND required node affinity (see model/nodeSelector).
 * PreFilter: when every required term pins `metadata.name In [...]`, only those nodes are tried
 * (the others count as "node(s) didn't satisfy plugin(s) [NodeAffinity]"); an empty set rejects
 * the pod ("pod affinity terms conflict").
 * Score: Σ weights of the matching preferred terms, normalized to 100·raw/max.
 * Both depend only on the pod spec and the node's labels, so they are remembered per spec and
 * node (replicas of a template ask again and again).
 */
export const NODE_AFFINITY = 'NodeAffinity';

const REJECTED = makeStatus(NODE_AFFINITY, 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");
const CONFLICT = makeStatus(NODE_AFFINITY, 'UnschedulableAndUnresolvable', 'pod affinity terms conflict');

interface AffinityMemo {
  /** Per node index: 0 not yet known, 1 matches, 2 does not. */
  readonly required: Uint8Array;
  /** Per node index: the raw preferred score, NaN until computed. */
  readonly preferred: Float64Array;
}

/**
 * The memo of a spec, allocated the second time the spec is scheduled (a one-off pod, such as
 * each DaemonSet pod pinned to its node, does not pay for arrays the size of the cluster).
 */
function memoOf(cycle: Cycle, spec: PodSpecInfo, countUse: boolean): AffinityMemo | null {
  const count = cycle.cluster.nodes.length;
  const entry = resolvedOnce(cycle, spec, () => ({ uses: 0, memo: null as AffinityMemo | null }));
  if (countUse) entry.uses++;
  if (entry.memo === null && entry.uses >= 2) entry.memo = { required: new Uint8Array(count), preferred: new Float64Array(count).fill(NaN) };
  return entry.memo;
}

function filterAt(cycle: Cycle, memo: AffinityMemo | null, index: number): Status | null {
  let known = memo === null ? 0 : memo.required[index];
  if (known === 0) {
    known = cycle.pod.spec.nodeAffinity.matches(cycle.cluster.nodes[index]) ? 1 : 2;
    if (memo !== null) memo.required[index] = known;
  }
  return known === 1 ? null : REJECTED;
}

function scoreAt(cycle: Cycle, memo: AffinityMemo | null, index: number): number {
  let raw = memo === null ? NaN : memo.preferred[index];
  if (raw !== raw) {
    raw = 0;
    const node = cycle.cluster.nodes[index];
    for (const term of cycle.pod.spec.preferredNodeTerms) if (term.matches(node)) raw += term.weight;
    if (memo !== null) memo.preferred[index] = raw;
  }
  return raw;
}

export const nodeAffinityPlugin = definePlugin<AffinityMemo | null, AffinityMemo | null>({
  name: NODE_AFFINITY,
  preFilter(cycle) {
    const spec = cycle.pod.spec;
    if (spec.nodeAffinity.isEmpty && !spec.hasRequiredNodeAffinity) return SKIP_RESULT;
    if (spec.nodeNames !== undefined && spec.nodeNames.size === 0) return { kind: 'reject', status: CONFLICT };
    return { kind: 'run', state: memoOf(cycle, spec, true), nodeNames: spec.nodeNames };
  },
  filter: (cycle, memo, node) => filterAt(cycle, memo, node.index),
  filterNodes(cycle, memo, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filterAt(cycle, memo, nodes[i]);
  },
  preScore(cycle) {
    return cycle.pod.spec.preferredNodeTerms.length === 0 ? SKIP_SCORE : memoOf(cycle, cycle.pod.spec, !cycle.pod.spec.hasRequiredNodeAffinity && cycle.pod.spec.nodeAffinity.isEmpty);
  },
  score: (cycle, memo, node) => scoreAt(cycle, memo, node.index),
  scoreNodes(cycle, memo, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = scoreAt(cycle, memo, nodes[i]);
  },
  normalizeScore(_cycle, _state, scores) {
    defaultNormalizeScore(scores, false);
  },
});
