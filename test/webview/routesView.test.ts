import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewIngress, PreviewModel, PreviewRouteQueryResult } from '../../server/src/protocol/preview';
import { contrastOnPage } from './harness/pageContrast';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';
import type { ThemeKind } from './harness/themes';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

const INGRESS_URI = 'file:///workspace/shop/ingress.yaml';

/** The small cluster with two Ingresses in front of its Services, as the server shapes them. */
function withRoutes(model: PreviewModel): PreviewModel {
  const copy = structuredClone(model);
  const web = { service: 'shop/web', port: 80, endpoints: [{ pod: 'shop/web-7c9d8f-2xkqp', port: 8080, ready: true }, { pod: 'shop/web-7c9d8f-8hd7s', port: 8080, ready: true }], reason: null };
  const main: PreviewIngress = {
    namespace: 'shop',
    name: 'main',
    class: 'nginx',
    served: true,
    source: { uri: INGRESS_URI, line: 3 },
    routes: [
      { host: 'shop.example.com', path: '/', pathType: 'Prefix', target: web, issue: null },
      { host: 'shop.example.com', path: '/api', pathType: 'Prefix', target: { service: 'shop/api', port: 'pg', endpoints: [{ pod: 'shop/api-0', port: 5432, ready: true }, { pod: 'shop/api-1', port: 5432, ready: false }], reason: null }, issue: null },
      { host: 'shop.example.com', path: '/api/', pathType: 'Prefix', target: web, issue: 'shadowed' },
      { host: null, path: '/legacy', pathType: 'Exact', target: { service: 'shop/legacy', port: 8000, endpoints: [], reason: 'Service shop/legacy has no ready endpoint on port 8000: its selector matches no pod' }, issue: null },
    ],
    defaultBackend: { ...web, port: 'http' },
    defaultBackendIssue: null,
  };
  const old: PreviewIngress = {
    namespace: 'shop', name: 'old', class: 'traefik', served: false, source: null, defaultBackend: null, defaultBackendIssue: null,
    routes: [{ host: 'old.example.com', path: '/', pathType: 'ImplementationSpecific', target: web, issue: null }],
  };
  copy.routes = { ingresses: [main, old] };
  return copy;
}

const routed = withRoutes(cluster);

async function openRoutes(preview: PreviewPage, model: PreviewModel = routed): Promise<void> {
  await preview.update(model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'routes' });
}

async function rowsOf(preview: PreviewPage, ingress: string): Promise<string[][]> {
  const card = preview.page.locator('.ingress-card', { has: preview.page.locator('h3', { hasText: ingress }) });
  const rows = card.locator('tbody tr');
  const result: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) result.push((await rows.nth(i).locator('th, td').allTextContents()).map((cell) => cell.trim()));
  return result;
}

const answer: PreviewRouteQueryResult = {
  ok: true,
  url: 'https://shop.example.com/api/orders',
  answers: [{ class: 'nginx', ingress: 'shop/main', host: 'shop.example.com', path: '/api', pathType: 'Prefix', target: { service: 'shop/api', port: 'pg', endpoints: [{ pod: 'shop/api-0', port: 5432, ready: true }], reason: null }, reason: null }],
};

