import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewView } from '../../server/src/protocol/webviewMessages';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();
/**
 * What the language server's `drydock/preview` answered for the repository's examples/ (scheduling,
 * services, network, on examples/cluster.yaml, every Deployment's restart previewed), recorded.
 */
const recorded = loadFixture('examples-recorded');

test('recorded server output: every view renders it', async () => {
  const preview = await openPreview({ theme: 'dark', viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  const { nodes, pods } = recorded.simulation;
  const pending = pods.filter((pod) => pod.node === null).length;
  assert.equal(await preview.page.locator('.view-nodes .summary').textContent(), `${nodes.length} nodes · ${pods.length - pending} pods placed · ${pending} pending`);
  assert.equal(await preview.page.locator('.node-card').count(), nodes.length);
  await preview.screenshot('recorded-nodes-dark');
  const views: PreviewView[] = ['pending', 'rollout', 'services', 'network'];
  for (const view of views) {
    await preview.deliverAndWaitForRender({ type: 'showView', view });
    await preview.screenshot(`recorded-${view}-dark`);
  }
  const deployments = recorded.rollout?.deployments ?? [];
  // 24 endpoints in 24 lines: namespaces of several workloads under a header, the outside ranges under theirs
  // (reachGroups.test.ts has them line by line).
  assert.equal(recorded.reach?.matrix?.endpoints.length, 24);
  assert.equal(await preview.page.locator('#panel-network .reach-grid .reach-cell').count(), 24 ** 2);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  assert.equal(await preview.page.locator('select[aria-label="Deployment"] option').count(), deployments.length);
  for (const deployment of deployments) {
    await preview.page.locator('select[aria-label="Deployment"]').selectOption(`${deployment.namespace}/${deployment.name}`);
    assert.equal(await preview.page.locator('.step-list li').count(), deployment.steps.length, `${deployment.name}: one entry per step`);
  }
  for (const pod of pods.slice(0, 12)) await preview.deliverAndWaitForRender({ type: 'selectPod', pod: `${pod.namespace}/${pod.name}` });
  assert.deepEqual(preview.errors, []);
});
