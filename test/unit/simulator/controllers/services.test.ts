import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeServices, servicePodReferenceFindings } from '../../../../server/src/simulator/controllers/services';
import { makeSimPod } from '../../../../server/src/simulator/model/podFromObject';
import { toLabels } from '../../../../server/src/simulator/model/labelSelector';
import type { ContainerPort, SimPod } from '../../../../server/src/simulator/model/pod';
import type { Manifest } from '../../../../server/src/simulator/model/source';

/** A scheduled, ready pod; every field off until asked for. */
function pod(name: string, options: { ns?: string; labels?: Record<string, string>; ports?: ContainerPort[]; ready?: boolean; node?: string | null; phase?: string; terminating?: boolean } = {}): SimPod {
  const sim = makeSimPod({
    name, namespace: options.ns ?? 'default', labels: toLabels(options.labels ?? { app: 'web' }), annotations: toLabels({}),
    spec: { containers: [{ name: 'c', ports: options.ports ?? [] }] }, source: { file: 'pods.yaml', document: 0, path: [] }, specPath: ['spec'], owner: null, origin: 'manifest',
  });
  sim.nodeName = options.node === undefined ? 'node-1' : options.node;
  sim.ready = options.ready ?? true;
  sim.phase = options.phase ?? null;
  if (options.terminating) sim.terminating = true;
  return sim;
}

let documentIndex = 0;
function service(name: string, spec: Record<string, unknown>, ns = 'default'): Manifest {
  return { source: { file: 'svc.yaml', document: documentIndex++, path: [] }, object: { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec } };
}
const http = [{ name: 'http', containerPort: 8080 }];

describe('which Services are managed', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['a selector', { selector: { app: 'web' }, ports: [{ port: 80 }] }, true],
    ['no selector', { ports: [{ port: 80 }] }, false],
    ['empty selector {} is "no selector", never "everything"', { selector: {}, ports: [{ port: 80 }] }, false],
    ['ExternalName even with a selector', { type: 'ExternalName', externalName: 'x.example.com', selector: { app: 'web' } }, false],
  ];
  for (const [name, spec, managed] of cases) {
    it(name, () => {
      const [result] = computeServices([service('s', spec)], [pod('a', { ports: http })]).services;
      assert.equal(result.managed, managed);
      if (!managed) assert.ok(result.ports.every((p) => p.endpoints.length === 0));
    });
  }
});

describe('selection and ShouldPodBeInEndpoints', () => {
  const svc = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
  const cases: Array<[string, SimPod, { in: boolean; ready?: boolean; serving?: boolean; terminating?: boolean }]> = [
    ['every selector pair present; extra labels do not matter', pod('a', { labels: { app: 'web', extra: 'x' } }), { in: true, ready: true }],
    ['values are case-sensitive', pod('a', { labels: { app: 'Web' } }), { in: false }],
    ['other namespace', pod('a', { ns: 'other' }), { in: false }],
    ['no IP yet (not scheduled)', pod('a', { node: null }), { in: false }],
    ['terminal phase Succeeded', pod('a', { phase: 'Succeeded' }), { in: false }],
    ['terminal phase Failed', pod('a', { phase: 'Failed' }), { in: false }],
    ['not ready: endpoint with ready=false, serving=false', pod('a', { ready: false }), { in: true, ready: false, serving: false }],
    ['terminating but Ready: ready=false, serving=true, terminating=true', pod('a', { terminating: true }), { in: true, ready: false, serving: true, terminating: true }],
  ];
  for (const [name, p, want] of cases) {
    it(name, () => {
      const endpoints = computeServices([svc], [p]).services[0].ports[0].endpoints;
      assert.equal(endpoints.length, want.in ? 1 : 0);
      if (want.in) {
        if (want.ready !== undefined) assert.equal(endpoints[0].ready, want.ready);
        if (want.serving !== undefined) assert.equal(endpoints[0].serving, want.serving);
        if (want.terminating !== undefined) assert.equal(endpoints[0].terminating, want.terminating);
      }
    });
  }
  it('publishNotReadyAddresses makes every endpoint ready, terminating ones included', () => {
    const published = service('web', { selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80 }] });
    const endpoints = computeServices([published], [pod('a', { ready: false }), pod('b', { terminating: true })]).services[0].ports[0].endpoints;
    assert.deepEqual(endpoints.map((e) => e.ready), [true, true]);
  });
});

