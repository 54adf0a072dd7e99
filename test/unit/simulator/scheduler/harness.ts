/**
 * Runs one plugin the way the framework does, on a tiny cluster built from the test builders:
 * `filterAll` → node name → rejection reason (null when it fits), `scoreAll` → node name →
 * normalized 0..100 score (every node treated as feasible), `schedule` → the placement.
 */
import type { SimNode } from '../../../../server/src/simulator/model/node';
import type { SimPod } from '../../../../server/src/simulator/model/pod';
import type { ClusterObjects } from '../../../../server/src/simulator/model/clusterObjects';
import { createClusterState, scheduleOne, type ClusterState, type PodPlacement } from '../../../../server/src/simulator/scheduler';
import { compilePod } from '../../../../server/src/simulator/scheduler/cache/clusterState';
import { SKIP_SCORE, type Cycle, type Plugin, type Status } from '../../../../server/src/simulator/scheduler/types';

export interface Scenario {
  nodes: SimNode[];
  existing?: SimPod[];
  objects?: ClusterObjects;
}

export function cycleFor(scenario: Scenario, pod: SimPod): { state: ClusterState; cycle: Cycle } {
  const state = createClusterState(scenario.nodes, scenario.existing ?? [], { objects: scenario.objects });
  return { state, cycle: { pod: compilePod(state, pod), cluster: state } };
}

export function filterAll(plugin: Plugin, scenario: Scenario, pod: SimPod): Record<string, string | null> {
  const { state, cycle } = cycleFor(scenario, pod);
  const result: Record<string, string | null> = {};
  const pre = plugin.preFilter ? plugin.preFilter(cycle) : ({ kind: 'run', state: undefined } as const);
  for (const node of state.nodes) {
    if (pre.kind === 'reject') result[node.name] = pre.status.reasons.join(', ');
    else if (pre.kind === 'skip') result[node.name] = null;
    else if (pre.nodeNames && !pre.nodeNames.has(node.name)) result[node.name] = 'excluded by PreFilter';
    else {
      const status = plugin.filter!(cycle, pre.state, node);
      result[node.name] = status === null ? null : status.reasons.join(', ');
      if (plugin.filterNodes) {
        const statuses: Array<Status | null> = [null];
        plugin.filterNodes(cycle, pre.state, Int32Array.of(node.index), 0, 1, statuses);
        const batch = statuses[0] === null ? null : statuses[0].reasons.join(', ');
        if (batch !== result[node.name]) throw new Error(`batch filter says ${batch}, per-node filter ${result[node.name]} on ${node.name}`);
      }
    }
  }
  return result;
}

/** Normalized scores; 'skip' when PreScore skipped the plugin. */
export function scoreAll(plugin: Plugin, scenario: Scenario, pod: SimPod): Record<string, number> | 'skip' {
  const { state, cycle } = cycleFor(scenario, pod);
  const feasible = Int32Array.from(state.nodes.map((n) => n.index));
  const pre = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
  if (pre === SKIP_SCORE) return 'skip';
  const scores = new Float64Array(feasible.length);
  feasible.forEach((index, i) => (scores[i] = plugin.score!(cycle, pre, state.nodes[index])));
  plugin.normalizeScore?.(cycle, pre, scores, feasible);
  const batch = new Float64Array(feasible.length);
  if (plugin.scoreNodes) {
    plugin.scoreNodes(cycle, pre, feasible, batch);
    plugin.normalizeScore?.(cycle, pre, batch, feasible);
    batch.forEach((v, i) => {
      if (v !== scores[i]) throw new Error(`batch score ${v} differs from per-node score ${scores[i]} on ${state.nodes[feasible[i]].name}`);
    });
  }
  const result: Record<string, number> = {};
  feasible.forEach((index, i) => (result[state.nodes[index].name] = scores[i]));
  return result;
}

export function schedule(scenario: Scenario, pod: SimPod, options: { percentageOfNodesToScore?: number } = {}): { state: ClusterState; placement: PodPlacement } {
  const state = createClusterState(scenario.nodes, scenario.existing ?? [], { objects: scenario.objects, percentageOfNodesToScore: options.percentageOfNodesToScore });
  return { state, placement: scheduleOne(state, pod) };
}
