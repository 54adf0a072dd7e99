import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../../../server/src/simulator/simulate';
import { manifests } from './yaml';

const node = (name: string, zone: string) => `
apiVersion: v1
kind: Node
metadata: { name: ${name}, labels: { kubernetes.io/hostname: ${name}, topology.kubernetes.io/zone: ${zone} } }
status: { allocatable: { cpu: "4", memory: 16Gi, pods: "110" } }
`;
const cluster = manifests([node('a1', 'a'), node('a2', 'a'), node('b1', 'b'), node('c1', 'c')].join('---'), 'cluster.yaml');

const statefulSet = (zones: string) => `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: ssd, annotations: { storageclass.kubernetes.io/is-default-class: "true" } }
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies: [{ matchLabelExpressions: [{ key: topology.kubernetes.io/zone, values: [${zones}] }] }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 3
  podManagementPolicy: Parallel
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: db, resources: { requests: { cpu: 100m } } }] }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

describe('storage in the dry run', () => {
  it('a StatefulSet across zones: one claim per ordinal, provisioned where its pod lands, within allowedTopologies', () => {
    const result = simulate(manifests(statefulSet('a, b')), cluster);
    const placed = result.pods.map((p) => p.placement.node);
    assert.equal(placed.length, 3);
    for (const node of placed) assert.ok(node === 'a1' || node === 'a2' || node === 'b1', `placed on ${node}`);
    assert.ok(placed.includes('b1'), 'spread to zone b');
    for (let i = 0; i < 3; i++) {
      const claim = result.storage.claims.get(`default/data-db-${i}`);
      assert.equal(claim?.storageClassName, 'ssd', 'the default class');
      assert.equal(claim?.bound, true);
      assert.equal(result.storage.volumes.get(claim.volumeName)?.provisionedFor, result.pods[i].placement.node);
    }
  });
  it('no zone allowed: every ordinal Pending with the VolumeBinding reason on every node', () => {
    const result = simulate(manifests(statefulSet('z')), cluster);
    const pending = result.pods[0].placement;
    assert.equal(pending.status, 'Pending');
    assert.match(pending.message, /^0\/4 nodes are available: 4 node\(s\) didn't find available persistent volumes to bind\. /);
    const finding = result.findings.find((f) => f.code === 'sim/unschedulable');
    assert.deepEqual(finding?.path, ['spec', 'volumeClaimTemplates'], 'blamed on the claim templates');
    const lead = 'no available PersistentVolume can bind its claim (storage class, size, access modes, node affinity)';
    assert.equal(result.pods[0].lead, lead, 'the lead sentence says it in plain words');
    assert.ok(finding?.message.includes(`cannot be scheduled: ${lead}. ${pending.message}`), 'then the upstream message, verbatim');
  });
  it('an unbound immediate claim: PreFilter rejects, the PostFilter part is "not found."', () => {
    const result = simulate(
      manifests(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: c }
spec: { storageClassName: "", accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: x }]
  volumes: [{ name: v, persistentVolumeClaim: { claimName: c } }]
`),
      cluster,
    );
    const placement = result.pods[0].placement;
    assert.equal(placement.message, '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found.');
    assert.equal(placement.filters?.statuses.length, 4, 'the rejection is every node\'s status');
    assert.deepEqual(result.findings.find((f) => f.code === 'sim/unschedulable')?.path, ['spec', 'volumes']);
  });
});

describe('claims before scheduling', () => {
  const pv = (name: string, size: string, zone: string) => `
apiVersion: v1
kind: PersistentVolume
metadata: { name: ${name} }
spec:
  capacity: { storage: ${size} }
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [${zone}] }] }] } }
`;
  const claimAndPod = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: manual }
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: c }
spec: { storageClassName: manual, accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: x }]
  volumes: [{ name: v, persistentVolumeClaim: { claimName: c } }]
`;
  it('an Immediate claim is bound by the PV controller to the smallest PV of its class; the pod follows the PV', () => {
    const result = simulate(manifests([pv('big-a', '100Gi', 'a'), pv('small-c', '2Gi', 'c'), claimAndPod].join('---')), cluster);
    assert.equal(result.storage.claims.get('default/c')?.volumeName, 'small-c');
    assert.equal(result.pods[0].placement.node, 'c1');
  });
  it('a generic ephemeral volume gets its claim <pod>-<volume> from the template', () => {
    const result = simulate(
      manifests(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: scratch, annotations: { storageclass.kubernetes.io/is-default-class: "true" } }
provisioner: csi.example.com
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: x }]
  volumes: [{ name: tmp, ephemeral: { volumeClaimTemplate: { spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } } } }]
`),
      cluster,
    );
    const claim = result.storage.claims.get('default/p-tmp');
    assert.equal(claim?.storageClassName, 'scratch');
    assert.equal(claim?.bound, true);
    assert.equal(result.pods[0].placement.status, 'Scheduled');
  });
});
