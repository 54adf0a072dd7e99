import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runSimulate } from '../../server/src/cli/simulate';
import type { CliIo } from '../../server/src/cli/io';

const CLUSTER = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {kubernetes.io/hostname: n1, topology.kubernetes.io/zone: a}}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
- apiVersion: v1
  kind: Node
  metadata: {name: n2, labels: {kubernetes.io/hostname: n2, topology.kubernetes.io/zone: b}}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
- apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata: {name: local}
  provisioner: kubernetes.io/no-provisioner
  volumeBindingMode: WaitForFirstConsumer
- apiVersion: v1
  kind: PersistentVolume
  metadata: {name: disk-b, labels: {topology.kubernetes.io/zone: b}}
  spec:
    capacity: {storage: 10Gi}
    accessModes: [ReadWriteOnce]
    storageClassName: local
    nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [b]}]}]}}
`;

const APPS = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {storageClassName: local, accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  containers: [{name: db, image: postgres}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
---
apiVersion: v1
kind: Pod
metadata: {name: plain}
spec:
  containers: [{name: app, image: nginx}]
`;

describe('drydock simulate: storage', () => {
  it('JSON: a pod with claims lists them with their PV; a pod without has no volumes field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-storage-'));
    writeFileSync(join(dir, 'cluster.yaml'), CLUSTER);
    writeFileSync(join(dir, 'apps.yaml'), APPS);
    let stdout = '';
    const io: CliIo = { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined };
    assert.equal(await runSimulate(['--cluster', 'cluster.yaml', '--format', 'json', 'apps.yaml'], io), 0);
    const out = JSON.parse(stdout);
    const db = out.pods.find((p: { name: string }) => p.name === 'db');
    assert.equal(db.node, 'n2');
    assert.deepEqual(db.filters, { n1: { plugin: 'VolumeBinding', reason: "node(s) didn't find available persistent volumes to bind" } });
    assert.deepEqual(db.volumes, [{ claim: 'default/data', pv: 'disk-b', reason: null }]);
    const plain = out.pods.find((p: { name: string }) => p.name === 'plain');
    assert.equal('volumes' in plain, false);
  });
});

describe('drydock simulate: a headless Service without ports', () => {
  it('still gets endpoints: its addresses (JSON and text)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-headless-'));
    writeFileSync(join(dir, 'cluster.yaml'), CLUSTER);
    writeFileSync(join(dir, 'apps.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {app: db}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db-0, labels: {app: db}}\nspec: {containers: [{name: c, image: x}]}\n');
    let stdout = '';
    const io: CliIo = { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined };
    await runSimulate(['--cluster', 'cluster.yaml', '--format', 'json', 'apps.yaml'], io);
    const [service] = JSON.parse(stdout).services;
    assert.deepEqual(service.ports, []);
    assert.deepEqual(service.addresses, [{ pod: 'default/db-0', ready: true }]);
    stdout = '';
    await runSimulate(['--cluster', 'cluster.yaml', 'apps.yaml'], io);
    assert.match(stdout, /default\/db \(headless\)\n {4}no ports → default\/db-0\n/);
  });
});
