import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel, PreviewRolloutStep } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');
/** What the language server answered for examples/ (recorded by fixtures/recordExamples.ts). */
const recorded = loadFixture('examples-recorded');

/** The never-ready variant of the fixture, as the server answers `neverReady: true`: web stalls after step 0. */
function neverReadyVariant(): PreviewModel {
  const model = structuredClone(cluster);
  const web = model.rollout?.deployments.find((d) => d.name === 'web');
  assert.ok(web);
  web.outcome = 'stalled';
  web.steps = web.steps.slice(0, 1);
  web.stallReason = 'the new pods never become available, so no old pod may be removed (available 3 = minAvailable 3).';
  model.neverReady = true;
  return model;
}

async function openRollout(preview: PreviewPage): Promise<void> {
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
}

const counter = (preview: PreviewPage) => preview.page.locator('.step-counter');

/** The pod squares drawn per node tile ("PENDING" for pods without a node), by aria-label; tiles without a pod left out. */
async function drawnPods(preview: PreviewPage): Promise<Record<string, string[]>> {
  interface Box { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> }
  const boxes = await preview.page.locator('.placement-grid .placement-node').evaluateAll((nodes) => nodes.map((node) => {
    const box = node as unknown as Box;
    return [box.querySelector('.placement-node-name')?.textContent ?? '', Array.from(box.querySelectorAll('.pod-square'), (square) => square.getAttribute('aria-label') ?? '')] as const;
  }));
  return Object.fromEntries(boxes.filter(([, pods]) => pods.length > 0));
}

/** The same, computed from a step of the model: what the view must draw for it. */
function expectedPods(step: PreviewRolloutStep): Record<string, string[]> {
  const byNode: Record<string, string[]> = {};
  for (const pod of step.pods ?? []) (byNode[pod.node ?? 'PENDING'] ??= []).push(`${pod.pod}: ${pod.isNew ? 'new' : 'old'}, ${pod.ready ? 'ready' : 'not ready'}`);
  return byNode;
}

test('rollout: the stepper walks the steps with previous/next and shows what each step did', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  assert.equal(await counter(preview).textContent(), 'Step 0 of 2 (3 steps)');
  assert.ok(await preview.page.locator('button[aria-label="Previous step"]').isDisabled());
  assert.deepEqual(await preview.page.locator('.stats .stat-value').allTextContents(), ['3', '2', '3', '2']);
  assert.equal(await preview.page.locator('.actions li').count(), 3);
  await preview.page.locator('button[aria-label="Next step"]').click();
  assert.equal(await counter(preview).textContent(), 'Step 1 of 2 (3 steps)');
  assert.equal(await preview.page.locator('.step-list [aria-current="step"]').textContent(), '1. old 1 · new 4 · available 3');
  assert.deepEqual(await preview.page.locator('.stats .stat-value').allTextContents(), ['1', '4', '3', '2']);
  await preview.page.locator('button[aria-label="Next step"]').click();
  assert.ok(await preview.page.locator('button[aria-label="Next step"]').isDisabled());
  await preview.page.locator('.callout-ok', { hasText: 'The rollout completes at this step' }).waitFor();
  assert.equal((await preview.savedState() as { rolloutStep: number }).rolloutStep, 2, 'the step is saved with setState');
});

test('rollout: old and new pods are drawn on their nodes at each step', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  const node = (name: string) => preview.page.locator('.placement-node', { has: preview.page.locator('.placement-node-name', { hasText: name }) });
  assert.equal(await node('worker-a1').locator('.pod-square-old').count(), 2);
  assert.equal(await node('worker-a1').locator('.pod-square-new.not-ready').count(), 1);
  assert.match((await node('worker-a1').getAttribute('aria-label')) ?? '', /worker-a1: 2 old ready, 1 new not ready/);
  await preview.page.locator('.step-list button', { hasText: '2. old 0' }).click();
  assert.equal(await preview.page.locator('.placement-grid .pod-square-old').count(), 0);
  assert.equal(await preview.page.locator('.placement-grid .pod-square-new:not(.not-ready)').count(), 4);
});

