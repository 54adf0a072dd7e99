import { isTolerated } from '../../model/taints';
import { definePlugin, makeStatus, MAX_NODE_SCORE, type Cycle, type Status } from '../types';
import { defaultNormalizeScore } from './normalize';

/**
 * TaintToleration.
 * Filter: every NoSchedule/NoExecute taint must be tolerated (PreferNoSchedule never filters).
 * Score: the number of PreferNoSchedule taints not tolerated by the pod's tolerations whose effect
 * is empty or PreferNoSchedule, normalized **reversed**: 100 − 100·raw/max (all 100 when max is 0).
 *
 * Worked example (upstream): raw A=0, B=1, C=2 → A=100, B=50, C=0 → ×3 = 300, 150, 0.
 */
export const TAINT_TOLERATION = 'TaintToleration';

const REJECTED = makeStatus(TAINT_TOLERATION, 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)');
const tolerated = isTolerated;

function filterAt(cycle: Cycle, index: number): Status | null {
  if (cycle.cluster.columns.hasDoNotScheduleTaints[index] === 0) return null;
  const taints = cycle.cluster.nodes[index].doNotScheduleTaints;
  const tolerations = cycle.pod.spec.tolerations;
  for (let i = 0; i < taints.length; i++) if (!tolerated(taints[i], tolerations)) return REJECTED;
  return null;
}

function scoreAt(cycle: Cycle, index: number): number {
  if (cycle.cluster.columns.hasPreferNoScheduleTaints[index] === 0) return 0;
  const taints = cycle.cluster.nodes[index].preferNoScheduleTaints;
  let count = 0;
  for (let i = 0; i < taints.length; i++) if (!tolerated(taints[i], cycle.pod.spec.preferNoScheduleTolerations)) count++;
  return count;
}

export const taintTolerationPlugin = definePlugin<undefined, undefined>({
  name: TAINT_TOLERATION,
  filter: (cycle, _state, node) => filterAt(cycle, node.index),
  filterNodes(cycle, _state, nodes, from, to, statuses) {
    const tainted = cycle.cluster.columns.hasDoNotScheduleTaints;
    for (let i = from; i < to; i++) if (statuses[i] === null && tainted[nodes[i]] === 1) statuses[i] = filterAt(cycle, nodes[i]);
  },
  preScore() {
    return undefined;
  },
  score: (cycle, _state, node) => scoreAt(cycle, node.index),
  scoreNodes(cycle, _state, nodes, out) {
    const tainted = cycle.cluster.columns.hasPreferNoScheduleTaints;
    for (let i = 0; i < nodes.length; i++) out[i] = tainted[nodes[i]] === 1 ? scoreAt(cycle, nodes[i]) : 0;
  },
  // Without PreferNoSchedule taints every raw score is 0, and the reversed normalization makes that 100 everywhere.
  uniformScore: (cycle) => (cycle.cluster.hasPreferNoScheduleTaints ? undefined : MAX_NODE_SCORE),
  normalizeScore(_cycle, _state, scores) {
    defaultNormalizeScore(scores, true);
  },
});
