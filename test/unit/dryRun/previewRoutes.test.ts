import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { MAX_ROUTE_ENDPOINTS, previewRouteQuery, previewRoutes } from '../../../server/src/dryRun/previewRoutes';
import type { Manifest } from '../../../server/src/simulator/model/source';

const source = (document: number) => ({ file: 'routes.yaml', document, path: [] });

function ingress(document: number, name: string, paths: string[]): Manifest {
  return {
    source: source(document),
    object: {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'shop' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: paths.map((path) => ({ path, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } })) } }] },
    },
  };
}

const web = (replicas: number): Manifest[] => [
  { source: source(0), object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } } },
  {
    source: source(1),
    object: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }], resources: { requests: { cpu: '1m', memory: '1Mi' } } }] } } },
    },
  },
];

describe('previewRoutes: the Routes tab\'s part of the model', () => {
  it('lists each Ingress with its paths, the Service port\'s endpoints and its source; the URL query answers from the same routes', () => {
    const run = dryRun({ manifests: [...web(2), ingress(2, 'main', ['/', '/api'])], cluster: null, baseline: null });
    const routes = previewRoutes(run.routes, run.services.services, (s) => (s ? { uri: `file:///${s.file}`, line: s.document * 10 } : null));
    assert.equal(routes.ingresses.length, 1);
    const [main] = routes.ingresses;
    assert.deepEqual([main.namespace, main.name, main.class, main.served, main.source], ['shop', 'main', null, true, { uri: 'file:///routes.yaml', line: 20 }]);
    assert.deepEqual(main.routes.map((r) => [r.host, r.path, r.pathType, r.target.service, r.target.port, r.target.endpoints.length, r.target.reason]), [
      ['shop.example.com', '/', 'Prefix', 'shop/web', 80, 2, null],
      ['shop.example.com', '/api', 'Prefix', 'shop/web', 80, 2, null],
    ]);
    assert.ok(main.routes[0].target.endpoints.every((e) => e.port === 8080 && e.ready));
    const answer = previewRouteQuery(run.routes, run.services.services, 'shop.example.com/api/x');
    assert.ok(answer.ok);
    assert.deepEqual(answer.answers.map((a) => [a.ingress, a.path, a.target.endpoints.length]), [['shop/main', '/api', 2]]);
    assert.deepEqual(previewRouteQuery(run.routes, run.services.services, 'http://'), { ok: false, url: 'http://', error: 'not a URL: http://' });
  });

  it('is bounded: past the path budget Ingresses and paths are counted, not listed; endpoints per target too', () => {
    const many = MAX_ROUTE_ENDPOINTS + 5;
    const run = dryRun({ manifests: [...web(many), ingress(2, 'a', ['/a1', '/a2', '/a3']), ingress(3, 'b', ['/b1', '/b2']), ingress(4, 'c', ['/c1'])], cluster: null, baseline: null });
    const routes = previewRoutes(run.routes, run.services.services, () => null, 4);
    assert.deepEqual(routes.ingresses.map((i) => [i.name, i.routes.map((r) => r.path)]), [['a', ['/a1', '/a2', '/a3']], ['b', ['/b1']]]);
    assert.equal(routes.omittedRoutes, 1);
    assert.equal(routes.omittedIngresses, 1);
    const target = routes.ingresses[0].routes[0].target;
    assert.equal(target.endpoints.length, MAX_ROUTE_ENDPOINTS);
    assert.equal(target.endpointsOmitted, 5);
  });
});
