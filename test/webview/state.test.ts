import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PersistedPreviewState } from '../../server/src/protocol/webviewMessages';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

test('state: the page says ready once, acquires the API once, and waits for a model', async () => {
  const preview = await openPreview();
  assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
  assert.equal(await preview.page.evaluate(() => (globalThis as unknown as { __drydockHarness: { acquired: number } }).__drydockHarness.acquired), 1);
  assert.equal(await preview.page.locator('.placeholder').isVisible(), true);
  await preview.deliver({ type: 'status', state: 'empty', message: 'Open a Kubernetes manifest to preview it.' });
  await preview.page.locator('.placeholder', { hasText: 'Open a Kubernetes manifest to preview it.' }).waitFor();
  assert.equal(await preview.page.locator('header .status[role="status"]').textContent(), 'Open a Kubernetes manifest to preview it.');
});

test('state: what the user looks at is saved with setState and restored after a reload', async () => {
  const first = await openPreview();
  await first.update(cluster);
  await first.page.locator('[data-pod="shop/api-1"]').click();
  await first.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  await first.page.locator('select[aria-label="Deployment"]').selectOption('shop/web');
  await first.page.locator('button[aria-label="Next step"]').click();
  const saved = (await first.savedState()) as PersistedPreviewState;
  assert.deepEqual(saved, {
    uri: 'file:///workspace/shop/web.yaml',
    scope: 'file',
    project: null,
    neverReady: false,
    view: 'rollout',
    selectedPod: 'shop/api-1',
    deployment: 'shop/web',
    rolloutStep: 1,
    workload: null,
  });

  const reloaded = await openPreview({ initialState: saved });
  await reloaded.update(cluster);
  assert.equal(await reloaded.page.locator('#tab-rollout').getAttribute('aria-selected'), 'true');
  assert.equal(await reloaded.page.locator('.step-counter').textContent(), 'Step 1 of 2 (3 steps)');
  await reloaded.deliverAndWaitForRender({ type: 'showView', view: 'nodes' });
  assert.equal(await reloaded.page.locator('.details h2').textContent(), 'Pod shop/api-1');
  assert.equal(await reloaded.page.locator('[data-pod="shop/api-1"]').getAttribute('aria-pressed'), 'true');
});

test('state: a saved state from another build is read field by field; junk is ignored', async () => {
  const preview = await openPreview({ initialState: { view: 'nope', rolloutStep: -3, scope: 'workspace', selectedPod: 42, workload: { kind: 1 } } });
  await preview.update({ ...cluster, source: { ...cluster.source, scope: 'workspace' } });
  assert.equal(await preview.page.locator('#tab-nodes').getAttribute('aria-selected'), 'true');
  assert.equal(await preview.page.locator('#scope-workspace').isChecked(), true);
  assert.equal(await preview.page.locator('.details').isVisible(), false);
});

test('state: the scope switch asks the host for the workspace preview', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  assert.equal(await preview.page.locator('#scope-file').isChecked(), true);
  await preview.page.locator('label[for="scope-workspace"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'workspace' });
  assert.equal(((await preview.savedState()) as PersistedPreviewState).scope, 'workspace');
});

test('state: a status message is announced without losing the model', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliver({ type: 'status', state: 'error', message: 'The preview failed: boom' });
  await preview.page.locator('.status-error', { hasText: 'The preview failed: boom' }).waitFor();
  assert.equal(await preview.page.locator('.node-card').count(), 5);
});
