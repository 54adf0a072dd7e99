import { simulate } from '../server/src/simulator/simulate';
import type { KubeObject, Manifest } from '../server/src/simulator/model/source';

/**
 * `npm run bench` — scheduler: 10,000 pods onto 5,000 nodes with the full default profile.
 *
 * Cluster: 5,000 nodes in 3 regions × 10 zones (16 cpu / 64Gi / 110 pods), 5% of them GPU nodes
 * tainted `gpu=true:NoSchedule`, every node with a few images. Workloads (100 replicas each):
 *   40 plain Deployments (different requests, default topology spreading through their ReplicaSet),
 *   20 with preferred node affinity and preferred pod affinity to their own app, some tolerating the GPU taint,
 *   20 with required pod anti-affinity per hostname,
 *   20 with a zone spread constraint (maxSkew 1, DoNotSchedule) plus a hostname one (ScheduleAnyway).
 * Target: ≤ 2 s wall and ≤ 1 GB on a 2-core machine.
 */
export async function benchScheduler(): Promise<Record<string, number | string>> {
  const nodes = clusterManifests(5_000);
  const workloads = workloadManifests();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = simulate(workloads, nodes);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const memory = process.memoryUsage();
  const placed = result.pods.filter((p) => p.pod.origin === 'manifest');
  const scheduled = placed.filter((p) => p.placement.status === 'Scheduled').length;
  return {
    'scheduler.nodes': result.nodes.length,
    'scheduler.pods': placed.length,
    'scheduler.scheduled': scheduled,
    'scheduler.pending': placed.length - scheduled,
    'scheduler.wallMs': Math.round(wallMs),
    // CPU of every thread (the JIT compiler and the GC's helpers run beside the main one).
    'scheduler.cpuMs': Math.round((cpu.user + cpu.system) / 1000),
    'scheduler.podsPerSecond': Math.round(placed.length / (wallMs / 1000)),
    'scheduler.heapUsedMB': Math.round(memory.heapUsed / 2 ** 20),
    'scheduler.heapGrowthMB': Math.round((memory.heapUsed - heapBefore) / 2 ** 20),
    'scheduler.peakRssMB': Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function manifest(object: KubeObject, index: number, file: string): Manifest {
  return { source: { file, document: index, path: [] }, object };
}

export function clusterManifests(count: number): Manifest[] {
  const result: Manifest[] = [];
  for (let i = 0; i < count; i++) {
    const region = `region-${i % 3}`;
    const zone = `${region}-${String.fromCharCode(97 + (i % 10))}`;
    const gpu = i % 20 === 0;
    const name = `node-${String(i).padStart(4, '0')}`;
    result.push(
      manifest(
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: {
            name,
            labels: {
              'kubernetes.io/hostname': name,
              'kubernetes.io/os': 'linux',
              'topology.kubernetes.io/region': region,
              'topology.kubernetes.io/zone': zone,
              'node.kubernetes.io/instance-type': gpu ? 'g5.4xlarge' : i % 2 ? 'm5.4xlarge' : 'c5.4xlarge',
              ...(gpu ? { accelerator: 'nvidia' } : {}),
            },
          },
          spec: gpu ? { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] } : {},
          status: {
            allocatable: { cpu: '16', memory: '64Gi', pods: '110', ...(gpu ? { 'nvidia.com/gpu': '4' } : {}) },
            images: [
              { names: ['registry.example.com/app:1.0'], sizeBytes: 200 * 2 ** 20 },
              ...(i % 4 === 0 ? [{ names: ['registry.example.com/cache:2.1'], sizeBytes: 800 * 2 ** 20 }] : []),
            ],
          },
        },
        i,
        'cluster.yaml',
      ),
    );
  }
  return result;
}

function deployment(name: string, namespace: string, spec: Record<string, unknown>, cpu: string, memory: string, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 100,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, tier: namespace } },
        spec: { containers: [{ name: 'main', image, resources: { requests: { cpu, memory } } }], ...spec },
      },
    },
  };
}

export function workloadManifests(): Manifest[] {
  const objects: KubeObject[] = [];
  const cpu = ['100m', '250m', '500m', '1'];
  const mem = ['128Mi', '512Mi', '1Gi', '2Gi'];
  for (let i = 0; i < 40; i++) objects.push(deployment(`plain-${i}`, `team-${i % 4}`, {}, cpu[i % 4], mem[(i + 1) % 4], i % 2 ? 'registry.example.com/app:1.0' : 'nginx'));
  for (let i = 0; i < 20; i++) {
    const name = `affine-${i}`;
    objects.push(
      deployment(name, 'affinity', {
        affinity: {
          nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.4xlarge'] }] } }] },
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { labelSelector: { matchLabels: { app: name } }, topologyKey: 'topology.kubernetes.io/zone' } }] },
        },
        ...(i % 5 === 0 ? { tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }] } : {}),
      }, '200m', '256Mi', 'registry.example.com/cache:2.1'),
    );
  }
  for (let i = 0; i < 20; i++) {
    const name = `anti-${i}`;
    objects.push(
      deployment(name, 'anti', {
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: name } }, topologyKey: 'kubernetes.io/hostname' }] } },
      }, '500m', '1Gi', 'registry.example.com/app:1.0'),
    );
  }
  for (let i = 0; i < 20; i++) {
    const name = `spread-${i}`;
    objects.push(
      deployment(name, 'spread', {
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: name } } },
          { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: name } } },
        ],
      }, '300m', '512Mi', 'nginx'),
    );
  }
  return objects.map((object, i) => manifest(object, i, 'workloads.yaml'));
}
