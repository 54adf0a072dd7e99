// Storage in the preview model, from the server: examples/storage/01-statefulset-zones.yaml on the
// examples' cluster (with a CSINode limit on every node) carries each pod's claim and the PV it got,
// the claim revealing its volumeClaimTemplates entry, and each node's attached volumes against the limit.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PreviewModel } from '../../server/src/protocol/preview';
import { LspClient } from '../helpers/lspClient';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const STATEFULSET = readFileSync(join(EXAMPLES, 'storage', '01-statefulset-zones.yaml'), 'utf8');
const NODES = ['control-plane-1', 'app-a1', 'app-a2', 'app-b1', 'app-c1', 'gpu-b1'];
const csiNode = (name: string) =>
  ['apiVersion: storage.k8s.io/v1', 'kind: CSINode', `metadata: {name: ${name}}`, 'spec:', '  drivers:', `    - {name: ebs.csi.aws.com, nodeID: ${name}, allocatable: {count: 25}}`].join('\n');
const PROFILE = [readFileSync(join(EXAMPLES, 'cluster.yaml'), 'utf8').trimEnd(), ...NODES.map(csiNode)].join('\n---\n');

test('preview volumes: each StatefulSet pod carries its claim and provisioned PV; each node its volumes against the CSI limit', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-preview-volumes-'));
  try {
    mkdirSync(join(root, '.drydock'));
    writeFileSync(join(root, '.drydock', 'cluster.yaml'), PROFILE);
    writeFileSync(join(root, 'kafka.yaml'), STATEFULSET);
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const uri = pathToFileURL(join(root, 'kafka.yaml')).toString();
      await client.open(uri, STATEFULSET);
      const model = await client.sendRequest<PreviewModel | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
      assert.ok(model);
      assert.equal(model.cluster?.label, '.drydock/cluster.yaml');
      const kafka = model.simulation.pods.filter((p) => p.owner?.kind === 'StatefulSet' && p.owner.name === 'kafka');
      assert.equal(kafka.length, 3);
      // The claim reveals its template: the `- metadata:` line under volumeClaimTemplates (0-based).
      const templateLine = STATEFULSET.split('\n').findIndex((l) => l.startsWith('  volumeClaimTemplates:')) + 1;
      for (const [i, pod] of kafka.entries()) {
        assert.equal(pod.status, 'Scheduled', `${pod.name}: ${pod.message}`);
        assert.deepEqual(pod.volumes, [{ claim: `data/data-kafka-${i}`, pv: `pvc-data-data-kafka-${i}`, reason: null, source: { uri, line: templateLine } }]);
        assert.equal(pod.volumesOmitted, undefined);
      }
      // Every node has a CSINode limit; the volumes are counted where the pods landed.
      const attached = new Map(model.simulation.nodes.map((n) => [n.name, n.volumes]));
      for (const name of NODES) {
        const here = kafka.filter((p) => p.node === name).length;
        assert.deepEqual(attached.get(name), { attached: here, limits: [{ driver: 'ebs.csi.aws.com', attached: here, limit: 25 }] }, name);
      }
      const withoutClaims = model.simulation.pods.filter((p) => !kafka.includes(p));
      assert.ok(withoutClaims.every((p) => p.volumes === undefined), 'pods without claims carry no volumes');
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('preview volumes: an unbound claim says why in the PV controller\'s words; a claim no manifest defines says it is not found', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-preview-volumes-'));
  const text = [
    ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata: {name: manual}', 'provisioner: kubernetes.io/no-provisioner', 'volumeBindingMode: Immediate'].join('\n'),
    ['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: reports, namespace: jobs}', 'spec: {storageClassName: manual, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}'].join('\n'),
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: reporter, namespace: jobs}',
      'spec:',
      '  containers: [{name: r, image: "busybox:1.36"}]',
      '  volumes: [{name: out, persistentVolumeClaim: {claimName: reports}}, {name: gone, persistentVolumeClaim: {claimName: nowhere}}]',
    ].join('\n'),
  ].join('\n---\n');
  try {
    writeFileSync(join(root, 'reporter.yaml'), text);
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const uri = pathToFileURL(join(root, 'reporter.yaml')).toString();
      await client.open(uri, text);
      const model = await client.sendRequest<PreviewModel | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
      const pod = model?.simulation.pods.find((p) => p.name === 'reporter');
      assert.equal(pod?.status, 'Pending');
      const claimLine = text.split('\n').findIndex((l) => l === 'kind: PersistentVolumeClaim') - 1;
      assert.deepEqual(pod?.volumes, [
        { claim: 'jobs/reports', pv: null, reason: "waiting for a volume to be created either by the external provisioner 'kubernetes.io/no-provisioner' or manually by the system administrator", source: { uri, line: claimLine } },
        { claim: 'jobs/nowhere', pv: null, reason: 'persistentvolumeclaim "nowhere" not found', source: null },
      ]);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
