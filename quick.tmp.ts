import { createClusterState } from './server/src/simulator/scheduler';
import { compilePod, bindPod } from './server/src/simulator/scheduler/clusterState';
import { runFilters, runScores, selectHost } from './server/src/simulator/scheduler/framework';
import { readClusterProfile } from './server/src/simulator/cluster/clusterProfile';
import { emptyClusterObjects } from './server/src/simulator/model/clusterObjects';
import { expandWorkloads } from './server/src/simulator/workloads/expandWorkloads';
import { clusterManifests, workloadManifests } from './bench/scheduler';
const objects = emptyClusterObjects();
const profile = readClusterProfile(clusterManifests(5000), objects, { maxNodes: 50000 });
const exp = expandWorkloads(workloadManifests(), { nodes: profile.nodes, objects, maxPodsPerWorkload: 10000, maxPodsTotal: 100000 });
const pods = exp.workloads.flatMap((w) => w.pods);
const state = createClusterState(profile.nodes, [], { objects });
const t: Record<string, number> = { compile: 0, filter: 0, score: 0, bind: 0 };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const kinds: Record<string, number[]> = {};
for (const pod of pods) {
  let a = cpu();
  const info = compilePod(state, pod);
  let b = cpu(); t.compile += b - a; a = b;
  const cycle = { pod: info, cluster: state };
  const pass = runFilters(cycle);
  b = cpu(); t.filter += b - a; const fcost = b - a; a = b;
  const scored = runScores(cycle, pass.feasible);
  const { node: chosen } = selectHost(state.nodes, state.nameRank, pass.feasible, scored.totals); const node = chosen;
  b = cpu(); t.score += b - a; const scost = b - a; a = b;
  bindPod(state, info, node);
  b = cpu(); t.bind += b - a;
  const k = pod.name.split('-')[0]; (kinds[k] ??= [0, 0])[0] += fcost; kinds[k][1] += scost;
}
console.log(t, kinds);
// per-plugin timing on a fresh state, plain pods only
{
  const state2 = createClusterState(profile.nodes, [], { objects });
  const per: Record<string, number> = {};
  for (const pod of pods) {
    const info = compilePod(state2, pod);
    const cycle = { pod: info, cluster: state2 };
    const pass = runFilters(cycle);
    const feasible = pass.feasible;
    const buf = new Float64Array(feasible.length);
    const totals = new Float64Array(feasible.length);
    for (const { plugin, weight } of state2.profile.scorers) {
      let a = cpu();
      const st = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
      let b = cpu(); per[plugin.name + '.pre'] = (per[plugin.name + '.pre'] ?? 0) + b - a; a = b;
      if (typeof st === 'symbol') continue;
      plugin.scoreNodes!(cycle, st, feasible, buf);
      b = cpu(); per[plugin.name + '.score'] = (per[plugin.name + '.score'] ?? 0) + b - a; a = b;
      plugin.normalizeScore?.(cycle, st, buf, feasible);
      for (let i = 0; i < feasible.length; i++) totals[i] += buf[i] * weight;
      b = cpu(); per[plugin.name + '.norm'] = (per[plugin.name + '.norm'] ?? 0) + b - a;
    }
    let best = 0; for (let i = 1; i < feasible.length; i++) if (totals[i] > totals[best]) best = i;
    bindPod(state2, info, state2.nodes[feasible[best]]);
  }
  console.log(per);
}
