import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeploymentRollout } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
/**
 * What the language server answered for examples/rollout (old/ → new/ on its cluster.yaml), recorded
 * by fixtures/recordRolloutExamples.ts: api (Recreate), web (its surge pod fits no node: stalled) and
 * worker (10 → 15 replicas with a new image, readinessProbe initialDelaySeconds 10, minReadySeconds 20).
 */
const recorded = loadFixture('examples-rollout-recorded');

function rolloutOf(name: string): DeploymentRollout {
  const rollout = recorded.rollout?.deployments.find((d) => d.name === name);
  assert.ok(rollout, `the recording has shop/${name}`);
  return rollout;
}

async function openRollout(preview: PreviewPage, name: string, step = 0): Promise<void> {
  await preview.update(recorded);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name } });
  for (let i = 0; i < step; i++) await preview.page.locator('button[aria-label="Next step"]').click();
  await preview.page.locator('.step-counter', { hasText: `Step ${step} ` }).waitFor();
}

const text = async (preview: PreviewPage, selector: string) => ((await preview.page.locator(selector).textContent()) ?? '').trim();
const texts = async (preview: PreviewPage, selector: string) => (await preview.page.locator(selector).allTextContents()).map((t) => t.trim());

/** Per tile, in drawn order: its name and the pods drawn in it (aria-labels of squares, then of removed outlines). */
async function tiles(preview: PreviewPage): Promise<Array<{ name: string; pods: string[]; removed: string[]; arrived: string[] }>> {
  interface Tile { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> }
  return preview.page.locator('.placement-grid .placement-node').evaluateAll((nodes) => nodes.map((node) => {
    // No named helper here: the page runs this function's source, without the bundler's helpers.
    const tile = node as unknown as Tile;
    const [pods, removed, arrived] = ['.pod-square', '.pod-ghost', '.pod-square.pod-arrived'].map((selector) => Array.from(tile.querySelectorAll(selector), (e) => e.getAttribute('aria-label') ?? ''));
    return { name: tile.querySelector('.placement-node-name')?.textContent ?? '', pods, removed, arrived };
  }));
}

test('rollout visuals: step 0 is the running version at full size, before the controller does anything', async () => {
  const preview = await openPreview();
  const expected: Record<string, { count: string; entry: string; tick0: string }> = {
    api: { count: 'Step 0 of 2 (3 steps)', entry: '0. before: old 3 · new 0 · available 3', tick0: '1. old 0 · new 3 · available 0' },
    web: { count: 'Step 0 of 1 (2 steps)', entry: '0. before: old 4 · new 0 · available 4', tick0: '1. old 4 · new 1 · available 4 — stalled' },
    worker: { count: 'Step 0 of 4 (5 steps)', entry: '0. before: old 10 · new 0 · available 10', tick0: '1. old 13 · new 5 · available 10' },
  };
  for (const [name, want] of Object.entries(expected)) {
    await openRollout(preview, name);
    assert.equal(await text(preview, '.step-counter'), want.count, name);
    assert.deepEqual((await texts(preview, '.step-list .step-button')).slice(0, 2), [want.entry, want.tick0], name);
    assert.equal(await text(preview, '.step-detail h3'), 'Step 0: before the rollout', name);
    assert.equal(await preview.page.locator('.step-detail .actions li').count(), 0, `${name}: no action at step 0`);
    assert.match(await text(preview, '.step-detail'), /None yet: the controller starts at the next step\./);
    const pods = (await tiles(preview)).flatMap((tile) => tile.pods);
    assert.ok(pods.length > 0 && pods.every((pod) => pod.endsWith(': old, ready')), `${name}: only old, ready pods at step 0 (${pods.join('; ')})`);
    assert.equal(await preview.page.locator('.unavailable-reasons').count(), 0, `${name}: nothing unavailable at step 0`);
  }
  assert.deepEqual(preview.errors, []);
});

