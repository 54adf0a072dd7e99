import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser } from './harness/previewPage';

/**
 * Issue #16 item 8, on the shipped examples (examples-recorded.json): a click on a node, or Enter on
 * its row, opens the node's details (requested against allocatable, conditions, taints, labels, pods)
 * beside the list, with a link to its YAML, instead of revealing the YAML.
 */
const openPreview = useBrowser();
const recorded = loadFixture('examples-recorded');

const card = (name: string) => `.node-card[data-node="${name}"]`;
const row = (name: string) => `.vlist-row:has(${card(name)})`;
const inference = recorded.simulation.pods.find((pod) => pod.namespace === 'ml');

test('node details: a click on a node opens its details (not its YAML): resources, conditions, taints, labels, pods, and a link to the YAML', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  const postedBefore = (await preview.posted()).length;
  await preview.page.locator(`${card('gpu-b1')} .node-name`).click();
  const detail = preview.page.locator('.node-detail');
  await detail.locator('h2', { hasText: 'Node gpu-b1' }).waitFor();
  assert.equal((await preview.posted()).length, postedBefore, 'opening the details reveals nothing');
  const rows = await detail.locator('.node-resources tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (c) => c.textContent).join(' | ')));
  assert.deepEqual(rows, [
    'cpu | 2 CPU | 7.91 CPU | 25%',
    'memory | 8 Gi | 30 Gi | 27%',
    'pods | 1 | 110 | 1%',
    'ephemeral-storage | 0 Gi | 88.99 Gi | 0%',
    'nvidia.com/gpu | 1 | 1 | 100%',
  ]);
  // Ready as the model states it (`ready`, or the manifest's conditions once the fixture carries them), then schedulability.
  const conditions = await detail.locator('.node-detail-conditions dt, .node-detail-conditions dd').allTextContents();
  assert.deepEqual([conditions[0], conditions[1].split(' · ')[0], ...conditions.slice(-2)], ['Ready', 'True', 'Schedulable', 'Yes']);
  assert.deepEqual(await detail.locator('.node-detail-taints li').allTextContents(), ['nvidia.com/gpu=present:NoSchedule']);
  const labels = await detail.locator('.node-detail-labels li').allTextContents();
  assert.ok(labels.includes('accelerator=nvidia-t4') && labels.includes('kubernetes.io/hostname=gpu-b1'), labels.join(' | '));
  assert.deepEqual(await detail.locator('.node-detail-pods .pod-chip').allTextContents(), [`ml/${inference?.name}`]);
  assert.match((await preview.page.locator(card('gpu-b1')).getAttribute('class')) ?? '', /\bselected\b/);
  await detail.locator('button', { hasText: 'Reveal YAML' }).click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/examples/cluster.yaml', line: 222 } });
  // A pod of the details selects it; a click on a card's free space opens that node.
  await detail.locator('.node-detail-pods .pod-chip').click();
  await preview.page.locator('.details h2', { hasText: `Pod ml/${inference?.name}` }).waitFor();
  await preview.page.locator(`${card('app-a1')} .node-pod-count`).click();
  await detail.locator('h2', { hasText: 'Node app-a1' }).waitFor();
  await detail.locator('button[aria-label="Close node details"]').click();
  await detail.waitFor({ state: 'hidden' });
});

test('node details: the node details list the conditions the Node manifest writes, verbatim', async () => {
  // examples/cluster.yaml writes these for gpu-b1 (the recorded fixture predates the model's `conditions`).
  const conditions = [
    { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
  ];
  const model: PreviewModel = { ...recorded, simulation: { ...recorded.simulation, nodes: recorded.simulation.nodes.map((n) => (n.name === 'gpu-b1' ? { ...n, conditions } : n)) } };
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(model);
  await preview.page.locator(`${card('gpu-b1')} .node-name`).click();
  await preview.page.locator('.node-detail h2', { hasText: 'Node gpu-b1' }).waitFor();
  assert.deepEqual(await preview.page.locator('.node-detail-conditions dt, .node-detail-conditions dd').allTextContents(), [
    'Ready', 'True · KubeletReady · kubelet is posting ready status',
    'MemoryPressure', 'False · KubeletHasSufficientMemory',
    'Schedulable', 'Yes',
  ]);
  // When the simulation says otherwise (a what-if run's NotReady node), its state is shown, with the manifest's.
  await preview.update({ ...model, simulation: { ...model.simulation, nodes: model.simulation.nodes.map((n) => (n.name === 'gpu-b1' ? { ...n, conditions, ready: false } : n)) } });
  await preview.page.locator('.node-detail-conditions dd', { hasText: 'False (simulated; the manifest says True)' }).waitFor();
});

test('node details: Enter on a node row opens its details with focus on them; Escape closes them and returns to the row', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  await preview.page.locator(row('control-plane-1')).focus();
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.node-detail h2', { hasText: 'Node control-plane-1' }).waitFor();
  assert.equal((await preview.focused()).text, 'Node control-plane-1', 'focus moves to the details');
  assert.deepEqual(await preview.page.locator('.node-detail .node-detail-taints li').allTextContents(), ['node-role.kubernetes.io/control-plane:NoSchedule']);
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'Close node details');
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'Reveal the Node manifest of control-plane-1 in the editor');
  await preview.page.keyboard.press('Escape');
  await preview.page.locator('.node-detail').waitFor({ state: 'hidden' });
  assert.match((await preview.focused()).label ?? '', /^Node control-plane-1 \(control plane\)/);
  // The name button is a keyboard stop of the row that opens them too.
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, 'Node control-plane-1: show its details');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.node-detail h2', { hasText: 'Node control-plane-1' }).waitFor();
});
