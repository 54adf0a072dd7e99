import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReachability } from '../../../../server/src/simulator/network/reachability';
import { networkPodsOf } from '../../../../server/src/simulator/network/networkPods';
import { makeSimPod } from '../../../../server/src/simulator/model/podFromObject';
import { toLabels } from '../../../../server/src/simulator/model/labelSelector';
import { namespace, netPod, policy, service } from './netBuilders';

const shop = namespace('shop');
const replicas = [netPod('shop/web-1', { labels: { app: 'web' }, workload: 'shop/web' }), netPod('shop/web-2', { labels: { app: 'web' }, workload: 'shop/web' }), netPod('shop/db-0', { labels: { app: 'db' } })];

describe('the matrix', () => {
  it('groups replicas, splits external space at ipBlock boundaries, marks self and n/a', () => {
    const manifests = [shop, policy('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 5432 }] }] })];
    const { matrix } = computeReachability({ manifests, pods: replicas, matrix: true });
    assert.ok(matrix);
    assert.deepEqual(matrix.endpoints.map((e) => e.label), ['shop/db-0', 'shop/web (2 pods)', '0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
    assert.deepEqual(matrix.connections, [
      ['self', 'All connections', 'All connections', 'All connections', 'All connections'],
      ['TCP 5432', 'All connections', 'All connections', 'All connections', 'All connections'],
      ['No connections', 'All connections', 'n/a', 'n/a', 'n/a'],
      ['TCP 5432', 'All connections', 'n/a', 'n/a', 'n/a'],
      ['No connections', 'All connections', 'n/a', 'n/a', 'n/a'],
    ]);
  });
  it('is refused with a reason when absurdly large, queries still answer', () => {
    const many = Array.from({ length: 6500 }, (_, i) => netPod(`shop/p${i}`, { labels: { i: String(i) } }));
    const result = computeReachability({ manifests: [shop], pods: many, matrix: true, queries: [{ from: 'shop/p1', to: 'shop/p2', port: 80, protocol: 'TCP' }] });
    assert.equal(result.matrix, null);
    assert.match(result.matrixError ?? '', /--query/);
    assert.equal(result.queries[0].allowed, true);
  });
});

describe('findings and notes', () => {
  it('ref/policy-selects-nothing', () => {
    const { findings } = computeReachability({ manifests: [shop, policy('shop', 'typo', { podSelector: { matchLabels: { app: 'wbe' } } })], pods: replicas });
    assert.deepEqual(findings.map((f) => [f.code, f.path]), [['ref/policy-selects-nothing', ['spec', 'podSelector']]]);
  });
  it('net/service-unreachable when every caller is denied on the target port', () => {
    const manifests = [shop, policy('shop', 'deny', { podSelector: { matchLabels: { app: 'db' } } }), service('shop', 'db', { selector: { app: 'db' }, ports: [{ port: 5432 }] })];
    const { findings } = computeReachability({ manifests, pods: replicas });
    assert.deepEqual(findings.map((f) => [f.code, f.path]), [['net/service-unreachable', ['spec', 'ports', 0]]]);
  });
  it('no warning when some pod may connect on that port', () => {
    const manifests = [shop, policy('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }] }), service('shop', 'db', { selector: { app: 'db' }, ports: [{ port: 5432 }] })];
    assert.deepEqual(computeReachability({ manifests, pods: replicas }).findings, []);
  });
  it('replicas of one workload count as callers of each other (a pod to itself does not)', () => {
    const manifests = [shop, policy('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }), service('shop', 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] })];
    assert.deepEqual(computeReachability({ manifests, pods: replicas }).findings, []);
  });
  it('undeclared namespaces and hostNetwork pods are noted', () => {
    const { notes } = computeReachability({ manifests: [], pods: [netPod('ghost/a', { hostNetwork: true })] });
    assert.equal(notes.length, 2);
    assert.match(notes[0], /ghost/);
    assert.match(notes[1], /hostNetwork/);
  });
});

describe('networkPodsOf', () => {
  it('reads container and sidecar ports, hostNetwork, and the workload of a Deployment replica', () => {
    const sim = makeSimPod({
      name: 'web-5678-abcde', namespace: 'shop', labels: toLabels({ app: 'web', 'pod-template-hash': '5678' }), annotations: toLabels({}),
      spec: { hostNetwork: true, containers: [{ ports: [{ name: 'http', containerPort: 80 }] }], initContainers: [{ restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] }] },
      source: { file: 'x', document: 0, path: [] }, specPath: ['spec'], owner: { kind: 'ReplicaSet', name: 'web-5678' }, origin: 'manifest',
    });
    const [pod] = networkPodsOf([sim], () => ['10.0.0.1']);
    assert.deepEqual(pod.ports.map((p) => p.name), ['http', 'proxy']);
    assert.deepEqual([pod.hostNetwork, pod.workload, pod.ips], [true, 'shop/web', ['10.0.0.1']]);
  });
});
