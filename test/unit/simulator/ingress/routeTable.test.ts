import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRouteTable, defaultIngressClass, type IngressClassInfo } from '../../../../server/src/simulator/ingress';
import { manifests } from '../yaml';
import { ask, ingress, ingressClass, path, routesOf, rule } from './routeFixtures';

const issuesOf = (...documents: string[]) =>
  buildRouteTable(manifests(documents.join('---\n'))).issues.map((i) => `${i.kind} ${i.ingress.spec.key} ${i.path.join('.')}`);

describe('route issues: conflicts, shadowed paths, rejected paths', () => {
  const cases: Array<{ name: string; documents: string[]; want: string[] }> = [
    { name: 'distinct paths: none', documents: [ingress('a', rule('h', path('/a', 'Prefix', 'web', 80), path('/a', 'Exact', 'web', 80)))], want: [] },
    { name: 'a path repeated in one Ingress is shadowed', documents: [ingress('a', rule('h', path('/a', 'Prefix', 'web', 80), path('/a', 'Prefix', 'api', 8080)))], want: ['shadowed shop/a spec.rules.0.http.paths.1.path'] },
    { name: '/a/ is the same Prefix as /a', documents: [ingress('a', [rule('h', path('/a', 'Prefix', 'web', 80)), rule('h', path('/a/', 'Prefix', 'api', 8080))].join('\n'))], want: ['shadowed shop/a spec.rules.1.http.paths.0.path'] },
    { name: 'but not the same Exact path', documents: [ingress('a', rule('h', path('/a', 'Exact', 'web', 80), path('/a/', 'Exact', 'api', 8080)))], want: [] },
    { name: 'another host is another route', documents: [ingress('a', [rule('h', path('/a', 'Prefix', 'web', 80)), rule('g', path('/a', 'Prefix', 'web', 80))].join('\n'))], want: [] },
    { name: 'two Ingresses, same host+path+pathType: the newer one conflicts', documents: [ingress('new', rule('h', path('/a', 'Prefix', 'web', 80)), 'creationTimestamp: "2026-02-01T00:00:00Z"'), ingress('old', rule('h', path('/a', 'Prefix', 'api', 8080)), 'creationTimestamp: "2026-01-01T00:00:00Z"')], want: ['conflict shop/new spec.rules.0.http.paths.0.path'] },
    { name: 'two Ingresses in different classes do not conflict', documents: [ingress('a', `ingressClassName: one\nrules:\n${rule('h', path('/a', 'Prefix', 'web', 80))}`), ingress('b', `ingressClassName: two\nrules:\n${rule('h', path('/a', 'Prefix', 'web', 80))}`)], want: [] },
    { name: 'two defaultBackends in one class', documents: [ingress('a', 'defaultBackend: {service: {name: web, port: {number: 80}}}'), ingress('b', 'defaultBackend: {service: {name: api, port: {number: 8080}}}')], want: ['conflict shop/b spec.defaultBackend'] },
    { name: 'a rejected path', documents: [ingress('a', rule('h', path('a', 'Prefix', 'web', 80), path('/x/../y', 'Exact', 'web', 80)))], want: ['invalid-path shop/a spec.rules.0.http.paths.0.path', 'invalid-path shop/a spec.rules.0.http.paths.1.path'] },
    { name: 'an unserved Ingress claims nothing', documents: [ingressClass('nginx'), ingress('a', rule('h', path('/a', 'Prefix', 'web', 80))), ingress('b', `ingressClassName: other\nrules:\n${rule('h', path('/a', 'Prefix', 'web', 80))}`)], want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(issuesOf(...c.documents), c.want));
});

describe('the default IngressClass (DefaultIngressClass admission)', () => {
  const info = (name: string, isDefault: boolean, creationTimestamp: string | null): IngressClassInfo => ({ name, isDefault, creationTimestamp });
  const cases: Array<[string, IngressClassInfo[], string | null]> = [
    ['none annotated', [info('a', false, null)], null],
    ['the one annotated', [info('a', false, null), info('b', true, null)], 'b'],
    ['the newest of several', [info('a', true, '2024-01-01T00:00:00Z'), info('b', true, '2025-06-01T00:00:00Z'), info('c', true, '2023-01-01T00:00:00Z')], 'b'],
    ['ties by the lowest name', [info('b', true, '2025-06-01T00:00:00Z'), info('a', true, '2025-06-01T00:00:00Z')], 'a'],
    ['one without timestamp is created now: the newest', [info('b', true, '2025-06-01T00:00:00Z'), info('z', true, null)], 'z'],
  ];
  for (const [name, classes, want] of cases) it(name, () => assert.equal(defaultIngressClass(classes), want));
});

describe('findings of the routes', () => {
  it('sim/ingress-no-ready-endpoints on the backend of a served route whose Service has no ready endpoint', () => {
    const routes = routesOf(ingress('a', rule(null, path('/slow', 'Prefix', 'slow', 80), path('/', 'Prefix', 'web', 80), path('/gone', 'Prefix', 'gone', 80))));
    assert.deepEqual(routes.findings.map((f) => [f.code, f.severity, f.path.join('.')]), [['sim/ingress-no-ready-endpoints', 'warning', 'spec.rules.0.http.paths.0.backend.service.name']]);
    assert.match(routes.findings[0].message, /Service shop\/slow has no ready endpoint on port 80: none of its 1 selected pod\(s\) is scheduled and ready/);
  });
  it('none for a path that loses to another: it gets no traffic', () => {
    const routes = routesOf(
      ingress('a', `defaultBackend: {service: {name: web, port: {number: 80}}}\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80), path('/', 'Prefix', 'slow', 80))}`),
      ingress('b', `defaultBackend: {service: {name: slow, port: {number: 80}}}\nrules:\n${rule(null, path('/', 'Prefix', 'slow', 80))}`),
    );
    assert.deepEqual(routes.table.issues.map((i) => i.kind), ['shadowed', 'conflict', 'conflict']);
    assert.deepEqual(routes.findings, []);
  });
  it('none for an Ingress no controller serves', () => {
    const routes = routesOf(ingressClass('nginx'), ingress('a', `ingressClassName: other\nrules:\n${rule(null, path('/', 'Prefix', 'slow', 80))}`));
    assert.deepEqual(routes.findings, []);
    assert.deepEqual(routes.ingresses.map((i) => [i.ingress, i.class, i.served]), [['shop/a', 'other', false]]);
  });
  it('ingress/no-class notes an Ingress without class when no IngressClass is the default', () => {
    const routes = routesOf(ingress('a', rule(null, path('/', 'Prefix', 'web', 80))), ingress('b', `ingressClassName: nginx\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80))}`));
    assert.deepEqual(routes.notes.map((n) => [n.code, n.severity, n.path.join('.')]), [['ingress/no-class', 'information', 'spec']]);
  });
});

describe('odd shapes never throw and route nothing they cannot read', () => {
  const odd = [
    'rules: [{host: 5, http: {paths: "x"}}]',
    'rules: [{http: {paths: [{path: 7, pathType: Prefix, backend: {service: {name: 3, port: {number: "80"}}}}]}}]',
    'rules: [{http: {paths: [{path: /, pathType: Regex, backend: {service: {name: web, port: {number: 80}}}}]}}]',
    'rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {}}]}}]',
    'rules: "everything"',
    'defaultBackend: [1, 2]',
    'ingressClassName: [a]',
  ];
  for (const spec of odd) {
    it(spec, () => {
      const routes = routesOf(ingress('odd', spec, 'annotations: {kubernetes.io/ingress.class: [x]}'));
      const paths = routes.ingresses[0].rules;
      assert.ok(paths.every((p) => p.target.endpoints.length === 0));
      assert.doesNotThrow(() => ask(routes, 'http://x/'));
    });
  }
  it('IngressClasses from the cluster profile count', () => {
    const all = manifests([ingress('a', `ingressClassName: traefik\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80))}`)].join('---\n'));
    assert.equal(buildRouteTable(all, manifests(ingressClass('nginx'), 'cluster.yaml')).ingresses[0].ingressClass.served, false);
    assert.equal(buildRouteTable(all, manifests(ingressClass('traefik'), 'cluster.yaml')).ingresses[0].ingressClass.served, true);
  });
});
