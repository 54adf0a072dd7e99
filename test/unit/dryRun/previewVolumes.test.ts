import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { previewModel, type PreviewContext } from '../../../server/src/dryRun/previewModel';
import { MAX_POD_VOLUMES } from '../../../server/src/dryRun/previewVolumes';
import type { Manifest, SourceRef } from '../../../server/src/simulator/model/source';

/** Every source becomes "file:document:path" on line 0, so the test sees which object a claim reveals. */
const context: PreviewContext = {
  uri: null,
  scope: 'file',
  kubernetesVersion: '1.36',
  neverReady: false,
  locate: (source: SourceRef | null) => (source ? { uri: `${source.file}:${source.document}:${source.path.join('.')}`, line: 0 } : null),
  diagnostics: [],
};

const manifest = (document: number, object: Manifest['object']): Manifest => ({ source: { file: 'app.yaml', document, path: [] }, object });

const NODE: Manifest = {
  source: { file: 'cluster.yaml', document: 0, path: [] },
  object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } },
};
const CSI_NODE: Manifest = {
  source: { file: 'cluster.yaml', document: 1, path: [] },
  object: { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'n1' }, spec: { drivers: [{ name: 'disk.example.com', nodeID: 'n1', allocatable: { count: 16 } }, { name: 'other.example.com', nodeID: 'n1' }] } },
};
const CLASS = manifest(0, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'disk.example.com', volumeBindingMode: 'WaitForFirstConsumer' });
const claim = (document: number, name: string) => manifest(document, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });

describe('previewModel: volumes', () => {
  it('a pod with many claims carries the first few and counts the rest; the node counts every volume against its CSI limit', () => {
    const names = Array.from({ length: MAX_POD_VOLUMES + 3 }, (_, i) => `c${i}`);
    const pod = manifest(names.length + 1, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        containers: [{ name: 'db', image: 'postgres:16' }],
        volumes: [...names.map((n) => ({ name: n, persistentVolumeClaim: { claimName: n } })), { name: 'tmp', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }],
      },
    });
    const run = dryRun({ manifests: [CLASS, ...names.map((n, i) => claim(i + 1, n)), pod], cluster: [NODE, CSI_NODE], baseline: null });
    const model = previewModel(run, context);
    const db = model.simulation.pods.find((p) => p.name === 'db')!;
    assert.equal(db.status, 'Scheduled', db.message);
    assert.equal(db.volumes?.length, MAX_POD_VOLUMES);
    assert.equal(db.volumesOmitted, names.length + 1 - MAX_POD_VOLUMES);
    assert.deepEqual(db.volumes?.[0], { claim: 'shop/c0', pv: 'pvc-shop-c0', reason: null, source: { uri: 'app.yaml:1:', line: 0 } });
    assert.deepEqual(model.simulation.nodes[0].volumes, {
      attached: names.length + 1,
      limits: [{ driver: 'disk.example.com', attached: names.length + 1, limit: 16 }],
    }, 'a driver without a count has no limit');
  });

  it('an ephemeral claim reveals its pod; a StatefulSet claim its volumeClaimTemplates entry; a node without volumes or CSINode has none', () => {
    const pod = manifest(1, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'scratch', namespace: 'shop' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: [{ name: 'tmp', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }] },
    });
    const set = manifest(2, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
        volumeClaimTemplates: [
          { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
        ],
      },
    });
    const model = previewModel(dryRun({ manifests: [CLASS, pod, set], cluster: [NODE], baseline: null }), context);
    const byName = new Map(model.simulation.pods.map((p) => [p.name, p]));
    assert.deepEqual(byName.get('scratch')?.volumes?.map((v) => [v.claim, v.pv, v.source?.uri]), [['shop/scratch-tmp', 'pvc-shop-scratch-tmp', 'app.yaml:1:']]);
    assert.deepEqual(byName.get('db-1')?.volumes?.map((v) => [v.claim, v.pv, v.source?.uri]), [
      ['shop/logs-db-1', 'pvc-shop-logs-db-1', 'app.yaml:2:spec.volumeClaimTemplates.0'],
      ['shop/data-db-1', 'pvc-shop-data-db-1', 'app.yaml:2:spec.volumeClaimTemplates.1'],
    ]);
    assert.deepEqual(model.simulation.nodes[0].volumes, { attached: 5, limits: [] }, 'no CSINode: counted, no limit');

    const bare = previewModel(dryRun({ manifests: [], cluster: [NODE], baseline: null }), context);
    assert.equal('volumes' in bare.simulation.nodes[0], false);
  });
});
