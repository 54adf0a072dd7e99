import { performance } from 'node:perf_hooks';
import { dryRun } from '../server/src/dryRun/dryRun';
import { whatIfFrom, type WhatIfDryRunInput } from '../server/src/dryRun/whatIfDryRun';
import type { KubeObject, Manifest } from '../server/src/simulator/model/source';
import { clusterManifests } from './scheduler';

/**
 * `npm run bench whatif`: node-down on a 1,000-node cluster (the scheduler benchmark's nodes: 3
 * regions × 10 zones, 5% GPU nodes) running 10,000 pods: 90 Deployments and 10 StatefulSets of 100
 * replicas, a PodDisruptionBudget on every tenth Deployment. The busiest node goes down at 0; the
 * timeline runs to the end of its evictions (+350 s: NotReady, taints, evictions, replacements
 * through the scheduler, readiness). Target: the timeline ≤ 2 s (the dry run before it is reported
 * apart). One warm-up run, then min/median of 3.
 */
const RUNS = 3;

export async function benchWhatIf(): Promise<Record<string, number | string>> {
  const cluster = clusterManifests(1_000);
  const manifests = workloads();
  const started = performance.now();
  const start = dryRun({ manifests, cluster, baseline: null });
  const dryRunMs = performance.now() - started;
  const busiest = [...start.simulation.nodes].sort((a, b) => b.pods.length - a.pods.length || (a.node.name < b.node.name ? -1 : 1))[0];
  const input: WhatIfDryRunInput = { manifests, cluster, events: [{ kind: 'node-down', node: busiest.node.name, at: 0 }] };
  whatIfFrom(start, input); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = whatIfFrom(start, input);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = whatIfFrom(start, input);
    const used = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const count = (type: string): number => last.whatIf.timeline.filter((e) => e.type === type).length;
  return {
    'whatif.nodes': start.simulation.nodes.length,
    'whatif.pods': start.simulation.pods.filter((p) => p.placement.status !== 'Pending').length,
    'whatif.podsOnDownNode': busiest.pods.length,
    'whatif.evicted': count('PodEvicted'),
    'whatif.rescheduled': count('PodScheduled'),
    'whatif.pendingReplacements': count('PodPending'),
    'whatif.timelineEntries': last.whatIf.timeline.length,
    'whatif.endSeconds': last.whatIf.end,
    'whatif.dryRunMs': Math.round(dryRunMs),
    'whatif.timelineMinMs': Math.round(wall[0]),
    'whatif.timelineMedianMs': Math.round(wall[Math.floor(wall.length / 2)]),
    'whatif.timelineMedianCpuMs': Math.round(cpu[Math.floor(cpu.length / 2)]),
    'whatif.totalMs': Math.round(dryRunMs + wall[Math.floor(wall.length / 2)]),
  };
}

function workloads(): Manifest[] {
  const objects: KubeObject[] = [];
  const cpu = ['100m', '250m', '500m', '1'];
  for (let i = 0; i < 100; i++) {
    const name = i < 90 ? `app-${i}` : `store-${i - 90}`;
    const namespace = `team-${i % 5}`;
    const template = {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'main', image: 'registry.example.com/app:1.0', resources: { requests: { cpu: cpu[i % 4], memory: '256Mi' } }, ...(i % 3 === 0 ? { readinessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 5 } } : {}) }] },
    };
    const spec = { replicas: 100, selector: { matchLabels: { app: name } }, template };
    objects.push(i < 90 ? { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec } : { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace }, spec: { ...spec, serviceName: name } });
    if (i % 10 === 0) objects.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace }, spec: { maxUnavailable: '10%', selector: { matchLabels: { app: name } } } });
    if (i % 4 === 0) objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } });
  }
  return objects.map((object, index) => ({ source: { file: 'workloads.yaml', document: index, path: [] }, object }));
}
