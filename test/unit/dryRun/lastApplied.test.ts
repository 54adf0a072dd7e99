import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastApplied } from '../../../server/src/dryRun/lastApplied';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import type { KubeObject, Manifest } from '../../../server/src/simulator/model/source';

/** Tiny builders: an object, and a manifest of it at a file and document. */
const object = (kind: string, name: string, extra: { apiVersion?: string; namespace?: string; spec?: unknown } = {}): KubeObject => ({
  apiVersion: extra.apiVersion ?? 'v1',
  kind,
  metadata: { name, ...(extra.namespace ? { namespace: extra.namespace } : {}) },
  ...(extra.spec ? { spec: extra.spec } : {}),
});
const at = (file: string, document: number, obj: KubeObject): Manifest => ({ source: { file, document, path: [] }, object: obj });
const kept = (manifests: Manifest[]) => lastApplied(manifests).manifests.map((m) => `${m.source.file}#${m.source.document}`);

const cases: Array<{ name: string; manifests: Manifest[]; expect: string[] }> = [
  { name: 'kubectl apply keeps the last copy of an object', manifests: [at('a.yaml', 0, object('ConfigMap', 'c')), at('b.yaml', 0, object('ConfigMap', 'c'))], expect: ['b.yaml#0'] },
  { name: 'the namespace is part of the identity (none is default)', manifests: [at('a.yaml', 0, object('ConfigMap', 'c')), at('b.yaml', 0, object('ConfigMap', 'c', { namespace: 'default' })), at('b.yaml', 1, object('ConfigMap', 'c', { namespace: 'x' }))], expect: ['b.yaml#0', 'b.yaml#1'] },
  { name: 'a cluster-scoped object ignores its namespace', manifests: [at('a.yaml', 0, object('ClusterRole', 'r', { apiVersion: 'rbac.authorization.k8s.io/v1', namespace: 'x' })), at('b.yaml', 0, object('ClusterRole', 'r', { apiVersion: 'rbac.authorization.k8s.io/v1' }))], expect: ['b.yaml#0'] },
  { name: 'the same kind in another API group is another object', manifests: [at('a.yaml', 0, object('Widget', 'w', { apiVersion: 'a.example.com/v1' })), at('a.yaml', 1, object('Widget', 'w', { apiVersion: 'b.example.com/v1' }))], expect: ['a.yaml#0', 'a.yaml#1'] },
  { name: 'two versions of one group are the same object', manifests: [at('a.yaml', 0, object('HorizontalPodAutoscaler', 'h', { apiVersion: 'autoscaling/v1' })), at('a.yaml', 1, object('HorizontalPodAutoscaler', 'h', { apiVersion: 'autoscaling/v2' }))], expect: ['a.yaml#1'] },
  { name: 'objects with generateName are never copies', manifests: [at('a.yaml', 0, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'p-' } }), at('a.yaml', 1, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'p-' } })], expect: ['a.yaml#0', 'a.yaml#1'] },
];

for (const c of cases) {
  test(`lastApplied: ${c.name}`, () => assert.deepEqual(kept(c.manifests), c.expect));
}

test('lastApplied: one information note per object, on the kept copy, naming the other files', () => {
  const files = ['metallb-frr.yaml', 'metallb-frr-k8s.yaml', 'metallb-native.yaml', 'a.yaml', 'b.yaml', 'c.yaml'];
  const manifests = [...files.map((file) => at(file, 3, object('DaemonSet', 'speaker', { apiVersion: 'apps/v1', namespace: 'metallb-system' }))), at('c.yaml', 7, object('DaemonSet', 'speaker', { apiVersion: 'apps/v1', namespace: 'metallb-system' }))];
  const { findings } = lastApplied(manifests);
  assert.equal(findings.length, 1);
  assert.deepEqual({ ...findings[0], message: undefined }, { source: { file: 'c.yaml', document: 7, path: [] }, path: ['metadata', 'name'], severity: 'information', code: 'sim/duplicate-object', message: undefined });
  assert.equal(
    findings[0].message,
    'DaemonSet metallb-system/speaker is also defined in metallb-frr.yaml, metallb-frr-k8s.yaml, metallb-native.yaml, a.yaml and 2 more: kubectl apply keeps the last one applied, this one, and the dry run simulates it once.',
  );
});

test('lastApplied: a copy in the same file is named by its document; a file: URI by its path from the kept copy\'s folder (the same wherever the workspace is)', () => {
  const { findings } = lastApplied([at('file:///ws/a%20b.yaml', 0, object('Service', 's')), at('file:///ws/c.yaml', 0, object('Service', 's')), at('file:///ws/c.yaml', 2, object('Service', 's'))]);
  assert.match(findings[0].message, /^Service default\/s is also defined in a b\.yaml, document 1 of this file: /);
  const nested = lastApplied([at('file:///ws/network/web.yaml', 0, object('Service', 's')), at('file:///ws/scheduling/web.yaml', 0, object('Service', 's'))]);
  assert.match(nested.findings[0].message, /is also defined in \.\.\/network\/web\.yaml: /);
});

test('dry run: a DaemonSet in six files is simulated once, not six times (no pod Pending on its host port)', () => {
  const speaker = (file: string) =>
    at(file, 0, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'speaker', namespace: 'metallb-system' },
      spec: {
        selector: { matchLabels: { app: 'speaker' } },
        template: { metadata: { labels: { app: 'speaker' } }, spec: { hostNetwork: true, containers: [{ name: 'speaker', image: 'speaker:1', ports: [{ containerPort: 7472, hostPort: 7472 }] }] } },
      },
    });
  const files = ['frr.yaml', 'frr-k8s.yaml', 'frr-k8s-prometheus.yaml', 'frr-prometheus.yaml', 'native.yaml', 'native-prometheus.yaml'];
  const run = dryRun({ manifests: files.map(speaker), cluster: null, baseline: null });
  const pods = run.simulation.pods.filter((p) => files.includes(p.pod.source.file));
  assert.ok(pods.length > 0);
  assert.ok(pods.every((p) => p.pod.source.file === 'native-prometheus.yaml'), 'the pods of the last copy');
  assert.deepEqual(pods.filter((p) => p.placement.status === 'Pending').map((p) => p.placement.message), []);
  assert.deepEqual(run.findings.filter((f) => f.code === 'sim/duplicate-object').map((f) => f.source.file), ['native-prometheus.yaml']);
});

test('dry run: a Deployment and a Service defined twice give one set of pods and one Service', () => {
  const deployment = object('Deployment', 'web', { apiVersion: 'apps/v1', spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } } } });
  const service = object('Service', 'web', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  const run = dryRun({ manifests: [at('a.yaml', 0, deployment), at('a.yaml', 1, service), at('b.yaml', 0, deployment), at('b.yaml', 1, service)], cluster: null, baseline: null });
  assert.equal(run.simulation.pods.filter((p) => p.pod.source.file === 'a.yaml' || p.pod.source.file === 'b.yaml').length, 2);
  assert.equal(run.services.services.length, 1);
  assert.equal(run.findings.filter((f) => f.code === 'sim/duplicate-object').length, 2);
});
