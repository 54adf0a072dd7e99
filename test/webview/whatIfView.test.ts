import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewWhatIf, WhatIfMoment, WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import { contrastOnPage } from './harness/pageContrast';
import { useBrowser, type PreviewPage } from './harness/previewPage';
import { whatIfExample } from './whatIfModels';

const openPreview = useBrowser();
const example = whatIfExample();
const NODE_DOWN: WhatIfNodeEvent[] = [{ kind: 'node-down', node: 'worker-2a', at: 0 }];
const failed = example.answer(NODE_DOWN);

const counter = (preview: PreviewPage) => preview.page.locator('.view-whatif .step-counter');
const button = (preview: PreviewPage, label: string) => preview.page.locator(`button[aria-label="${label}"]`);

/** Waits until the page has posted a `whatIf` message (after `from` messages) and returns its events. */
async function askedEvents(preview: PreviewPage, from: number): Promise<unknown> {
  await preview.page.waitForFunction((n) => (globalThis as unknown as { __drydockHarness: { posted: Array<{ type?: string }> } }).__drydockHarness.posted.slice(n).some((m) => m.type === 'whatIf'), from);
  return (await preview.posted()).slice(from).find((m) => m.type === 'whatIf')?.events;
}

/** Opens the preview on examples/whatif, asks through the node card's button, and answers as the host would. */
async function openWhatIf(preview: PreviewPage, label = 'What if node worker-2a fails', answer: PreviewWhatIf = failed, model: PreviewModel = example.model): Promise<void> {
  await preview.update(model);
  const before = (await preview.posted()).length;
  await button(preview, label).click();
  assert.deepEqual(await askedEvents(preview, before), answer.events);
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events: answer.events, result: answer });
}

/** What the page shows of the current moment: its lines, and the pods drawn per node (aria-labels). */
async function shownMoment(preview: PreviewPage): Promise<{ lines: string[]; nodes: Record<string, string[]> }> {
  const lines = await preview.page.locator('.whatif-lines li').allTextContents();
  interface Box { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> }
  const boxes = await preview.page.locator('.whatif-nodes .placement-node').evaluateAll((nodes) => nodes.map((node) => {
    const box = node as unknown as Box;
    return [box.querySelector('.placement-node-name')?.textContent ?? '', Array.from(box.querySelectorAll('.pod-square'), (s) => s.getAttribute('aria-label') ?? '')] as const;
  }));
  return { lines, nodes: Object.fromEntries(boxes) };
}

/** The same, computed from the answer: what the view must show for a moment. */
function expectedMoment(answer: PreviewWhatIf, moment: WhatIfMoment): { lines: string[]; nodes: Record<string, string[]> } {
  const lines = answer.timeline.slice(moment.first, moment.first + moment.count).map((e, i) => `+${e.at}s ${answer.lines[moment.first + i]}${e.why ? ` — ${e.why}` : ''}`);
  const nodes = Object.fromEntries(moment.nodes.map((n) => [n.name, n.pods.map((p) => `${p.pod}: ${p.terminating ? 'Terminating' : p.ready ? 'ready' : 'not ready'}`)]));
  return { lines, nodes };
}

test('what-if: a node card\'s button asks the host, and the tab shows the timeline, its why and the verdicts of examples/whatif', async () => {
  const preview = await openPreview();
  await openWhatIf(preview);
  assert.equal(await preview.page.locator('[role="tab"][aria-selected="true"]').textContent(), 'What if');
  assert.equal(await counter(preview).textContent(), '+0s, the start (moment 1 of 4)');
  assert.match((await preview.page.locator('.whatif-status').textContent()) ?? '', /^What if: node worker-2a fails at \+0s — changes at 3 moments, to \+365s$/);
  assert.deepEqual(await preview.page.locator('.whatif-moments .step-button').allTextContents(), ['+0s start', '+50s · 7 changes', '+350s · 3 changes', '+365s · 2 changes']);
  assert.deepEqual(await preview.page.locator('.whatif-verdict-list li').allTextContents(), failed.verdicts.map((v) => v.text));
  assert.ok((await preview.page.locator('.whatif-verdict-list li').allTextContents()).includes('web: 2/3 ready from +50s to +365s; never below minAvailable 2, needs 2 (PodDisruptionBudget web)'));
  await button(preview, 'Next moment').click();
  const shown = await shownMoment(preview);
  assert.deepEqual(shown, expectedMoment(failed, failed.moments[1]));
  assert.equal(shown.lines[0], '+50s node worker-2a NotReady — its kubelet posted no status for more than the 50 s node-monitor grace period: Ready is Unknown');
  await preview.page.locator('.whatif-moments .step-button', { hasText: '+350s' }).click();
  const evicted = (await shownMoment(preview)).lines.find((line) => line.includes('evicted (DeletionByTaintManager)'));
  assert.match(evicted ?? '', /— its toleration of node\.kubernetes\.io\/unreachable:NoExecute lasts 300 s \(DefaultTolerationSeconds unless the pod sets its own\)/);
  assert.ok((await shownMoment(preview)).nodes['worker-2a'].some((pod) => /^default\/web-.*: Terminating$/.test(pod)), 'the evicted pod stays Terminating on the unreachable node');
  const saved = (await preview.savedState()) as { view?: string; whatIf?: unknown; whatIfMoment?: number };
  assert.deepEqual({ view: saved.view, whatIf: saved.whatIf, whatIfMoment: saved.whatIfMoment }, { view: 'whatif', whatIf: NODE_DOWN, whatIfMoment: 2 }, 'the events and the moment are saved with setState');
});

