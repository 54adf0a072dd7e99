import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

test('services: endpoints per port, with readiness, and a warning for a Service without endpoints', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
  const api = preview.page.locator('.service-card', { has: preview.page.locator('h3', { hasText: 'shop/api' }) });
  const rows = api.locator('tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match((await rows.nth(0).textContent()) ?? '', /5432 \(pg\)TCPpg1 of 2 ready ✓ shop\/api-0:5432✕ shop\/api-1:5432/);
  assert.equal(await rows.nth(0).locator('.endpoint-not-ready').getAttribute('aria-label'), 'Endpoint shop/api-1 port 5432, not ready: show the pod');
  const legacy = preview.page.locator('.service-card', { has: preview.page.locator('h3', { hasText: 'shop/legacy' }) });
  assert.match((await legacy.textContent()) ?? '', /No endpoints: no pod matches the selector and port\./);
});

test('services: in a file-scope preview, a Service whose pods another file defines says where they come from, not "No endpoints"', async () => {
  const preview = await openPreview();
  const model = structuredClone(cluster);
  const legacy = model.simulation.services.find((service) => service.name === 'legacy')!;
  legacy.podsElsewhere = ['Deployment shop/legacy-app'];
  await preview.update(model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
  const card = preview.page.locator('.service-card', { has: preview.page.locator('h3', { hasText: 'shop/legacy' }) });
  const text = (await card.textContent()) ?? '';
  assert.match(text, /Its pods come from other files \(Deployment shop\/legacy-app\): choose Workspace to see its endpoints\./);
  assert.doesNotMatch(text, /No endpoints/);
});

test('services: an endpoint opens its pod; the Service name reveals its manifest', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
  await preview.page.locator('.endpoint', { hasText: 'shop/api-1:9090' }).click();
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-1' }).waitFor();
  await preview.page.locator('button[aria-label="Service shop/web: reveal its manifest"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/shop/web.yaml', line: 40 } });
});

test('network: the reachability matrix is a grid of allowed (green) and denied (red) cells', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  const grid = preview.page.locator('.reach-grid[role="grid"]');
  // The namespace's header (open), then its workloads (closed: each a count of pods), then the outside range.
  const headers = ['▾ shop (3 workloads, 7 pods)', '▸ api (2 pods)', '▸ queue (2 pods)', '▸ web (3 pods)', '0.0.0.0-255.255.255.255'];
  assert.deepEqual(await grid.locator('[role="row"][aria-rowindex="1"] [role="columnheader"].reach-col').allTextContents(), headers);
  assert.deepEqual(await grid.locator('[role="rowheader"].reach-row').allTextContents(), headers);
  assert.equal(await grid.getAttribute('aria-rowcount'), '6', 'the header row and 5 sources');
  assert.equal(await grid.getAttribute('aria-colcount'), '6', 'the header column and 5 destinations');
  assert.equal(await grid.locator('.reach-cell').count(), 25);
  // The three workloads and the outside range are the matrix's 16 cells (2 denied, 1 some ports, 12 allowed, 1 n/a);
  // the namespace's row and column combine them: mixed where its workloads differ (its own cell, to api, and
  // from queue, web and the outside range), allowed where they agree (to queue, web and outside; from api).
  assert.equal(await grid.locator('.reach-cell.reach-denied').count(), 2);
  assert.equal(await grid.locator('.reach-cell.reach-partial').count(), 1);
  assert.equal(await grid.locator('.reach-cell.reach-mixed').count(), 5);
  assert.equal(await grid.locator('.reach-cell.reach-allowed').count(), 12 + 4);
  assert.equal(await grid.locator('.reach-cell.reach-na').count(), 1);
  const cell = grid.locator('[role="row"][aria-rowindex="4"] [role="gridcell"][aria-colindex="3"]');
  assert.equal(await cell.getAttribute('aria-label'), 'shop/queue to shop/api: denied');
  assert.equal(await cell.getAttribute('class'), 'reach-cell reach-denied vgrid-cell');
  assert.equal(await cell.getAttribute('title'), 'shop/queue → shop/api: No connections');
});

test('network: clicking a cell explains it with both directions of every query', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  await preview.page.locator('.reach-cell[aria-label^="shop/web to shop/api: "]').click();
  const explanation = preview.page.locator('.reach-explanation');
  await explanation.locator('h3', { hasText: 'shop/web → shop/api' }).waitFor();
  assert.deepEqual(await preview.page.locator('.reach-grid .reach-cell.selected[aria-selected="true"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label'))), ['shop/web to shop/api: some ports allowed (TCP 5432)']);
  const queries = explanation.locator('.reach-query');
  assert.equal(await queries.count(), 2);
  assert.equal(await queries.nth(0).locator('h4').textContent(), 'TCP 5432: ✓ allowed');
  assert.match((await queries.nth(0).textContent()) ?? '', /Ingress of shop\/apiallowed by shop\/api-from-web ingress\[0\]/);
  assert.equal(await queries.nth(1).locator('h4').textContent(), 'TCP 9090: ✕ denied');
  assert.match((await queries.nth(1).textContent()) ?? '', /ports\/protocol do not match/);
});

test('network: arrow keys move between cells and Enter explains the focused one', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  await preview.page.locator('.reach-cell[tabindex="0"]').focus();
  assert.equal((await preview.focused()).label, 'namespace shop to namespace shop: mixed (allowed for 7 pairs, denied for 1 pair, some ports for 1 pair)');
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await preview.page.keyboard.press(key);
  assert.equal((await preview.focused()).label, 'shop/queue to shop/api: denied');
  await preview.page.keyboard.press('End');
  assert.equal((await preview.focused()).label, 'shop/queue to 0.0.0.0-255.255.255.255: allowed');
  await preview.page.keyboard.press('ArrowLeft');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.reach-explanation h3', { hasText: 'shop/queue → shop/web' }).waitFor();
  assert.equal(await preview.page.locator('.reach-cell[tabindex="0"]').count(), 1, 'one tab stop in the grid');
});