test('routes: each Ingress lists host → path → Service:port → endpoints; unused paths and unserved Ingresses are said so', async () => {
  const preview = await openPreview();
  await openRoutes(preview);
  assert.equal(await preview.page.locator('#tab-routes').textContent(), 'Routes');
  assert.equal(await preview.page.locator('#tab-routes').getAttribute('aria-selected'), 'true');
  assert.equal(await preview.page.locator('.view-routes .summary').textContent(), '2 Ingresses, 5 paths');
  assert.deepEqual(await rowsOf(preview, 'shop/main'), [
    ['shop.example.com', '/', 'Prefix', 'shop/web:80', '2 of 2 ready ✓ shop/web-7c9d8f-2xkqp:8080✓ shop/web-7c9d8f-8hd7s:8080'],
    ['shop.example.com', '/api', 'Prefix', 'shop/api:pg', '1 of 2 ready ✓ shop/api-0:5432✕ shop/api-1:5432'],
    ['shop.example.com', '/api/', 'Prefix', 'shop/web:80', 'Never used: an earlier path of this Ingress is the same.2 of 2 ready ✓ shop/web-7c9d8f-2xkqp:8080✓ shop/web-7c9d8f-8hd7s:8080'],
    ['* (any host)', '/legacy', 'Exact', 'shop/legacy:8000', '⚠ Service shop/legacy has no ready endpoint on port 8000: its selector matches no pod'],
    ['Default backend (no rule matches)', 'shop/web:http', '2 of 2 ready ✓ shop/web-7c9d8f-2xkqp:8080✓ shop/web-7c9d8f-8hd7s:8080'],
  ]);
  assert.equal(await preview.page.locator('.routes-table tr.route-unused').count(), 1);
  assert.equal(await preview.page.locator('.ingress-card').nth(0).locator('h3').textContent(), 'Ingress shop/main class nginx');
  const old = preview.page.locator('.ingress-card').nth(1);
  assert.equal(await old.locator('h3').textContent(), 'Ingress shop/old class traefik');
  assert.match((await old.locator('.verdict').textContent()) ?? '', /Not served: no IngressClass traefik among the manifests/);
  assert.equal(await preview.page.locator('.routes-table th[scope="col"]').count(), 10, 'column headers are scoped for screen readers');
  assert.equal(await preview.page.locator('.endpoint-not-ready').first().getAttribute('aria-label'), 'Endpoint shop/api-1 port 5432, not ready: show the pod');
});

test('routes: an endpoint opens its pod\'s details beside the tab; the Ingress name reveals its manifest', async () => {
  const preview = await openPreview();
  await openRoutes(preview);
  await preview.page.locator('.view-routes .endpoint', { hasText: 'shop/api-1:5432' }).click();
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-1' }).waitFor();
  assert.equal(await preview.page.locator('#tab-routes').getAttribute('aria-selected'), 'true', 'the tab stays');
  assert.equal(await preview.page.locator('.details').isVisible(), true);
  await preview.page.locator('button[aria-label="Ingress shop/main: reveal its manifest"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: INGRESS_URI, line: 3 } });
  assert.equal(await preview.page.locator('.ingress-card', { hasText: 'shop/old' }).locator('h3 button').count(), 0, 'an Ingress without a source is plain text');
});

test('routes: the URL box asks the host and shows the matched Ingress, rule, Service, port and endpoints', async () => {
  const preview = await openPreview();
  await openRoutes(preview);
  const input = preview.page.getByLabel('URL', { exact: true });
  assert.equal(await input.getAttribute('id'), 'route-url', 'the input has its label');
  await input.fill('  https://shop.example.com/api/orders ');
  await input.press('Enter');
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'routeQuery'), [{ type: 'routeQuery', url: 'https://shop.example.com/api/orders' }]);
  assert.match((await preview.page.locator('.route-answer').textContent()) ?? '', /Finding the route of https:\/\/shop\.example\.com\/api\/orders…/);
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: answer.url, result: answer });
  const item = preview.page.locator('.route-answer-item');
  assert.equal(await item.locator('h4').textContent(), 'class nginx: shop/main');
  assert.deepEqual(await item.locator('dt').allTextContents(), ['Ingress', 'Rule', 'Service', 'Port']);
  assert.deepEqual(await item.locator('dd').allTextContents(), ['shop/main', 'shop.example.com /api (Prefix)', 'shop/api', 'pg']);
  assert.match((await item.textContent()) ?? '', /1 of 1 ready ✓ shop\/api-0:5432/);
  assert.equal(await preview.page.locator('.route-answer').getAttribute('aria-live'), 'polite', 'screen readers hear the answer');
  await item.locator('button[aria-label="Ingress shop/main: reveal its manifest"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: INGRESS_URI, line: 3 } });
  await item.locator('.endpoint', { hasText: 'shop/api-0:5432' }).click();
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-0' }).waitFor();
});