test('rollout: Next and Previous move the drawn pods between steps, node by node', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  const step0 = {
    'worker-a1': ['shop/web-5b6f4d-a: old, ready', 'shop/web-5b6f4d-c: old, ready', 'shop/web-7c9d8f-p: new, not ready'],
    'worker-a2': ['shop/web-5b6f4d-b: old, ready', 'shop/web-7c9d8f-q: new, not ready'],
  };
  const step1 = {
    'worker-a1': ['shop/web-5b6f4d-a: old, ready', 'shop/web-7c9d8f-p: new, ready', 'shop/web-7c9d8f-r: new, not ready'],
    'worker-a2': ['shop/web-7c9d8f-q: new, ready', 'shop/web-7c9d8f-s: new, not ready'],
  };
  assert.deepEqual(await drawnPods(preview), step0);
  await preview.page.locator('button[aria-label="Next step"]').click();
  assert.deepEqual(await drawnPods(preview), step1, 'old pods b and c are gone, r and s are new, p and q became ready');
  await preview.page.locator('button[aria-label="Previous step"]').click();
  assert.equal(await counter(preview).textContent(), 'Step 0 of 2 (3 steps)');
  assert.deepEqual(await drawnPods(preview), step0, 'back at step 0');
});

test('rollout: the server\'s recorded rollouts draw, at every step, exactly the pods it placed on each node', async () => {
  const preview = await openPreview();
  await preview.update(recorded);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  const deployments = recorded.rollout?.deployments ?? [];
  const keys = [...new Set(deployments.map((d) => `${d.namespace}/${d.name}`))];
  for (const key of keys) {
    const rollout = deployments.find((d) => `${d.namespace}/${d.name}` === key);
    assert.ok(rollout && rollout.steps.every((step) => step.pods && step.pods.length > 0), `${key}: the server listed the pods of every step`);
    await preview.page.locator('select[aria-label="Deployment"]').selectOption(key);
    const seen: Array<Record<string, string[]>> = [];
    for (let i = 0; i < rollout.steps.length; i++) {
      if (i > 0) await preview.page.locator('button[aria-label="Next step"]').click();
      const drawn = await drawnPods(preview);
      assert.deepEqual(drawn, expectedPods(rollout.steps[i]), `${key} step ${i} (next)`);
      if (i > 0) assert.notDeepEqual(drawn, seen[i - 1], `${key}: Next to step ${i} changes the pods drawn`);
      seen.push(drawn);
    }
    for (let i = rollout.steps.length - 2; i >= 0; i--) {
      await preview.page.locator('button[aria-label="Previous step"]').click();
      assert.deepEqual(await drawnPods(preview), seen[i], `${key} step ${i} (previous)`);
    }
  }
  assert.deepEqual(preview.errors, []);
});

test('rollout: Play advances to the last step by itself and stops there', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  await preview.page.locator('button[aria-label="Play the rollout"]').click();
  await preview.page.locator('.step-counter', { hasText: 'Step 2 of 2' }).waitFor({ timeout: 10_000 });
  await preview.page.locator('button[aria-label="Play the rollout"]').waitFor();
  assert.equal(await preview.page.locator('button[aria-pressed="true"]').count(), 0, 'play stopped at the end');
});

test('rollout: a stalled rollout says where it stalls, why, and that nothing rolls back', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  await preview.page.locator('select[aria-label="Deployment"]').selectOption('shop/queue');
  const alert = preview.page.locator('[role="alert"].callout-stall');
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  assert.match(text, /The rollout stalls here\./);
  assert.match(text, /fits no node \(2 Insufficient memory\), and maxUnavailable 0 forbids removing an old pod first/);
  assert.match(text, /Nothing reverts automatically/);
  assert.match((await preview.page.locator('.pending-list').textContent()) ?? '', /shop\/queue-9e8d7c-m3k9z: 0\/5 nodes are available/);
  assert.equal(await preview.page.locator('.placement-pending .pod-square-new.not-ready').count(), 1);
  assert.equal(await preview.page.locator('.badge-outcome-stalled').textContent(), 'stalled');
});

test('rollout: "new pods never become ready" asks the host, and the stalled answer is drawn', async () => {
  const preview = await openPreview();
  await openRollout(preview);
  await preview.page.locator('#never-ready').check();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setNeverReady', neverReady: true });
  await preview.update(neverReadyVariant());
  await preview.page.locator('[role="alert"]', { hasText: 'the new pods never become available' }).waitFor();
  assert.ok(await preview.page.locator('#never-ready').isChecked());
  assert.equal(await counter(preview).textContent(), 'Step 0 (the only step)');
  assert.deepEqual(await preview.page.locator('.unavailable-reasons li').allTextContents(), ['2 new pods never become ready (simulated: "New pods never become ready")'], 'not "not ready yet"');
});

test('rollout: a CodeLens "Preview rollout" opens that Deployment', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'queue' } });
  assert.equal(await preview.page.locator('#tab-rollout').getAttribute('aria-selected'), 'true');
  assert.equal(await preview.page.locator('select[aria-label="Deployment"]').inputValue(), 'shop/queue');
});
