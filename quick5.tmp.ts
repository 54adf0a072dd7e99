import { createClusterState } from './server/src/simulator/scheduler';
import { compilePod, bindPod } from './server/src/simulator/scheduler/clusterState';
import { runFilters } from './server/src/simulator/scheduler/framework';
import { readClusterProfile } from './server/src/simulator/cluster/clusterProfile';
import { emptyClusterObjects } from './server/src/simulator/model/clusterObjects';
import { expandWorkloads } from './server/src/simulator/workloads/expandWorkloads';
import { clusterManifests, workloadManifests } from './bench/scheduler';
import type { Status } from './server/src/simulator/scheduler/types';
const objects = emptyClusterObjects();
const profile = readClusterProfile(clusterManifests(5000), objects, { maxNodes: 50000 });
const exp = expandWorkloads(workloadManifests(), { nodes: profile.nodes, objects, maxPodsPerWorkload: 10000, maxPodsTotal: 100000 });
const pods = exp.workloads.flatMap((w) => w.pods);
const state = createClusterState(profile.nodes, [], { objects });
pods.slice(0, 5000).forEach((p, i) => bindPod(state, compilePod(state, p), state.nodes[(i * 13) % 5000]));
for (const which of [100, 9500]) {
const info = compilePod(state, pods[which]);
const cycle = { pod: info, cluster: state };
const R = 3000;
const nodes = Int32Array.from({ length: 64 }, (_, i) => i + 100);
const statuses: Array<Status | null> = new Array(64).fill(null);
const cpu = (fn: () => void, per: number) => { const c0 = process.cpuUsage(); for (let r = 0; r < R; r++) fn(); const c = process.cpuUsage(c0); return ((c.user + c.system) * 1000 / (R * per)).toFixed(1); };
const res: Record<string, string> = {};
for (let k = 0; k < 2; k++) {
  for (const plugin of state.profile.filters) {
    const pre = plugin.preFilter ? plugin.preFilter(cycle) : { kind: 'run' as const, state: undefined };
    res[plugin.name + '.pre'] = cpu(() => plugin.preFilter?.(cycle), 527);
    if (pre.kind !== 'run') continue;
    res[plugin.name] = cpu(() => { statuses.fill(null); plugin.filterNodes!(cycle, pre.state, nodes, 0, 64, statuses); }, 64);
  }
  res.all = cpu(() => { state.nextStartNodeIndex = 0; runFilters(cycle); }, 527);
}
console.log(pods[which].name, res);
}
