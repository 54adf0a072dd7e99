import { isTolerated, NO_SCHEDULE, type Taint } from '../../model/taints';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';

/**
 * NodeUnschedulable: a cordoned node (`spec.unschedulable: true`) takes only pods tolerating the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint. It reads the spec field, not the taint
 * (the node lifecycle controller adds the taint too; TaintToleration checks that one).
 * (Skipped when no node of the cluster is cordoned: the filter would pass everywhere.)
 */
export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', value: '', effect: NO_SCHEDULE };
const REJECTED = makeStatus(NODE_UNSCHEDULABLE, 'UnschedulableAndUnresolvable', 'node(s) were unschedulable');
const tolerated = isTolerated;

function filterAt(cycle: Cycle, index: number): Status | null {
  if (cycle.cluster.columns.unschedulable[index] === 0) return null;
  return tolerated(UNSCHEDULABLE_TAINT, cycle.pod.spec.tolerations) ? null : REJECTED;
}

export const nodeUnschedulablePlugin = definePlugin<undefined, never>({
  name: NODE_UNSCHEDULABLE,
  preFilter(cycle) {
    return cycle.cluster.hasCordonedNodes ? { kind: 'run', state: undefined } : SKIP_RESULT;
  },
  filter: (cycle, _state, node) => filterAt(cycle, node.index),
  filterNodes(cycle, _state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filterAt(cycle, nodes[i]);
  },
});
