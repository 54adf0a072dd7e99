import { portConflicts, type NodeInfo } from '../nodeInfo';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type Status } from '../types';

/**
 * NodePorts: every host port the pod wants (regular containers and sidecars) must be free on the
 * node: a port conflicts when protocol and port are equal and either IP is 0.0.0.0 or both are equal.
 */
export const NODE_PORTS = 'NodePorts';

const REJECTED = makeStatus(NODE_PORTS, 'Unschedulable', "node(s) didn't have free ports for the requested pod ports");
const conflicts = portConflicts;

function filter(cycle: Cycle, _state: undefined, node: NodeInfo): Status | null {
  if (node.usedPorts.size === 0) return null;
  for (const port of cycle.pod.spec.hostPorts) if (conflicts(node, port)) return REJECTED;
  return null;
}

export const nodePortsPlugin = definePlugin<undefined, never>({
  name: NODE_PORTS,
  preFilter(cycle) {
    return cycle.pod.spec.hostPorts.length === 0 ? SKIP_RESULT : { kind: 'run', state: undefined };
  },
  filter,
  filterNodes(cycle, state, nodes, from, to, statuses) {
    for (let i = from; i < to; i++) if (statuses[i] === null) statuses[i] = filter(cycle, state, nodes[i]);
  },
});
