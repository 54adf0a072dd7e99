import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel, PreviewPod } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();

const LEAD = 'every zone already runs a `cache` pod (required anti-affinity on topology.kubernetes.io/zone) - add a node in another zone, or make the anti-affinity preferred';
const MESSAGE = "0/5 nodes are available: 5 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.";

/** The small cluster with four identical pending pods of Deployment cache and one of another lead. */
function withPendingCache(): PreviewModel {
  const model = loadFixture('small-cluster');
  const pending = (name: string, lead: string, message: string): PreviewPod => ({
    namespace: 'shop', name, owner: { kind: 'ReplicaSet', name: 'cache-5d8f7' }, workload: { kind: 'Deployment', name: 'cache' },
    node: null, status: 'Pending', message, lead, filters: {}, scores: {},
  });
  const cache = ['a1b2c', 'd3e4f', 'g5h6i', 'j7k8l'].map((s) => pending(`cache-5d8f7-${s}`, LEAD, MESSAGE));
  const other = pending('cache-5d8f7-m9n0p', 'asks 64 CPU; the largest node has 4 CPU allocatable - lower the request to at most 4 CPU', '0/5 nodes are available: 5 Insufficient cpu.');
  model.simulation.pods.push(...cache, other);
  return model;
}

const rowTexts = async (preview: Awaited<ReturnType<typeof openPreview>>) => {
  const rows = preview.page.locator('.view-pending .pending-row');
  const texts: Array<{ title: string; cause: string }> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    texts.push({ title: (await rows.nth(i).locator('.pod-chip').textContent()) ?? '', cause: (await rows.nth(i).locator('.pending-message').textContent()) ?? '' });
  }
  return texts;
};

test('pending: identical pods of one workload are one row, led by the cause; the scheduler message is in the details', async () => {
  const preview = await openPreview();
  await preview.update(withPendingCache());
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'pending' });
  assert.equal(await preview.page.locator('#tab-pending').textContent(), 'Pending (6)', 'the tab still counts pods');
  assert.equal(await preview.page.locator('.view-pending .summary').textContent(), '6 pods pending · 3 groups — select one to see why each node was rejected.');
  const rows = await rowTexts(preview);
  assert.deepEqual(rows.map((r) => r.title), ['○ shop/report-batch-x7k2p', '○ 4 pods of Deployment cache', '○ shop/cache-5d8f7-m9n0p']);
  assert.equal(rows[1].cause, `${LEAD.charAt(0).toUpperCase()}${LEAD.slice(1)}.`, 'the lead sentence, whole');
  assert.equal(rows[2].cause, 'Asks 64 CPU; the largest node has 4 CPU allocatable - lower the request to at most 4 CPU.');
  assert.match(rows[0].cause, /^0\/5 nodes are available: /, 'a pod without a lead shows the scheduler message');
  const group = preview.page.locator('.view-pending .pending-row').nth(1);
  assert.equal(await group.locator('.pending-message').getAttribute('title'), `${rows[1].cause}\n${MESSAGE}`, 'the tooltip adds upstream’s message, verbatim');
  assert.equal(await group.locator('.pod-chip').getAttribute('title'), ['a1b2c', 'd3e4f', 'g5h6i', 'j7k8l'].map((s) => `shop/cache-5d8f7-${s}`).join('\n'));

  await preview.screenshot('pending-groups');
  await group.locator('.pod-chip').click();
  const details = preview.page.locator('.details');
  await details.locator('h2', { hasText: 'Pod shop/cache-5d8f7-a1b2c' }).waitFor();
  assert.equal(await details.locator('.lead').textContent(), rows[1].cause, 'the details lead with the cause');
  assert.equal(await details.locator('.facts dt:text-is("Workload") + dd').textContent(), 'Deployment cache', 'the workload the user wrote, beside the ReplicaSet owner');
  assert.equal(await details.locator('.verdict').textContent(), MESSAGE, 'then the scheduler message, verbatim');
  assert.equal(await group.getAttribute('class'), 'pending-row selected', 'the group of the selected pod is selected');
  await preview.screenshot('pending-groups-details');
});
