import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const result: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    result.push((await rows.nth(i).locator('th, td').allTextContents()).map((cell) => cell.trim()));
  }
  return result;
}

test('details: a pending pod shows the scheduler message and the filters grouped by plugin and reason', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'shop/report-batch-x7k2p' });
  const details = preview.page.locator('.details');
  await details.locator('h2', { hasText: 'Pod shop/report-batch-x7k2p' }).waitFor();
  assert.equal(await preview.page.locator('#tab-pending').getAttribute('aria-selected'), 'true', 'a pending pod opens the pending tab');
  assert.match((await details.locator('.verdict').textContent()) ?? '', /^0\/5 nodes are available: .*2 Insufficient cpu/);
  assert.equal(await details.locator('h3').first().textContent(), 'Filters: 5 of 5 nodes rejected');
  assert.deepEqual(await tableRows(details.locator('.filters-table')), [
    ['NodeResourcesFit', 'Insufficient cpu', '2', 'worker-a1, worker-a2'],
    ['TaintToleration', 'node(s) had untolerated taint(s)', '2', 'cp-1, worker-b2'],
    ['NodeUnschedulable', 'node(s) were unschedulable', '1', 'worker-b1'],
  ]);
  assert.equal(await details.locator('.filters-table th[scope="col"]').count(), 4, 'column headers are scoped for screen readers');
  assert.match((await details.textContent()) ?? '', /No node passed the filters, so none was scored\./);
});

test('details: a scheduled pod shows each plugin\'s weighted score per node, best first, with the chosen node and the tie', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  const details = preview.page.locator('.details');
  await details.locator('.scores-table').waitFor();
  const headers = (await details.locator('.scores-table thead th').allTextContents()).map((h) => h.trim());
  assert.deepEqual(headers, ['Node', 'Taints', 'Spread', 'Balanced', 'Fit', 'Total']);
  const names = await details.locator('.scores-table thead th[aria-label]').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { getAttribute(n: string): string }).getAttribute('aria-label')));
  assert.deepEqual(names, ['TaintToleration', 'PodTopologySpread', 'NodeResourcesBalancedAllocation', 'NodeResourcesFit'], 'screen readers hear the plugin names');
  assert.deepEqual(await tableRows(details.locator('.scores-table')), [
    ['worker-a1✓', '300', '200', '97', '88', '685'],
    ['worker-a2', '300', '200', '97', '88', '685'],
  ]);
  assert.equal(await details.locator('.scores-table tr.chosen th button').getAttribute('aria-label'), 'Show node worker-a1 (chosen)');
  assert.equal(await details.locator('.details-section p.muted').last().textContent(), 'Scored 0 on every node: ImageLocality, InterPodAffinity, NodeAffinity.');
  assert.match((await details.locator('.note').textContent()) ?? '', /Tie: worker-a1, worker-a2 share the best total.*picked worker-a1/);
  assert.match((await details.locator('.verdict').textContent()) ?? '', /Placed on worker-a1 with the highest total score, 685: 2 nodes passed the filters, 3 of 5 were rejected\./);
});

test('details: a node name in the scores jumps to that node in the nodes view', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('[data-pod="shop/api-1"]').click();
  await preview.page.locator('.details .scores-table button', { hasText: 'worker-a1' }).click();
  assert.match((await preview.focused()).label ?? '', /^Node worker-a1,/);
});

test('details: a bound pod says the scheduler was not asked; Escape closes the details', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('[data-pod="kube-system/etcd-cp-1"]').click();
  const details = preview.page.locator('.details');
  await details.locator('.verdict', { hasText: 'Bound by spec.nodeName' }).waitFor();
  await details.locator('button', { hasText: 'Reveal manifest' }).click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/shop/cluster.yaml', line: 100 } });
  await details.locator('button[aria-label="Close pod details"]').focus();
  await preview.page.keyboard.press('Escape');
  await details.waitFor({ state: 'hidden' });
  assert.equal(await preview.page.locator('[data-pod="kube-system/etcd-cp-1"]').getAttribute('aria-pressed'), 'false');
});

