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
pods.slice(0, 5000).forEach((p, i) => bindPod(state, compilePod(state, p), state.nodes[(i * 13) % 5000]));
const info = compilePod(state, pods[9500]);
const cycle = { pod: info, cluster: state };
const pass = runFilters(cycle);
const f = pass.feasible; const out = new Float64Array(f.length);
const R = 3000;
const cpu = (fn: () => void) => { const c0 = process.cpuUsage(); for (let r = 0; r < R; r++) fn(); const c = process.cpuUsage(c0); return ((c.user + c.system) * 1000 / (R * f.length)).toFixed(1); };
for (let k = 0; k < 2; k++) {
  const res: Record<string, string> = {};
  for (const { plugin } of state.profile.scorers) {
    const st = plugin.preScore ? plugin.preScore(cycle, f) : undefined;
    res[plugin.name + '.pre'] = cpu(() => plugin.preScore?.(cycle, f));
    if (typeof st === 'symbol') continue;
    res[plugin.name] = cpu(() => plugin.scoreNodes!(cycle, st, f, out));
    res[plugin.name + '.norm'] = cpu(() => plugin.normalizeScore?.(cycle, st, out, f));
  }
  res.all = cpu(() => runScores(cycle, f));
  console.log(res);
}
{
  const n = f.length; const width = 7; const normalized = new Int16Array(n * width); const totals = new Int32Array(n);
  const scores = new Float64Array(n).fill(55);
  const r = cpu(() => { for (let p = 0; p < 7; p++) { const weight = p + 1; for (let i = 0; i < n; i++) { const s = scores[i]; const clamped = s > 100 ? 100 : s < 0 ? 0 : s; normalized[i * width + p] = clamped; totals[i] += clamped * weight; } } });
  console.log('clamp loop ns/node', r);
  console.log('alloc', cpu(() => { new Int16Array(n * width); new Int32Array(n); }));
}