test('routes: no route, not a URL and no server are answered in words; a late answer is dropped; a new model asks again', async () => {
  const preview = await openPreview();
  await openRoutes(preview);
  const input = preview.page.getByLabel('URL', { exact: true });
  await input.fill('http://other.example.com/');
  await input.press('Enter');
  const reason = 'no Ingress rule matches host `other.example.com` path `/` and no served Ingress has a defaultBackend: the controller\'s own default backend answers (usually 404)';
  const none: PreviewRouteQueryResult = { ok: true, url: 'http://other.example.com/', answers: [{ class: null, ingress: null, host: null, path: null, pathType: null, target: { service: null, port: null, endpoints: [], reason: null }, reason }] };
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: none.url, result: none });
  assert.equal((await preview.page.locator('.route-answer .verdict').textContent())?.trim(), `⚠ No route. ${reason}`);

  await preview.deliver({ type: 'routeAnswer', url: answer.url, result: answer });
  assert.equal(await preview.page.locator('.route-answer h4').count(), 0, 'an answer to a URL not asked (last) is dropped');

  await input.fill('http://');
  await input.press('Enter');
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: 'http://', result: { ok: false, url: 'http://', error: 'not a URL: http://' } });
  assert.equal((await preview.page.locator('.route-answer').textContent())?.trim(), '⚠ not a URL: http://');
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: 'http://', result: null });
  assert.match((await preview.page.locator('.route-answer').textContent()) ?? '', /No answer: the language server is not running/);

  await input.fill('   ');
  await input.press('Enter');
  assert.match((await preview.page.locator('.route-answer').textContent()) ?? '', /Type a URL/);
  const asked = (await preview.posted()).filter((m) => m.type === 'routeQuery').length;
  assert.equal(asked, 2, 'an empty box asks nothing');

  await input.fill('https://shop.example.com/api/orders');
  await input.press('Enter');
  await preview.update(routed);
  assert.equal((await preview.posted()).filter((m) => m.type === 'routeQuery').length, 4, 'a new model asks the shown URL again');
  assert.equal(await input.inputValue(), 'https://shop.example.com/api/orders', 'the box keeps its text across models');
});

test('routes: without Ingress the tab says what to do and shows no box', async () => {
  const preview = await openPreview();
  await openRoutes(preview, cluster);
  assert.match((await preview.page.locator('.view-routes .empty').textContent()) ?? '', /^No Ingress in the previewed manifests\. Add a networking\.k8s\.io\/v1 Ingress/);
  assert.equal(await preview.page.locator('.route-form').isVisible(), false);
});

test('routes: keyboard — the tab, the URL box, the button and the answer are reachable and usable without a mouse', async () => {
  const preview = await openPreview();
  await preview.update(routed);
  await preview.page.locator('#tab-network').focus();
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).text, 'Routes');
  assert.equal(await preview.page.locator('#tab-routes').getAttribute('aria-selected'), 'true');
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)), 'route-url', 'Tab from the tabs lands in the URL box');
  await preview.page.keyboard.type('shop.example.com/api/orders');
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).text, 'Find route');
  await preview.page.keyboard.press('Enter');
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'routeQuery'), [{ type: 'routeQuery', url: 'shop.example.com/api/orders' }]);
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: 'shop.example.com/api/orders', result: { ...answer, url: 'shop.example.com/api/orders' } });
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'Ingress shop/main: reveal its manifest', 'next: the answer\'s Ingress');
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'Endpoint shop/api-0 port 5432, ready: show the pod');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-0' }).waitFor();
});

/** Elements none of the views creates: any of them in the page came from data. */
const INJECTED = 'img, svg, iframe, script, object, embed, b, i, frame';

