import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser } from './harness/previewPage';

// The header names the simulated cluster ("Cluster: built-in (6 nodes)") and offers the workspace's
// cluster files; choosing one asks the host to set drydock.cluster (issue #16 item 5).
const openPreview = useBrowser();
const base = loadFixture('small-cluster');
const nodes = base.simulation.nodes.length;

const builtIn: PreviewModel = { ...base, cluster: { file: null, label: 'built-in', nodes, choices: [{ uri: 'file:///workspace/examples/cluster.yaml', label: 'examples/cluster.yaml', nodes: 9 }] } };
const fromFile: PreviewModel = { ...base, cluster: { file: 'file:///workspace/examples/cluster.yaml', label: 'examples/cluster.yaml', nodes, choices: [{ uri: 'file:///workspace/examples/cluster.yaml', label: 'examples/cluster.yaml', nodes: 9 }] } };

test('cluster chip: names the built-in cluster with its node count, lists the workspace cluster files', async () => {
  const preview = await openPreview();
  await preview.update(builtIn);
  const select = preview.page.getByRole('combobox', { name: 'Simulated cluster (sets drydock.cluster)' });
  assert.deepEqual(await select.locator('option').allTextContents(), [`built-in (${nodes} nodes)`, 'examples/cluster.yaml (9 nodes)']);
  assert.equal(await select.inputValue(), '');
  await preview.update(fromFile);
  assert.equal(await select.inputValue(), 'file:///workspace/examples/cluster.yaml');
  assert.deepEqual(await select.locator('option').allTextContents(), ['built-in', `examples/cluster.yaml (${nodes} nodes)`], 'the simulated file shows the nodes the run had');
});

test('cluster chip: choosing a file or the built-in cluster by keyboard sends setCluster', async () => {
  const preview = await openPreview();
  await preview.update(builtIn);
  const select = preview.page.getByRole('combobox', { name: 'Simulated cluster (sets drydock.cluster)' });
  await select.focus();
  await preview.page.keyboard.press('ArrowDown');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setCluster', uri: 'file:///workspace/examples/cluster.yaml' });
  await preview.page.keyboard.press('ArrowUp');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setCluster', uri: null });
});

test('cluster chip: hidden when the model does not say which cluster it simulated', async () => {
  const preview = await openPreview();
  await preview.update(base);
  assert.equal(await preview.page.locator('.cluster-chip').isVisible(), false);
});
