import { performance } from 'node:perf_hooks';
import { simulate } from '../server/src/simulator/simulate';
import type { KubeObject, Manifest } from '../server/src/simulator/model/source';
import { median } from './stats';

/**
 * `npm run bench storage`: a 500-replica StatefulSet whose two `volumeClaimTemplates` use
 * WaitForFirstConsumer classes, on 1,000 nodes (3 zones, realistic labels, a CSINode per node with an
 * allocatable count for the CSI driver) holding 2,000 pre-provisioned PVs:
 *   - `data` (100Gi, class `local-nvme`, no provisioner): 1,000 local PVs, one per node (node affinity
 *     on the hostname), every tenth one too small, every twentieth already bound to another claim;
 *   - `logs` (10Gi, class `gp3`, EBS CSI provisioner): 1,000 zonal PVs (zone label + zone affinity),
 *     sizes 10–40Gi; claims without a PV left are provisioned.
 * Target: ≤ 1 s per dry run. One warm-up run, then min/median of 5 (wall and CPU).
 */
const NODES = 1_000;
const REPLICAS = 500;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const RUNS = 5;

export async function benchStorage(): Promise<Record<string, number | string>> {
  const cluster = storageCluster();
  const manifests = [manifest(statefulSet(), 0, 'statefulset.yaml')];
  simulate(manifests, cluster); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let placed = 0;
  let pending = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const before = process.cpuUsage();
    const result = simulate(manifests, cluster);
    const used = process.cpuUsage(before);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    const pods = result.pods.filter((p) => p.pod.origin === 'manifest');
    placed = pods.filter((p) => p.placement.status === 'Scheduled').length;
    pending = pods.length - placed;
  }
  return {
    'storage.nodes': NODES,
    'storage.pvs': cluster.filter((m) => m.object.kind === 'PersistentVolume').length,
    'storage.replicas': REPLICAS,
    'storage.placed': placed,
    'storage.pending': pending,
    'storage.minMs': Math.round(Math.min(...wall)),
    'storage.medianMs': Math.round(median(wall)),
    'storage.medianCpuMs': Math.round(median(cpu)),
  };
}

function manifest(object: KubeObject, index: number, file: string): Manifest {
  return { source: { file, document: index, path: [] }, object };
}

function nodeName(i: number): string {
  return `ip-10-0-${Math.floor(i / 250)}-${i % 250}.eu-west-1.compute.internal`;
}

function zoneAffinity(key: string, value: string): Record<string, unknown> {
  return { required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] } };
}

export function storageCluster(nodes = NODES): Manifest[] {
  const objects: KubeObject[] = [
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-nvme' },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'ebs.csi.aws.com',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ZONES }] }],
    },
  ];
  for (let i = 0; i < nodes; i++) {
    const name = nodeName(i);
    const zone = ZONES[i % 3];
    const large = i % 4 === 0;
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/region': 'eu-west-1',
          'topology.kubernetes.io/zone': zone,
          'topology.ebs.csi.aws.com/zone': zone,
          'node.kubernetes.io/instance-type': large ? 'i4i.4xlarge' : 'i4i.2xlarge',
        },
      },
      status: { allocatable: { cpu: large ? '16' : '8', memory: large ? '128Gi' : '64Gi', pods: '110' } },
    });
    objects.push({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSINode',
      metadata: { name },
      spec: { drivers: [{ name: 'ebs.csi.aws.com', nodeID: `i-${String(i).padStart(17, '0')}`, allocatable: { count: large ? 39 : 25 } }] },
    });
  }
  for (let i = 0; i < nodes; i++) {
    const node = nodeName(i);
    objects.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `local-pv-${String(i).padStart(4, '0')}`, labels: { 'storage.example.com/disk': 'nvme0n1' } },
      spec: {
        capacity: { storage: i % 10 === 9 ? '50Gi' : i % 3 === 0 ? '200Gi' : '100Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local-nvme',
        local: { path: '/mnt/disks/nvme0n1' },
        nodeAffinity: zoneAffinity('kubernetes.io/hostname', node),
        ...(i % 20 === 7 ? { claimRef: { namespace: 'batch', name: `scratch-${i}` } } : {}),
      },
      ...(i % 20 === 7 ? { status: { phase: 'Bound' } } : {}),
    });
  }
  for (let i = 0; i < nodes; i++) {
    const zone = ZONES[(i * 7) % 3];
    const name = `pvc-${String(i).padStart(8, '0')}-ebs`;
    objects.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, labels: { 'topology.kubernetes.io/region': 'eu-west-1', 'topology.kubernetes.io/zone': zone } },
      spec: {
        capacity: { storage: `${10 + (i % 4) * 10}Gi` },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'gp3',
        csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${String(i).padStart(17, '0')}`, fsType: 'ext4' },
        nodeAffinity: zoneAffinity('topology.ebs.csi.aws.com/zone', zone),
      },
    });
  }
  return objects.map((object, i) => manifest(object, i, 'cluster.yaml'));
}

export function statefulSet(replicas = REPLICAS): KubeObject {
  const template = (name: string, cls: string, size: string) => ({
    metadata: { name, labels: { volume: name } },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: cls, resources: { requests: { storage: size } } },
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'cassandra', namespace: 'data' },
    spec: {
      serviceName: 'cassandra',
      replicas,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'cassandra' } },
      template: {
        metadata: { labels: { app: 'cassandra' } },
        spec: {
          containers: [{ name: 'cassandra', image: 'cassandra:5.0', resources: { requests: { cpu: '2', memory: '8Gi' } }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }, { name: 'logs', mountPath: '/var/log/cassandra' }] }],
        },
      },
      volumeClaimTemplates: [template('data', 'local-nvme', '100Gi'), template('logs', 'gp3', '10Gi')],
    },
  };
}