test('what-if: the time stepper — Previous/Next, arrow keys, Home and End — draws each moment as the model has it, and says it in a live region', async () => {
  const preview = await openPreview();
  await openWhatIf(preview);
  const live = preview.page.locator('.view-whatif .visually-hidden[aria-live="polite"]');
  await button(preview, 'Next moment').focus();
  for (let i = 1; i < failed.moments.length; i++) {
    await preview.page.keyboard.press(i === 1 ? 'Enter' : 'ArrowRight');
    assert.deepEqual(await shownMoment(preview), expectedMoment(failed, failed.moments[i]), `moment ${i}`);
    assert.equal(await live.textContent(), await counter(preview).textContent());
  }
  assert.equal(await counter(preview).textContent(), '+365s, 2 changes (moment 4 of 4)');
  assert.ok(await button(preview, 'Next moment').isDisabled());
  assert.equal((await preview.focused()).label, 'Previous moment', 'Next is disabled at the end: focus moves to Previous');
  await preview.page.keyboard.press('Home');
  assert.equal(await counter(preview).textContent(), '+0s, the start (moment 1 of 4)');
  assert.deepEqual(await shownMoment(preview), expectedMoment(failed, failed.moments[0]));
  assert.equal((await preview.focused()).label, 'Next moment', 'Previous is disabled at the start: focus moves to Next');
  await preview.page.keyboard.press('End');
  assert.equal(await counter(preview).textContent(), '+365s, 2 changes (moment 4 of 4)');
  await preview.page.keyboard.press('ArrowLeft');
  assert.equal(await counter(preview).textContent(), '+350s, 3 changes (moment 3 of 4)');
  await preview.page.keyboard.press('Enter');
  assert.equal(await counter(preview).textContent(), '+50s, 7 changes (moment 2 of 4)', 'Enter on Previous steps back');
  await preview.page.locator('input[aria-label="Time"]').focus();
  await preview.page.keyboard.press('ArrowRight');
  assert.equal(await counter(preview).textContent(), '+350s, 3 changes (moment 3 of 4)', 'the slider steps with the arrows');
  assert.equal(await preview.page.locator('input[aria-label="Time"]').getAttribute('aria-valuetext'), '+350s, 3 changes (moment 3 of 4)');
  assert.equal((await preview.focused()).label, 'Time', 'focus stays on the slider');
});

test('what-if: the node card\'s buttons are reached with the keyboard, and a drain shows the budget\'s refusals', async () => {
  const preview = await openPreview();
  await preview.update(example.model);
  const row = preview.page.locator('.vlist-row:has([data-node="worker-2b"])');
  await row.focus();
  let found = false;
  for (let i = 0; i < 8 && !found; i++) {
    found = (await preview.focused()).label === 'What if node worker-2b is drained';
    if (!found) await preview.page.keyboard.press('ArrowRight');
  }
  assert.ok(found, 'ArrowRight enters the row and reaches the drain button of the card');
  const before = (await preview.posted()).length;
  await preview.page.keyboard.press('Enter');
  const events: WhatIfNodeEvent[] = [{ kind: 'drain', node: 'worker-2b', at: 0 }];
  assert.deepEqual(await askedEvents(preview, before), events);
  assert.match((await preview.focused()).text, /^What if: node worker-2b is drained at \+0s — simulating…$/, 'focus moves to the question in the What-if tab');
  const drained = example.answer(events);
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events, result: drained });
  await preview.page.locator('.whatif-moments .step-button').nth(1).click();
  assert.deepEqual(await shownMoment(preview), expectedMoment(drained, drained.moments[1]));
  assert.ok((await shownMoment(preview)).lines.some((l) => l.startsWith('+0s node worker-2b cordoned — spec.unschedulable')));
  assert.match(await preview.page.locator('.whatif-node[aria-label^="Node worker-2b"]').getAttribute('aria-label') ?? '', /cordoned, tainted node\.kubernetes\.io\/unschedulable:NoSchedule/);
});

