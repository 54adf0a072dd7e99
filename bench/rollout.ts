import { performance } from 'node:perf_hooks';
import { placerFor } from '../server/src/simulator/controllers/deployment/clusterPlacer';
import { simulateRollout } from '../server/src/simulator/controllers/deployment/rollout';
import type { Manifest } from '../server/src/simulator/model/source';

/**
 * `npm run bench rollout`: a 100-replica rolling update (25%/25%) with every pod scheduled on a
 * 5,000-node cluster in 3 zones (required hostname anti-affinity per version and preferred zone
 * spreading, so the scheduler filters and scores for real). Target ≤ 1 s for the rollout; reading
 * the cluster is reported apart. Inputs are generated deterministically.
 */
export async function benchRollout(): Promise<Record<string, number | string>> {
  const nodes = nodeManifests(5000);
  const start = performance.now();
  const setup = placerFor(nodes);
  const ready = performance.now();
  const before = process.cpuUsage();
  const result = simulateRollout(deployment('1.0'), deployment('1.1'), setup.create(deployment('1.1')));
  const used = process.cpuUsage(before);
  const end = performance.now();
  return {
    nodes: 5000,
    replicas: 100,
    outcome: result.outcome,
    steps: result.steps.length,
    'pods scheduled': result.steps.reduce((sum, step) => sum + step.scheduled.length, 0) + 100,
    'read cluster (ms)': Math.round(ready - start),
    'rollout with scheduling (ms)': Math.round(end - ready),
    'rollout with scheduling (cpu ms)': Math.round((used.user + used.system) / 1000),
    'total (ms)': Math.round(end - start),
    'target (ms)': 1000,
  };
}

function nodeManifests(count: number): Manifest[] {
  return Array.from({ length: count }, (_, i) => ({
    source: { file: 'bench-cluster.yaml', document: 0, path: ['items', i] },
    object: {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: `node-${String(i).padStart(4, '0')}`, labels: { 'kubernetes.io/hostname': `node-${String(i).padStart(4, '0')}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
      status: { allocatable: { cpu: '8', memory: '32Gi', pods: '110' }, capacity: { cpu: '8', memory: '32Gi', pods: '110' } },
    },
  }));
}

function deployment(version: string): Manifest {
  return {
    source: { file: 'bench-web.yaml', document: 0, path: [] },
    object: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'bench' },
      spec: {
        replicas: 100,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', version } },
          spec: {
            affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web', version } }, topologyKey: 'kubernetes.io/hostname' }] } },
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }],
            containers: [{ name: 'web', image: `registry.example.com/web:${version}`, resources: { requests: { cpu: '500m', memory: '512Mi' } } }],
          },
        },
      },
    },
  };
}