/** The fixture as the server sends it past its inline budget: no per-node details, only their counts. */
function withDetailsOmitted(model: typeof cluster): typeof cluster {
  const copy = structuredClone(model);
  for (const pod of copy.simulation.pods) {
    const best = pod.node ? pod.scores[pod.node]?.total ?? null : null;
    pod.detailsOmitted = { filters: Object.keys(pod.filters).length, scores: Object.keys(pod.scores).length, bestTotal: best };
    pod.filters = {};
    pod.scores = {};
  }
  return copy;
}

test('details: when the model left them out, the page asks the host for the pod\'s filters and scores and shows the answer', async () => {
  const preview = await openPreview();
  await preview.update(withDetailsOmitted(cluster));
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  const details = preview.page.locator('.details');
  await details.locator('p.muted', { hasText: 'Loading the filter verdicts (3 rejected nodes) and the scores…' }).waitFor();
  assert.match((await details.locator('.verdict').textContent()) ?? '', /Placed on worker-a1 with the highest total score, 685: 2 nodes passed the filters, 3 of 5 were rejected\./, 'the counts come with the model');
  const asked = (await preview.posted()).filter((m) => m.type === 'podDetails');
  assert.deepEqual(asked, [{ type: 'podDetails', pod: 'shop/web-7c9d8f-2xkqp' }]);
  const inline = cluster.simulation.pods.find((p) => p.name === 'web-7c9d8f-2xkqp')!;
  await preview.deliverAndWaitForRender({ type: 'podDetails', pod: 'shop/web-7c9d8f-2xkqp', details: { pod: 'shop/web-7c9d8f-2xkqp', filters: inline.filters, scores: inline.scores } });
  assert.deepEqual(await tableRows(details.locator('.scores-table')), [
    ['worker-a1✓', '300', '200', '97', '88', '685'],
    ['worker-a2', '300', '200', '97', '88', '685'],
  ]);
  assert.equal(await details.locator('h3').first().textContent(), 'Filters: 3 of 5 nodes rejected');
  // Selecting it again uses what was fetched: no second request.
  await preview.page.locator('.details button[aria-label="Close pod details"]').click();
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  await details.locator('.scores-table').waitFor();
  assert.equal((await preview.posted()).filter((m) => m.type === 'podDetails').length, 1);
});

test('details: a pod the host no longer knows says so instead of loading forever', async () => {
  const preview = await openPreview();
  await preview.update(withDetailsOmitted(cluster));
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'shop/report-batch-x7k2p' });
  await preview.deliverAndWaitForRender({ type: 'podDetails', pod: 'shop/report-batch-x7k2p', details: null });
  assert.match((await preview.page.locator('.details').textContent()) ?? '', /not available: the simulation changed/);
});

test('details: a pod placed on the only feasible node says 1 node passed (upstream skips scoring then), one sentence after the message', async () => {
  const preview = await openPreview();
  const model = structuredClone(cluster);
  const pod = model.simulation.pods.find((p) => `${p.namespace}/${p.name}` === 'shop/web-7c9d8f-2xkqp')!;
  pod.scores = {};
  pod.message = 'Successfully assigned shop/web-7c9d8f-2xkqp to worker-a1';
  pod.filters = Object.fromEntries(model.simulation.nodes.filter((n) => n.name !== 'worker-a1').map((n) => [n.name, { plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' }]));
  await preview.update(model);
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  const verdict = (await preview.page.locator('.details .verdict').textContent()) ?? '';
  assert.match(verdict, /^Successfully assigned shop\/web-7c9d8f-2xkqp to worker-a1\. Placed on worker-a1, the only feasible node \(nothing to score\): 1 node passed the filters, 4 of 5 were rejected\.$/);
});
