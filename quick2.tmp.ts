import { createClusterState } from './server/src/simulator/scheduler';
import { compilePod } from './server/src/simulator/scheduler/clusterState';
import { runFilters } from './server/src/simulator/scheduler/framework';
import { readClusterProfile } from './server/src/simulator/cluster/clusterProfile';
import { emptyClusterObjects } from './server/src/simulator/model/clusterObjects';
import { expandWorkloads } from './server/src/simulator/workloads/expandWorkloads';
import { clusterManifests, workloadManifests } from './bench/scheduler';
import { podTopologySpreadPlugin } from './server/src/simulator/scheduler/plugins/podTopologySpread';
import { nodeResourcesFitPlugin } from './server/src/simulator/scheduler/plugins/nodeResourcesFit';
const objects = emptyClusterObjects();
const profile = readClusterProfile(clusterManifests(5000), objects, { maxNodes: 50000 });
const exp = expandWorkloads(workloadManifests(), { nodes: profile.nodes, objects, maxPodsPerWorkload: 10000, maxPodsTotal: 100000 });
const pods = exp.workloads.flatMap((w) => w.pods);
const state = createClusterState(profile.nodes, [], { objects });
const info = compilePod(state, pods[0]);
const cycle = { pod: info, cluster: state };
const pass = runFilters(cycle);
const out = new Float64Array(pass.feasible.length);
for (const [name, plugin] of [['spread', podTopologySpreadPlugin], ['fit', nodeResourcesFitPlugin]] as const) {
  const st = plugin.preScore!(cycle, pass.feasible);
  let t = process.hrtime.bigint();
  for (let r = 0; r < 10000; r++) plugin.scoreNodes!(cycle, st, pass.feasible, out);
  console.log(name, Number(process.hrtime.bigint() - t) / 1e6 / (10000 * pass.feasible.length) * 1e6, 'ns/node');
  t = process.hrtime.bigint();
  for (let r = 0; r < 10000; r++) plugin.preScore!(cycle, pass.feasible);
  console.log(name, 'pre', Number(process.hrtime.bigint() - t) / 1e6 / 10000 * 1e3, 'us/call');
}
