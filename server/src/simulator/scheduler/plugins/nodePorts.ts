import { portConflicts } from '../cache/nodeInfo';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';

/**
 * NodePorts: every host port the pod wants (regular containers and sidecars) must be free on the
 * node: a port conflicts when protocol and port are equal and either IP is 0.0.0.0 or both are equal.
 */
export const NODE_PORTS = 'NodePorts';

const REJECTED = makeStatus(NODE_PORTS, 'Unschedulable', "node(s) didn't have free ports for the requested pod ports");
const conflicts = portConflicts;

function filterAt(cycle: Cycle, index: number): Status | null {
  const node = cycle.cluster.nodes[index];
  if (node.usedPorts.size === 0) return null;
  for (const port of cycle.pod.spec.hostPorts) if (conflicts(node, port)) return REJECTED;
  return null;
}

export const nodePortsPlugin = definePlugin<undefined, never>({
  name: NODE_PORTS,
  preFilter(cycle) {
    return cycle.pod.spec.hostPorts.length === 0 ? SKIP_RESULT : { kind: 'run', state: undefined };
  },
  filter: (cycle, _state, node) => filterAt(cycle, node.index),
  filterNodes(cycle, _state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filterAt(cycle, nodes[i]);
  },
});
