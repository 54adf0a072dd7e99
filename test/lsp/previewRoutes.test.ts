// The preview's Routes tab, from the server: the model of examples/ingress carries every Ingress with
// its class, its paths host → path → Service:port → endpoints and where it is written; the URL box's
// `drydock/routeQuery` answers from the same dry run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { PreviewModel, PreviewRouteQueryResult } from '../../server/src/protocol/preview';
import { LspClient } from '../helpers/lspClient';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'ingress');
const FILES = ['01-classes.yaml', '02-shop.yaml', '03-ingresses.yaml'];
const uriOf = (file: string) => `file:///ws/ingress/${file}`;
const INGRESSES = uriOf('03-ingresses.yaml');
const params = { uri: INGRESSES, scope: 'workspace', neverReady: false } as const;

let client: LspClient;
before(async () => {
  client = await LspClient.start();
  for (const file of FILES) await client.open(uriOf(file), readFileSync(join(EXAMPLE, file), 'utf8'));
});
after(async () => {
  await client.dispose();
});

test('preview routes: examples/ingress in routing order, with classes, paths, Services, endpoints and sources', { timeout: 30_000 }, async () => {
  const model = await client.sendRequest<PreviewModel | null>('drydock/preview', params);
  assert.ok(model?.routes, 'the model carries the routes');
  const { ingresses } = model.routes;
  assert.deepEqual(ingresses.map((i) => [`${i.namespace}/${i.name}`, i.class, i.served]), [
    ['shop/shop-main', 'nginx', true],
    ['shop/shop-promo', 'nginx', true],
    ['shop/admin', 'internal', true],
    ['shop/legacy', 'traefik', false],
  ]);
  assert.deepEqual(ingresses.map((i) => i.source), [2, 23, 36, 47].map((line) => ({ uri: INGRESSES, line: line - 1 })), 'each Ingress reveals its manifest (its first line, 0-based)');
  const main = ingresses[0];
  assert.deepEqual(main.routes.map((r) => `${r.host ?? '*'} ${r.path} ${r.pathType} → ${r.target.service}:${r.target.port}${r.issue ? ` [${r.issue}]` : ''}`), [
    'shop.example.com / Prefix → shop/web:80',
    'shop.example.com /api Prefix → shop/api:rest',
    'shop.example.com /api/health Exact → shop/web:80',
    'shop.example.com /catalogue Prefix → shop/catalogue:80',
    'shop.example.com /api/ Prefix → shop/web:80 [shadowed]',
    '*.shop.example.com / Prefix → shop/web:80',
  ]);
  const api = main.routes[1].target;
  assert.equal(api.endpoints.length, 2);
  assert.ok(api.endpoints.every((e) => /^shop\/api-[a-z0-9]+-[a-z0-9]{5}$/.test(e.pod) && e.port === 3000 && e.ready), JSON.stringify(api.endpoints));
  assert.ok(api.endpoints.every((e) => model.simulation.pods.some((p) => `${p.namespace}/${p.name}` === e.pod)), 'endpoints name pods of the model (the tab links them)');
  assert.equal(api.reason, null);
  const catalogue = main.routes[3].target;
  assert.equal(catalogue.endpoints.filter((e) => e.ready).length, 0);
  assert.match(catalogue.reason ?? '', /^Service shop\/catalogue has no ready endpoint on port 80/);
  assert.deepEqual({ ...main.defaultBackend, endpoints: main.defaultBackend?.endpoints.length }, { service: 'shop/web', port: 'http', endpoints: 2, reason: null });
  assert.equal(ingresses[1].routes[1].issue, 'conflict', 'shop-promo loses /api to the older shop-main');
  assert.match(ingresses[1].routes[0].target.reason ?? '', /Service shop\/web has no port 8080/);
  assert.equal(model.routes.omittedIngresses, undefined);
  assert.equal(model.routes.omittedRoutes, undefined);
});

test('preview routes: drydock/routeQuery answers a URL per class from the same run, or says why not', { timeout: 30_000 }, async () => {
  await client.sendRequest('drydock/preview', params);
  const query = (url: unknown) => client.sendRequest<PreviewRouteQueryResult | null>('drydock/routeQuery', { ...params, url });
  const orders = await query('https://shop.example.com/api/orders');
  assert.ok(orders?.ok, JSON.stringify(orders));
  assert.equal(orders.url, 'https://shop.example.com/api/orders');
  assert.deepEqual(orders.answers.map((a) => [a.class, a.ingress, a.host, a.path, a.pathType, a.target.service, a.target.port, a.reason]), [
    ['nginx', 'shop/shop-main', 'shop.example.com', '/api', 'Prefix', 'shop/api', 'rest', null],
  ]);
  assert.deepEqual(orders.answers[0].target.endpoints.map((e) => [e.port, e.ready]), [[3000, true], [3000, true]]);

  const byIp = await query('10.0.0.7/admin/users');
  assert.ok(byIp?.ok);
  assert.deepEqual(byIp.answers.map((a) => [a.class, a.ingress, a.pathType]), [['nginx', 'shop/shop-main', null], ['internal', 'shop/admin', 'Prefix']], 'one answer per class: nginx\'s default backend, internal\'s host-less rule');
  assert.match(byIp.answers[0].reason ?? '', /ingress-nginx differs here/);

  const promo = await query('http://shop.example.com/promo/summer');
  assert.ok(promo?.ok);
  assert.match(promo.answers[0].reason ?? '', /Service shop\/web has no port 8080; pathType ImplementationSpecific: matched like Prefix here/);

  const bad = await query('http://');
  assert.deepEqual(bad, { ok: false, url: 'http://', error: 'not a URL: http://' });
  assert.equal(await query(42), null, 'malformed params are refused, not thrown');
  assert.equal(await query('x'.repeat(3000)), null, 'an over-long URL is refused');
});

test('preview routes: a file without Ingress has an empty list (the tab says what to do)', { timeout: 30_000 }, async () => {
  const model = await client.sendRequest<PreviewModel | null>('drydock/preview', { uri: uriOf('02-shop.yaml'), scope: 'file', neverReady: false });
  assert.deepEqual(model?.routes, { ingresses: [] });
});