test('what-if: the command palette\'s request opens the tab and asks; a late answer for other events is dropped; the form asks again', async () => {
  const preview = await openPreview();
  await preview.update(example.model);
  const before = (await preview.posted()).length;
  await preview.deliver({ type: 'askWhatIf', events: NODE_DOWN });
  assert.deepEqual(await askedEvents(preview, before), NODE_DOWN);
  await preview.page.locator('.whatif-status', { hasText: 'simulating…' }).waitFor();
  await preview.deliver({ type: 'whatIfAnswer', events: [{ kind: 'drain', node: 'worker-1a', at: 0 }], result: { ...failed, unknownNodes: ['late'] } });
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'whatif' });
  assert.match((await preview.page.locator('.whatif-status').textContent()) ?? '', /simulating…$/, 'the answer for other events is not shown');
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events: NODE_DOWN, result: failed });
  assert.equal(await counter(preview).textContent(), '+0s, the start (moment 1 of 4)');
  const next = (await preview.posted()).length;
  await preview.page.locator('select[aria-label="Node"]').selectOption('worker-1c');
  await button(preview, 'What if it is drained: the chosen node').focus();
  await preview.page.keyboard.press('Enter');
  assert.equal((await preview.focused()).label, 'What if it is drained: the chosen node', 'focus stays on the form\'s button');
  assert.deepEqual(await askedEvents(preview, next), [{ kind: 'drain', node: 'worker-1c', at: 0 }]);
  const unknown = { ...failed, events: [{ kind: 'drain' as const, node: 'worker-1c', at: 0 }], unknownNodes: ['worker-1c'] };
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events: unknown.events, result: unknown });
  assert.match(await preview.page.locator('.whatif-status').textContent() ?? '', /the cluster has no node worker-1c\.$/);
  assert.equal(await counter(preview).count(), 0);
});

/** Text that must read at 4.5:1 (WCAG AA), and pods at 3:1. */
const CHECKS: Array<[selector: string, minimum: number]> = [
  ['.whatif-line .whatif-text', 4.5],
  ['.whatif-line .whatif-why', 4.5],
  ['.whatif-line .whatif-at', 4.5],
  ['.whatif-moments li.current .step-button', 4.5],
  ['.whatif-moments li:not(.current) .step-button', 4.5],
  ['.whatif-verdict-list li', 4.5],
  ['.whatif-node .badge-error', 4.5],
  ['.whatif-node .chip-taint', 4.5],
  ['.whatif-pod:not(.not-ready)', 3],
  ['.whatif-pod.not-ready', 3],
  ['.whatif-status', 4.5],
];

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`what-if: ${theme} theme — the time stepper is readable; screenshot saved`, async () => {
    const preview = await openPreview({ theme, viewport: { width: 1280, height: 900 } });
    await openWhatIf(preview);
    await button(preview, 'Next moment').click();
    for (const [selector, minimum] of CHECKS) {
      // A pod square is a graphic: its border (or fill) against what is behind it.
      const contrast = await contrastOnPage(preview, theme, `.view-whatif ${selector}`, selector.startsWith('.whatif-pod') ? 'graphic' : 'text');
      assert.ok(contrast, `${theme}: ${selector} is on the page`);
      assert.ok(contrast.ratio >= minimum, `${theme}: ${selector} has contrast ${contrast.ratio.toFixed(2)} (${contrast.color}), needs ${minimum}`);
    }
    await preview.screenshot(`whatif-${theme}`);
  });
}

test('what-if: hostile node and pod names are shown as text in the tab, the node cards and the stepper', async () => {
  const NODE = '<img src=x onerror=alert(1)>';
  const POD = '<svg onload=alert(2)>';
  const hostile = <T>(value: T): T => JSON.parse(JSON.stringify(value).split('worker-2a').join(NODE).split('default/web-').join(`default/${POD}web-`)) as T;
  const preview = await openPreview();
  await openWhatIf(preview, `What if node ${NODE} fails`, hostile(failed), hostile(example.model));
  await button(preview, 'Next moment').click();
  const injected = await preview.page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#app :is(img, svg, iframe, script, object, embed)').length);
  assert.equal(injected, 0, 'no element injected');
  const text = (await preview.page.locator('#app').textContent()) ?? '';
  assert.ok(text.includes(`node ${NODE} NotReady`), 'the node name is shown literally in the timeline');
  assert.ok(text.includes(`default/${POD}web-`), 'the pod name is shown literally');
  assert.equal(await preview.page.locator('.whatif-node .placement-node-name', { hasText: NODE }).count(), 1, 'the node box names it as text');
  assert.deepEqual(preview.dialogs, [], 'no script ran');
  assert.deepEqual(preview.refusedRequests, [], 'no request left the page');
  assert.deepEqual(await preview.cspViolations(), []);
});

test('what-if: after a reload the saved events are asked again and the saved moment is shown; junk saved events are ignored', async () => {
  const preview = await openPreview({ initialState: { view: 'whatif', whatIf: NODE_DOWN, whatIfMoment: 2 } });
  const before = (await preview.posted()).length;
  await preview.update(example.model);
  assert.deepEqual(await askedEvents(preview, before), NODE_DOWN);
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events: NODE_DOWN, result: failed });
  assert.equal(await counter(preview).textContent(), '+350s, 3 changes (moment 3 of 4)');
  assert.deepEqual(await shownMoment(preview), expectedMoment(failed, failed.moments[2]));

  const junk = await openPreview({ initialState: { view: 'whatif', whatIf: [{ kind: 'explode', node: 'worker-2a', at: 0 }], whatIfMoment: -1 } });
  await junk.update(example.model);
  assert.match((await junk.page.locator('.whatif-status').textContent()) ?? '', /^Choose a node/);
  assert.equal((await junk.posted()).some((m) => m.type === 'whatIf'), false, 'nothing is asked');
});
