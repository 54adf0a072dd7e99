import type { NodeInfo } from '../nodeInfo';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';

/**
 * NodeName: a pod naming a node (`spec.nodeName`) fits only that node. (Skipped for pods that
 * name none: the filter would pass everywhere.)
 */
export const NODE_NAME = 'NodeName';

const REJECTED = makeStatus(NODE_NAME, 'UnschedulableAndUnresolvable', "node(s) didn't match the requested node name");

function filter(cycle: Cycle, _state: undefined, node: NodeInfo): Status | null {
  const wanted = cycle.pod.spec.nodeName;
  return wanted === '' || wanted === node.name ? null : REJECTED;
}

export const nodeNamePlugin = definePlugin<undefined, never>({
  name: NODE_NAME,
  preFilter(cycle) {
    return cycle.pod.spec.nodeName === '' ? SKIP_RESULT : { kind: 'run', state: undefined };
  },
  filter,
  filterNodes(cycle, state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filter(cycle, state, nodes[i]);
  },
});
