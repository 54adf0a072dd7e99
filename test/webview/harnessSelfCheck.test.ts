import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();

test('harness: a bundle that throws on load fails the test instead of passing silently', async () => {
  await assert.rejects(openPreview({ bundleOverride: 'throw new Error("bundle exploded")' }), /never said ready.*bundle exploded/s);
});

test('harness: a bundle that loads but cannot render fails with the page error', async () => {
  const broken = `acquireVsCodeApi().postMessage({ type: 'ready' }); window.addEventListener('message', () => { throw new Error('render exploded'); });`;
  const preview = await openPreview({ bundleOverride: broken });
  await assert.rejects(preview.update(loadFixture('small-cluster')), /no render after update; page errors: .*render exploded/);
  preview.takeErrors();
});