describe('ports', () => {
  it('targetPort defaults to port and the pod need not declare it', () => {
    const result = computeServices([service('s', { selector: { app: 'web' }, ports: [{ port: 80 }] })], [pod('a')]);
    assert.deepEqual(result.services[0].ports[0].endpoints.map((e) => e.port), [80]);
  });
  it('a named targetPort resolves per pod: one Service port, two container ports', () => {
    const result = computeServices([service('s', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] })],
      [pod('v1', { ports: [{ name: 'http', containerPort: 8080 }] }), pod('v2', { ports: [{ name: 'http', containerPort: 8081 }] })]);
    assert.deepEqual(result.services[0].ports[0].endpoints.map((e) => `${e.pod}:${e.port}`), ['default/v1:8080', 'default/v2:8081']);
  });
  it('a pod without the named port is left out for that port only', () => {
    const result = computeServices([service('s', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9100, targetPort: 'metrics' }] })],
      [pod('full', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }] }), pod('partial', { ports: http })]);
    const [httpPort, metrics] = result.services[0].ports;
    assert.deepEqual(httpPort.endpoints.map((e) => e.pod), ['default/full', 'default/partial']);
    assert.deepEqual(metrics.endpoints.map((e) => e.pod), ['default/full']);
    const finding = result.findings.find((f) => f.code === 'ref/target-port-not-found');
    assert.deepEqual(finding?.path, ['spec', 'ports', 1, 'targetPort']);
  });
  it('the named port must have the Service port protocol', () => {
    const result = computeServices([service('dns', { selector: { app: 'web' }, ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] })], [pod('a', { ports: [{ name: 'dns', containerPort: 53 }] })]);
    assert.deepEqual(result.services[0].ports[0].endpoints, []);
    assert.ok(result.findings.some((f) => f.code === 'ref/target-port-not-found'));
  });
  it('name, protocol and appProtocol are copied; an unnamed single port is ""', () => {
    const [port] = computeServices([service('s', { selector: { app: 'web' }, ports: [{ port: 80, appProtocol: 'http' }] })], [pod('a')]).services[0].ports;
    assert.deepEqual([port.name, port.protocol, port.appProtocol], ['', 'TCP', 'http']);
  });
  it('a headless Service without ports still has addresses (for DNS)', () => {
    const [result] = computeServices([service('peers', { clusterIP: 'None', selector: { app: 'web' } })], [pod('a'), pod('b')]).services;
    assert.equal(result.headless, true);
    assert.deepEqual(result.ports, []);
    assert.deepEqual(result.addresses.map((a) => a.pod), ['default/a', 'default/b']);
  });
});

describe('findings', () => {
  it('ref/service-no-pods when the selector matches no pod of the namespace', () => {
    const result = computeServices([service('s', { selector: { app: 'chekout' }, ports: [{ port: 80 }] })], [pod('a')]);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity, f.path]), [['ref/service-no-pods', 'warning', ['spec', 'selector']]]);
  });
  it('sim/service-no-ready-endpoints when selected pods are all pending or not ready', () => {
    const result = computeServices([service('s', { selector: { app: 'web' }, ports: [{ port: 80 }] })], [pod('a', { node: null }), pod('b', { ready: false })]);
    assert.deepEqual(result.findings.map((f) => f.code), ['sim/service-no-ready-endpoints']);
  });
  it('leaves a Deployment whose selector misses its template to the validator (api/selector-mismatch), not repeated', () => {
    const deployment: Manifest = { source: { file: 'd.yaml', document: 0, path: [] }, object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'api' } } } } } };
    assert.deepEqual(computeServices([deployment], []).findings, []);
  });
  it('services are sorted by namespace/name and endpoints by pod key', () => {
    const result = computeServices([service('b', { selector: { app: 'web' }, ports: [{ port: 1 }] }), service('a', { selector: { app: 'web' }, ports: [{ port: 1 }] })], [pod('z'), pod('m')]);
    assert.deepEqual(result.services.map((s) => s.name), ['a', 'b']);
    assert.deepEqual(result.services[0].ports[0].endpoints.map((e) => e.pod), ['default/m', 'default/z']);
  });
});

describe('servicePodReferenceFindings: computeServices\' ref/* findings alone, in the same order', () => {
  const REF_CODES = new Set(['ref/service-no-pods', 'ref/target-port-not-found']);
  const partly = [pod('a', { ports: http }), pod('b', { ports: [{ name: 'web', containerPort: 8080 }] }), pod('c', { ports: http, node: null }), pod('d', { ns: 'other', ports: http })];
  const cases: Array<[string, Manifest[], SimPod[]]> = [
    ['no pod selected, in this namespace or at all', [service('s', { selector: { app: 'web' }, ports: [{ port: 80 }] }, 'empty'), service('t', { selector: { app: 'nope' }, ports: [{ port: 80 }] })], partly],
    ['a named targetPort some selected pods lack, unscheduled ones included', [service('s', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'web', port: 81, targetPort: 'web' }] })], partly],
    ['a named targetPort no pod has for the protocol', [service('dns', { selector: { app: 'web' }, ports: [{ port: 53, protocol: 'UDP', targetPort: 'http' }] })], partly],
    ['unmanaged Services and pods that are not ready: no ref/* finding', [service('x', { ports: [{ port: 80 }] }), service('y', { type: 'ExternalName', externalName: 'x.example.com', selector: { app: 'web' } }), service('z', { selector: { app: 'web' }, ports: [{ port: 80 }] })], [pod('a', { ready: false }), pod('b', { node: null })]],
  ];
  for (const [name, manifests, pods] of cases) {
    it(name, () => {
      const expected = computeServices(manifests, pods).findings.filter((finding) => REF_CODES.has(finding.code));
      assert.deepEqual(servicePodReferenceFindings(manifests, pods), expected);
      if (!name.startsWith('unmanaged')) assert.ok(expected.length > 0, 'the case has ref/* findings to compare');
    });
  }
});
