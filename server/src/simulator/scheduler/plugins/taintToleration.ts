import { isTolerated } from '../../model/taints';
import type { NodeInfo } from '../nodeInfo';
import { definePlugin, makeStatus, type Cycle, type Status } from '../types';
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

function filter(cycle: Cycle, _state: undefined, node: NodeInfo): Status | null {
  const taints = node.doNotScheduleTaints;
  if (taints.length === 0) return null;
  const tolerations = cycle.pod.spec.tolerations;
  for (let i = 0; i < taints.length; i++) if (!tolerated(taints[i], tolerations)) return REJECTED;
  return null;
}

function score(cycle: Cycle, _state: undefined, node: NodeInfo): number {
  const taints = node.preferNoScheduleTaints;
  if (taints.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < taints.length; i++) if (!tolerated(taints[i], cycle.pod.spec.preferNoScheduleTolerations)) count++;
  return count;
}

export const taintTolerationPlugin = definePlugin<undefined, undefined>({
  name: TAINT_TOLERATION,
  filter,
  filterNodes(cycle, state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filter(cycle, state, nodes[i]);
  },
  preScore() {
    return undefined;
  },
  score,
  scoreNodes(cycle, state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = score(cycle, state, nodes[i]);
  },
  normalizeScore(_cycle, _state, scores) {
    defaultNormalizeScore(scores, true);
  },
});