test('routes: security — Ingress names, hosts, paths, Services, pods and reasons are text, never markup', async () => {
  const preview = await openPreview();
  const model = withRoutes(cluster);
  const ingress = model.routes!.ingresses[0];
  ingress.name = '<img src=x onerror=alert(21)>';
  ingress.class = '<b>nginx</b>';
  ingress.source = { uri: 'javascript:alert(22)', line: 0 };
  ingress.routes[0].host = '<svg onload=alert(23)>';
  ingress.routes[0].path = '/<iframe srcdoc="<script>alert(24)</script>">';
  ingress.routes[0].target = { service: 'shop/<i>svc</i>', port: '<img src=x onerror=alert(25)>', endpoints: [{ pod: 'shop/<img src=x onerror=alert(26)>', port: 80, ready: true }], reason: null };
  ingress.routes[3].target.reason = '<script>alert(27)</script>';
  await openRoutes(preview, model);
  const input = preview.page.getByLabel('URL', { exact: true });
  await input.fill('http://<img src=x onerror=alert(28)>/');
  await input.press('Enter');
  const key = 'shop/<img src=x onerror=alert(21)>';
  const hostile: PreviewRouteQueryResult = { ok: true, url: 'http://<img src=x onerror=alert(28)>/', answers: [{ class: '<b>c</b>', ingress: key, host: '<svg onload=alert(29)>', path: '/<i>p</i>', pathType: 'Prefix', target: { service: 'shop/<i>svc</i>', port: 'x', endpoints: [{ pod: 'shop/<img src=x onerror=alert(26)>', port: 80, ready: true }], reason: null }, reason: '<img src=x onerror=alert(30)>' }] };
  await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: hostile.url, result: hostile });
  const injected = await preview.page.evaluate((selector) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(`#app :is(${selector})`).length, INJECTED);
  assert.equal(injected, 0, 'no element injected in the routes tab');
  const text = (await preview.page.locator('.view-routes').textContent()) ?? '';
  for (const literal of [key, '<svg onload=alert(23)>', '/<iframe srcdoc="<script>alert(24)</script>">', 'shop/<i>svc</i>:<img src=x onerror=alert(25)>', '<script>alert(27)</script>', '<img src=x onerror=alert(30)>', 'class <b>c</b>']) {
    assert.ok(text.includes(literal), `shown literally: ${literal}`);
  }
  await preview.page.locator(`.route-list button[aria-label="Ingress ${key}: reveal its manifest"]`).click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'javascript:alert(22)', line: 0 } }, 'a hostile location goes to the host as data (the host refuses it)');
  assert.deepEqual(preview.dialogs, [], 'no script ran');
  assert.deepEqual(preview.refusedRequests, [], 'no request left the page');
  assert.deepEqual(await preview.cspViolations(), []);
});

/** Text at 4.5:1 (WCAG AA), borders and glyphs at 3:1. */
const CHECKS: Array<[selector: string, minimum: number]> = [
  ['[role="tab"][aria-selected="true"]#tab-routes', 4.5],
  ['.ingress-card h3 button.link', 4.5],
  ['.ingress-card h3 .muted', 4.5],
  ['.routes-table th[scope="row"]', 4.5],
  ['.routes-table td.route-service', 4.5],
  ['.routes-table .note', 4.5],
  ['.routes-table .endpoint-ready', 4.5],
  ['.routes-table .endpoint-not-ready', 4.5],
  ['.route-form label', 4.5],
  ['.route-form .route-url', 4.5],
  ['.route-form button', 4.5],
  ['.route-hint', 4.5],
  ['.route-answer-item h4', 4.5],
  ['.route-answer-item dt', 4.5],
  ['.route-answer-item dd', 4.5],
  ['.ingress-card .verdict', 4.5],
];

for (const theme of ['light', 'dark', 'high-contrast'] as const satisfies readonly ThemeKind[]) {
  test(`routes: themes — ${theme}: readable; screenshot saved`, async () => {
    const preview = await openPreview({ theme, viewport: { width: 1280, height: 800 } });
    await openRoutes(preview);
    const input = preview.page.getByLabel('URL', { exact: true });
    await input.fill(answer.url);
    await input.press('Enter');
    await preview.deliverAndWaitForRender({ type: 'routeAnswer', url: answer.url, result: answer });
    for (const [selector, minimum] of CHECKS) {
      const contrast = await contrastOnPage(preview, theme, selector);
      assert.ok(contrast, `${theme}: ${selector} is on the page`);
      assert.ok(contrast.ratio >= minimum, `${theme}: ${selector} has contrast ${contrast.ratio.toFixed(2)} (${contrast.color} on ${contrast.background.map(Math.round).join(',')}), needs ${minimum}`);
    }
    await preview.screenshot(`routes-${theme}`);
  });
}
