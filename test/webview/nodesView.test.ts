import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

/** The card of one node (cards are inside the virtual list's rows). */
const card = (name: string) => `.vlist-row:has(.node-name:text-is("${name}")) .node-card`;

test('nodes: nodes are grouped by zone, in region/zone order, with a count', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const zones = await preview.page.locator('.zone-row').allTextContents();
  assert.deepEqual(zones.map((z) => z.replace(/\s+/g, ' ').trim()), ['Zone eu-west-1a · region eu-west-1 · 3 nodes', 'Zone eu-west-1b · region eu-west-1 · 2 nodes']);
  assert.equal(await preview.page.locator('.node-card').count(), 5);
  assert.equal(await preview.page.locator('#tab-nodes').textContent(), 'Nodes (5)');
  assert.equal(await preview.page.locator('#tab-pending').textContent(), 'Pending (1)');
});

test('nodes: capacity bars show cpu, memory and pods requested against allocatable, each pair in one unit', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const bars = preview.page.locator(`${card('worker-a2')} .bar`);
  assert.equal(await bars.count(), 3);
  assert.equal(await bars.nth(0).locator('.bar-label').textContent(), '3.75 / 4 CPU');
  assert.match((await bars.nth(0).getAttribute('class')) ?? '', /bar-high/, 'cpu at 94% is marked high');
  assert.equal(await bars.nth(0).locator('[role="meter"]').getAttribute('aria-valuetext'), '3.75 / 4 CPU (94%)');
  assert.equal(await bars.nth(1).locator('.bar-label').textContent(), '9 / 16 Gi memory');
  assert.equal(await bars.nth(2).locator('.bar-label').textContent(), '3 / 110 pods');
});

test('nodes: control-plane and cordoned nodes look different and say so', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  assert.match((await preview.page.locator(card('cp-1')).getAttribute('class')) ?? '', /control-plane/);
  assert.equal(await preview.page.locator(`${card('cp-1')} .badge-control-plane`).textContent(), 'control-plane');
  assert.match((await preview.page.locator(card('worker-b1')).getAttribute('class')) ?? '', /cordoned/);
  assert.equal(await preview.page.locator(`${card('worker-b1')} .badge-cordoned`).textContent(), 'cordoned');
  assert.match((await preview.page.locator('.vlist-row:has(.node-name:text-is("worker-b1"))').getAttribute('aria-label')) ?? '', /cordoned/);
  assert.doesNotMatch((await preview.page.locator(card('worker-a1')).getAttribute('class')) ?? '', /control-plane|cordoned/);
});

test('nodes: taints and key labels are shown; routine labels are not', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const taints = await preview.page.locator(`${card('worker-b2')} .node-taints .chip`).allTextContents();
  assert.deepEqual(taints, ['⚠ dedicated=gpu:NoSchedule']);
  const meta = await preview.page.locator(`${card('worker-b2')} .node-meta .chip`).allTextContents();
  assert.ok(meta.includes('pool=gpu'));
  assert.ok(meta.includes('nvidia.com/gpu.product=A10'));
  assert.ok(!meta.some((chip) => chip.startsWith('kubernetes.io/hostname')), 'hostname is routine');
});

test('nodes: each node lists its pods; a click selects the pod and asks the host to reveal its manifest', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const chips = await preview.page.locator(`${card('worker-a2')} .pod-chip`).allTextContents();
  assert.deepEqual(chips, ['● web-7c9d8f-8hd7s', '● api-0', '● api-1']);
  await preview.page.locator('[data-pod="shop/api-0"]').click();
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-0' }).waitFor();
  assert.equal(await preview.page.locator('[data-pod="shop/api-0"]').getAttribute('aria-pressed'), 'true');
  const posted = await preview.posted();
  assert.deepEqual(posted.at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/shop/api.yaml', line: 1 } });
});

test('nodes: the filter narrows nodes by name, label or pod', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('.filter').fill('pool=gpu');
  await preview.page.locator('.summary', { hasText: '1 of 5 nodes' }).waitFor();
  assert.deepEqual(await preview.page.locator('.node-card .node-name').allTextContents(), ['worker-b2']);
  await preview.page.locator('.filter').fill('api-1');
  // The summary reads "1 of 5 nodes" before and after this filter: wait for the node it keeps instead.
  await preview.page.locator('.node-card .node-name', { hasText: 'worker-a2' }).waitFor();
  await preview.page.locator('.summary', { hasText: '1 of 5 nodes' }).waitFor();
  assert.deepEqual(await preview.page.locator('.node-card .node-name').allTextContents(), ['worker-a2']);
});

test('nodes: a CodeLens "Preview placement" highlights the pods of its workload', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliver({ type: 'showView', view: 'nodes', workload: { kind: 'StatefulSet', namespace: 'shop', name: 'api' } });
  await preview.page.locator('.workload-banner', { hasText: 'StatefulSet shop/api: 2 pods on 1 node' }).waitFor();
  assert.equal(await preview.page.locator('.pod-chip.highlighted').count(), 2);
  await preview.page.locator('.workload-banner button').click();
  await preview.page.locator('.workload-banner').waitFor({ state: 'hidden' });
  assert.equal(await preview.page.locator('.pod-chip.highlighted').count(), 0);
});

test('nodes: a Node with a manifest reveals it from its details', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('button[aria-label="Node worker-b1: show its details"]').click();
  await preview.page.locator('button[aria-label="Reveal the Node manifest of worker-b1 in the editor"]').click();
  const posted = await preview.posted();
  assert.deepEqual(posted.at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/shop/cluster.yaml', line: 56 } });
});

test('pending: pending pods are listed with the scheduler message', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('#tab-pending').click();
  await preview.page.locator('.pending-row').first().waitFor();
  const rows = preview.page.locator('.pending-row');
  assert.equal(await rows.count(), 1);
  assert.match((await rows.first().textContent()) ?? '', /shop\/report-batch-x7k2p.*Job report-batch.*0\/5 nodes are available: .*2 Insufficient cpu/);
});
