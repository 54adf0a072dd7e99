import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useBrowser } from './harness/previewPage';
import { largeClusterAsServed } from './largeCluster';

const openPreview = useBrowser();

/** Generous bounds: they catch a lost virtualisation (seconds), not machine noise. `npm run bench` has the numbers. */
const MAX_RENDER_MS = 5_000;

interface Timing {
  frameMs: number;
}
interface HarnessWindow {
  __drydockHarness: { stash: unknown; measureUpdate(): Promise<Timing> };
}

test('large cluster: 1,000 nodes and 10,000 pods render virtualised and stay navigable', async () => {
  const preview = await openPreview({ viewport: { width: 1400, height: 900 } });
  const { model, details } = largeClusterAsServed({ nodes: 1_000, pods: 10_000, pending: 100 });
  assert.ok(model.simulation.pods.every((p) => p.detailsOmitted), 'at this size the server leaves the per-node details out');
  const json = JSON.stringify(model);
  // About 2.8 MB of it is the reachability matrix of 400 workloads (160,000 cells).
  assert.ok(json.length < 8_000_000, `the model is ${json.length} bytes`);
  await preview.page.evaluate((text) => {
    (globalThis as unknown as HarnessWindow).__drydockHarness.stash = JSON.parse(text);
  }, json);
  const timing = await preview.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.measureUpdate());
  assert.ok(timing.frameMs < MAX_RENDER_MS, `first frame after ${timing.frameMs} ms`);
  assert.match((await preview.page.locator('.view-nodes .summary').textContent()) ?? '', /^1000 nodes · 9900 pods placed · 100 pending$/);
  const rows = await preview.page.locator('.view-nodes .vlist-row').count();
  assert.ok(rows > 3 && rows < 60, `${rows} rows in the DOM for 1,006 list items`);
  assert.equal(await preview.page.locator('.view-nodes .vlist-row').first().getAttribute('aria-setsize'), '1007', 'the Pending lane + 1,000 nodes + 6 zone headings');

  await preview.page.locator('.view-nodes .vlist-row').first().focus();
  await preview.page.keyboard.press('End');
  assert.match((await preview.focused()).label ?? '', /^Node node-0998,/, 'End reaches the last node of the last zone (us-east-1c)');
  assert.ok((await preview.page.locator('.view-nodes .vlist-row').count()) < 60, 'still virtualised at the bottom');

  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'batch/huge-job-0000' });
  await preview.deliverAndWaitForRender({ type: 'podDetails', pod: 'batch/huge-job-0000', details: details.get('batch/huge-job-0000')! });
  assert.match((await preview.page.locator('.details h3').first().textContent()) ?? '', /^Filters: 1000 of 1000 nodes rejected$/);
  assert.ok((await preview.page.locator('.view-pending .vlist-row').count()) < 60, 'the pending list is virtualised too');
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'team-0/app-000-7d9f8c-00000' });
  await preview.deliverAndWaitForRender({ type: 'podDetails', pod: 'team-0/app-000-7d9f8c-00000', details: details.get('team-0/app-000-7d9f8c-00000')! });
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'podDetails').map((m) => m.pod), ['batch/huge-job-0000', 'team-0/app-000-7d9f8c-00000']);
  assert.equal(await preview.page.locator('.details .scores-table tbody tr').count(), 10, 'the first 10 scores, the rest on demand');
  await preview.page.locator('.details button', { hasText: /^Show all \d+ nodes$/ }).click();
  assert.ok((await preview.page.locator('.details .scores-table tbody tr').count()) > 800);
});