test('rollout visuals: two budget bars per step, with the numbers and the formula, as meters', async () => {
  const preview = await openPreview();
  const cases: Array<{ name: string; step: number; pods: string; available: string; broken: string[] }> = [
    { name: 'web', step: 1, pods: '5 pods ≤ 4 + 1 (maxSurge 1)', available: '4 available ≥ 4 − 0 (maxUnavailable 0)', broken: [] },
    { name: 'worker', step: 2, pods: '18 pods ≤ 15 + 3 (maxSurge 3)', available: '13 available ≥ 15 − 2 (maxUnavailable 2)', broken: [] },
    // replicas 10 → 15 with the template: the floor of the new size is not met until the new pods are available.
    { name: 'worker', step: 0, pods: '10 pods ≤ 15 + 3 (maxSurge 3)', available: '10 available < 15 − 2 (maxUnavailable 2)', broken: ['available'] },
    { name: 'api', step: 1, pods: '3 pods ≤ 3 (Recreate: no surge; the old pods stop before the new ones start)', available: '0 available ≥ 0 (Recreate keeps no pod available while it replaces them)', broken: [] },
  ];
  for (const c of cases) {
    await openRollout(preview, c.name, c.step);
    const where = `${c.name} step ${c.step}`;
    assert.equal(await text(preview, '.budget-pods .budget-text'), c.pods, where);
    assert.equal(await text(preview, '.budget-available .budget-text'), c.available, where);
    for (const [kind, sentence] of [['pods', c.pods], ['available', c.available]] as const) {
      const meter = preview.page.locator(`.budget-${kind} [role="meter"]`);
      assert.equal(await meter.getAttribute('aria-valuetext'), sentence, `${where}: the ${kind} meter reads its sentence`);
      assert.equal(await meter.getAttribute('aria-valuenow'), /^(\d+)/.exec(sentence)?.[1], `${where}: the ${kind} meter's value`);
      assert.ok(await meter.getAttribute('aria-label'), `${where}: the ${kind} meter is named`);
    }
    assert.deepEqual(await preview.page.locator('.budget-broken').evaluateAll((rows) => rows.map((r) => (r.className.includes('budget-pods') ? 'pods' : 'available'))), c.broken, where);
  }
  // The bars have a slot per pod: o old, n new, a available, _ empty, ~ not available; s a surge slot, f a floor slot; | the bound after a slot.
  const slots = async (kind: string) => (await preview.page.locator(`.budget-${kind} .budget-slot`).evaluateAll((all) => all.map((slot) => slot.className))).map((name) => {
    const has = (c: string) => name.split(' ').includes(c);
    return `${has('slot-old') ? 'o' : has('slot-new') ? 'n' : has('slot-available') ? 'a' : '_'}${has('slot-not-ready') ? '~' : ''}${has('slot-surge') ? 's' : has('slot-floor') ? 'f' : has('slot-over') ? 'x' : ''}${has('slot-bound') ? '|' : ''}`;
  }).join(' ');
  await openRollout(preview, 'web', 1);
  assert.equal(await slots('pods'), 'o o o o n~s|', 'web: 4 replica slots and 1 surge slot, filled by 4 old pods and the new one (not available)');
  assert.equal(await slots('available'), 'af af af af|', 'web: the floor is all 4 replicas, all available');
  await openRollout(preview, 'worker', 1);
  assert.equal(await slots('pods'), `${'o '.repeat(10)}o~ o~ o~ n~ n~ n~s n~s n~s|`, 'worker tick 0: 15 replica slots and 3 surge slots; 13 old pods (3 of them added by the scale-up, not available yet) and 5 new ones');
  assert.equal(await slots('available'), `${'af '.repeat(10)}_f _f _f| _ _`, 'worker tick 0: 10 available of a floor of 13');
  assert.deepEqual(preview.errors, []);
});

test('rollout visuals: node tiles stay in the same place at every step; pods arrive and leave visibly', async () => {
  const preview = await openPreview();
  // Every node any step of the rollout uses, in name order, then PENDING when a step has a pod without a node.
  const expected: Record<string, string[]> = {
    api: ['node-1', 'node-2', 'node-3'],
    web: ['node-1', 'node-2', 'node-3', 'node-4', 'PENDING'],
    worker: ['node-1', 'node-2', 'node-3', 'node-4'],
  };
  for (const rollout of recorded.rollout?.deployments ?? []) {
    await openRollout(preview, rollout.name);
    const order = (await tiles(preview)).map((tile) => tile.name);
    assert.deepEqual(order, expected[rollout.name], rollout.name);
    for (let i = 1; i < rollout.steps.length; i++) {
      await preview.page.locator('button[aria-label="Next step"]').click();
      assert.deepEqual((await tiles(preview)).map((tile) => tile.name), order, `${rollout.name} step ${i}: the same tiles in the same order`);
    }
  }
  // worker, step 2 (controller tick 1): old 13 → 8 and new 5 → 10: five pods leave, five arrive.
  await openRollout(preview, 'worker', 2);
  const step2 = await tiles(preview);
  assert.equal(step2.flatMap((tile) => tile.removed).length, 5);
  assert.ok(step2.flatMap((tile) => tile.removed).every((label) => label.endsWith(': old, removed in this step')));
  assert.equal(step2.flatMap((tile) => tile.arrived).length, 5);
  assert.ok(step2.flatMap((tile) => tile.arrived).every((label) => label.endsWith(': new, not ready')));
  // Going back shows the pods the step had, where it had them.
  await preview.page.locator('button[aria-label="Previous step"]').click();
  const step1 = await tiles(preview);
  const worker = rolloutOf('worker');
  for (const tile of step1) {
    const want = (worker.steps[1].pods ?? []).filter((pod) => pod.node === tile.name).map((pod) => `${pod.pod}: ${pod.isNew ? 'new' : 'old'}, ${pod.ready ? 'ready' : 'not ready'}`);
    assert.deepEqual(tile.pods, want, `worker step 1, ${tile.name}`);
  }
  assert.deepEqual(preview.errors, []);
});

