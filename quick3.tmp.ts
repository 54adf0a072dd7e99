import { createClusterState } from './server/src/simulator/scheduler';
import { compilePod, bindPod } from './server/src/simulator/scheduler/clusterState';
import { runFilters, runScores } from './server/src/simulator/scheduler/framework';
import { readClusterProfile } from './server/src/simulator/cluster/clusterProfile';
import { emptyClusterObjects } from './server/src/simulator/model/clusterObjects';
import { expandWorkloads } from './server/src/simulator/workloads/expandWorkloads';
import { clusterManifests, workloadManifests } from './bench/scheduler';
const objects = emptyClusterObjects();
const profile = readClusterProfile(clusterManifests(5000), objects, { maxNodes: 50000 });
const exp = expandWorkloads(workloadManifests(), { nodes: profile.nodes, objects, maxPodsPerWorkload: 10000, maxPodsTotal: 100000 });
const pods = exp.workloads.flatMap((w) => w.pods);
const state = createClusterState(profile.nodes, [], { objects });
// place half the pods quickly on round-robin nodes to have a populated cluster
pods.slice(0, 5000).forEach((p, i) => bindPod(state, compilePod(state, p), state.nodes[(i * 13) % 5000]));
for (const which of [5000, 7000, 9000, 9500]) {
  const info = compilePod(state, pods[which]);
  const cycle = { pod: info, cluster: state };
  const pass = runFilters(cycle);
  const c0 = process.cpuUsage(); const w0 = process.hrtime.bigint();
  for (let r = 0; r < 2000; r++) runScores(cycle, pass.feasible);
  const c = process.cpuUsage(c0);
  const c1 = process.cpuUsage(); 
  for (let r = 0; r < 2000; r++) runFilters(cycle);
  const cf = process.cpuUsage(c1);
  console.log(pods[which].name, 'feasible', pass.feasible.length, 'score cpu us/call', ((c.user + c.system) / 2000).toFixed(1), 'wall', (Number(process.hrtime.bigint() - w0) / 2e6).toFixed(1), 'filter cpu us/call', ((cf.user + cf.system) / 2000).toFixed(1), 'evaluated', pass.evaluated);
}
import { prepareSpreadScore, spreadScoreNodes } from './server/src/simulator/scheduler/plugins/podTopologySpreadScoring';
{
  const info = compilePod(state, pods[100]);
  const cycle = { pod: info, cluster: state };
  const pass = runFilters(cycle);
  const c0 = process.cpuUsage();
  let st: any;
  for (let r = 0; r < 5000; r++) st = prepareSpreadScore(cycle, pass.feasible);
  const c = process.cpuUsage(c0);
  const out = new Float64Array(pass.feasible.length);
  const c1 = process.cpuUsage();
  for (let r = 0; r < 5000; r++) spreadScoreNodes(cycle, st, pass.feasible, out);
  const c2 = process.cpuUsage(c1);
  console.log('pre us', (c.user + c.system) / 5000, 'score us', (c2.user + c2.system) / 5000, st.constraints.map((x: any) => x.topologyKey), pass.feasible.length);
}
{
  const info = compilePod(state, pods[100]);
  const cycle = { pod: info, cluster: state };
  const pass = runFilters(cycle);
  const st: any = prepareSpreadScore(cycle, pass.feasible);
  function scoreAtLocal(state: any, index: number) {
    if (state.ignored !== null && state.ignored[index] === 1) return 0;
    let score = 0;
    const topologies = state.topologies;
    for (let i = 0; i < topologies.length; i++) {
      const domain = topologies[i].domainOf[index];
      if (domain < 0) continue;
      const count = state.sources[i][state.perNode[i] === 1 ? index : domain];
      score += count * state.weights[i] + state.skews[i];
    }
    return Math.round(score);
  }
  const f = pass.feasible; const out = new Float64Array(f.length);
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    for (let r = 0; r < 5000; r++) for (let i = 0; i < f.length; i++) out[i] = scoreAtLocal(st, f[i]);
    const c = process.cpuUsage(c0);
    const c1 = process.cpuUsage();
    for (let r = 0; r < 5000; r++) spreadScoreNodes(cycle, st, f, out);
    const c2 = process.cpuUsage(c1);
    console.log('local ns/node', (c.user + c.system) * 1000 / (5000 * f.length), 'module ns/node', (c2.user + c2.system) * 1000 / (5000 * f.length));
  }
  console.log(Object.keys(st), st.sources.map((s: any) => s.length), st.topologies.map((t: any) => t.key));
}
