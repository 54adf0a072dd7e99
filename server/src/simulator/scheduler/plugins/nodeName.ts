import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';

/**
 * NodeName: a pod naming a node (`spec.nodeName`) fits only that node. (Skipped for pods that
 * name none: the filter would pass everywhere.)
 */
export const NODE_NAME = 'NodeName';

const REJECTED = makeStatus(NODE_NAME, 'UnschedulableAndUnresolvable', "node(s) didn't match the requested node name");

function filterAt(cycle: Cycle, index: number): Status | null {
  const wanted = cycle.pod.spec.nodeName;
  return wanted === '' || wanted === cycle.cluster.nodes[index].name ? null : REJECTED;
}

export const nodeNamePlugin = definePlugin<undefined, never>({
  name: NODE_NAME,
  preFilter(cycle) {
    return cycle.pod.spec.nodeName === '' ? SKIP_RESULT : { kind: 'run', state: undefined };
  },
  filter: (cycle, _state, node) => filterAt(cycle, node.index),
  filterNodes(cycle, _state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filterAt(cycle, nodes[i]);
  },
});