test('rollout visuals: unavailable pods are explained — new pods not ready yet, with what they wait for', async () => {
  const preview = await openPreview();
  await openRollout(preview, 'worker', 1);
  assert.deepEqual(await texts(preview, '.unavailable-reasons li'), [
    '5 new pods not ready yet: readinessProbe initialDelaySeconds 10, then minReadySeconds 20',
    '3 old pods not available yet',
  ]);
  assert.equal(await preview.page.locator('.stat-unavailable').getAttribute('aria-label'), 'unavailable: 8');
  await preview.page.locator('button[aria-label="Next step"]').click();
  assert.deepEqual(await texts(preview, '.unavailable-reasons li'), ['5 new pods not ready yet: readinessProbe initialDelaySeconds 10, then minReadySeconds 20']);
  await preview.page.locator('.step-list .step-button', { hasText: /^4\./ }).click();
  assert.equal(await preview.page.locator('.unavailable-reasons').count(), 0, 'the last step: every pod available, nothing to explain');
  // Recreate, no probe: the new pods wait for their containers.
  await openRollout(preview, 'api', 1);
  assert.deepEqual(await texts(preview, '.unavailable-reasons li'), ['3 new pods not ready yet: containers to start']);
  assert.deepEqual(preview.errors, []);
});

test('rollout visuals: the surge pod that fits no node is in the PENDING tile with the scheduler\'s reason', async () => {
  const preview = await openPreview();
  const web = rolloutOf('web');
  const line = web.steps[1].pending[0];
  const [pod, reason] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
  assert.match(reason, /^0\/4 nodes are available: 4 node\(s\) didn't match pod anti-affinity rules\./, 'the recording has the scheduler\'s message');
  await openRollout(preview, 'web');
  const tile = preview.page.locator('.placement-pending');
  assert.equal(await text(preview, '.placement-pending .placement-node-name'), 'PENDING');
  assert.equal(await text(preview, '.placement-pending .placement-none'), 'none at this step', 'step 0: the tile is there, empty');
  await preview.page.locator('button[aria-label="Next step"]').click();
  assert.equal(await tile.locator('.pod-square-new.not-ready.pod-arrived').getAttribute('aria-label'), `${pod}: new, not ready`);
  assert.equal(await text(preview, '.placement-pending .pending-pod-name'), pod);
  assert.equal(await text(preview, '.placement-pending .pending-reason'), reason, 'the scheduler\'s message, verbatim');
  assert.match((await tile.getAttribute('aria-label')) ?? '', /^PENDING \(no node\): 1 new not ready$/);
  assert.deepEqual(await texts(preview, '.unavailable-reasons li'), ['1 new pod pending: no node fits it (see PENDING)']);
  assert.match(await text(preview, '[role="alert"].callout-stall'), /The rollout stalls here\./);
  assert.deepEqual(preview.errors, []);
});

test('rollout visuals: by keyboard, each step is announced with its budgets', async () => {
  const preview = await openPreview();
  await openRollout(preview, 'web');
  const live = preview.page.locator('.view-rollout [aria-live="polite"]');
  assert.equal(await live.textContent(), 'Step 0 of 1 (2 steps): 4 pods ≤ 4 + 1 (maxSurge 1); 4 available ≥ 4 − 0 (maxUnavailable 0)');
  await preview.page.locator('button[aria-label="Next step"]').focus();
  await preview.page.keyboard.press('Enter');
  assert.equal(await live.textContent(), 'Step 1 of 1 (2 steps): 5 pods ≤ 4 + 1 (maxSurge 1); 4 available ≥ 4 − 0 (maxUnavailable 0)');
  assert.equal(await text(preview, '.budget-pods .budget-text'), '5 pods ≤ 4 + 1 (maxSurge 1)');
  // The step list is a list of buttons: Tab reaches them, Enter picks one.
  await preview.page.locator('.step-list .step-button').first().focus();
  await preview.page.keyboard.press('Enter');
  assert.equal(await text(preview, '.step-counter'), 'Step 0 of 1 (2 steps)');
  assert.equal((await preview.focused()).label, 'Step 0: before: old 4 · new 0 · available 4', 'focus stays on the step picked');
  assert.deepEqual(preview.errors, []);
});

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`rollout visuals: ${theme} theme — budgets, reasons and PENDING drawn; screenshot saved`, async () => {
    const preview = await openPreview({ theme, viewport: { width: 1280, height: 900 } });
    await openRollout(preview, 'web', 1);
    assert.equal(await preview.page.locator('.budget [role="meter"]').count(), 2);
    assert.ok(await preview.page.locator('.placement-pending .pending-reason').isVisible());
    await preview.screenshot(`rollout-web-stalled-${theme}`);
    await openRollout(preview, 'worker', 2);
    assert.ok(await preview.page.locator('.unavailable-reasons').isVisible());
    await preview.screenshot(`rollout-worker-${theme}`);
    assert.deepEqual(preview.errors, []);
  });
}
