import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

interface StyledElement {
  closest(selector: string): StyledElement | null;
  querySelector(selector: string): StyledElement | null;
}
interface PageGlobals {
  document: { activeElement: StyledElement | null; querySelectorAll(selector: string): ArrayLike<LabelledElement> };
  getComputedStyle(element: StyledElement): { outlineStyle: string; outlineWidth: string };
}
interface LabelledElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  readonly id: string;
  readonly labels: ArrayLike<unknown> | null;
  readonly outerHTML: string;
}

/** The outline that shows keyboard focus: on the focused element, or on a row's card. */
async function focusOutline(preview: PreviewPage): Promise<{ style: string; width: number }> {
  return preview.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    const active = page.document.activeElement;
    if (!active) return { style: 'none', width: 0 };
    const row = active.closest('.vlist-row');
    const target = row === active ? active.querySelector(':scope > *') ?? active : active;
    const style = page.getComputedStyle(target);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

test('keyboard: Tab reaches the tabs; arrow keys switch views', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('#tab-nodes').focus();
  await preview.page.keyboard.press('ArrowRight');
  assert.equal(await preview.page.locator('#tab-pending').getAttribute('aria-selected'), 'true');
  assert.equal((await preview.focused()).text, 'Pending (1)');
  assert.equal(await preview.page.locator('#panel-pending').isVisible(), true);
  await preview.page.keyboard.press('End');
  assert.equal(await preview.page.locator('#tab-whatif').getAttribute('aria-selected'), 'true');
  await preview.page.keyboard.press('ArrowRight');
  assert.equal(await preview.page.locator('#tab-nodes').getAttribute('aria-selected'), 'true', 'wraps around');
  assert.equal(await preview.page.locator('[role="tab"][tabindex="0"]').count(), 1, 'one tab stop in the tab list');
  const outline = await focusOutline(preview);
  assert.notEqual(outline.style, 'none');
  assert.ok(outline.width >= 1);
});

test('keyboard: the node list is one tab stop; arrows move between rows, → and arrows move among a row\'s items', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('.filter').focus();
  await preview.page.keyboard.press('Tab');
  assert.match((await preview.focused()).label ?? '', /^Pending: 1 pod found no node/, 'the Pending lane comes first');
  await preview.page.keyboard.press('ArrowDown');
  assert.match((await preview.focused()).label ?? '', /^Zone eu-west-1a/);
  await preview.page.keyboard.press('ArrowDown');
  assert.match((await preview.focused()).label ?? '', /^Node cp-1 \(control plane\)/);
  const rowOutline = await focusOutline(preview);
  assert.notEqual(rowOutline.style, 'none', 'the focused row is outlined');
  await preview.page.keyboard.press('ArrowDown');
  await preview.page.keyboard.press('ArrowDown');
  assert.match((await preview.focused()).label ?? '', /^Node worker-a2,/);
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, 'Node worker-a2: show its details');
  // The node's other items (its label chips, and any node actions) come before its pods.
  const passed: string[] = [];
  for (let i = 0; i < 8 && !((await preview.focused()).label ?? '').startsWith('Pod '); i++) {
    passed.push((await preview.focused()).label ?? '');
    await preview.page.keyboard.press('ArrowRight');
  }
  assert.ok(passed.includes('label pool=general'), passed.join(' | '));
  assert.equal((await preview.focused()).label, 'Pod shop/web-7c9d8f-8hd7s, Scheduled');
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, 'Pod shop/api-0, Scheduled');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.details h2', { hasText: 'Pod shop/api-0' }).waitFor();
  assert.equal((await preview.focused()).label, 'Pod shop/api-0, Scheduled', 'focus stays on the chip after selecting');
  await preview.page.keyboard.press('Escape');
  assert.match((await preview.focused()).label ?? '', /^Node worker-a2,/);
  await preview.page.keyboard.press('End');
  assert.match((await preview.focused()).label ?? '', /^Node worker-b2,/);
  await preview.page.keyboard.press('Home');
  assert.match((await preview.focused()).label ?? '', /^Pending: /);
});

test('keyboard: Tab leaves the list after the active row and its items', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.page.locator('.filter').focus();
  await preview.page.keyboard.press('Tab');
  await preview.page.keyboard.press('ArrowDown');
  await preview.page.keyboard.press('ArrowDown');
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'Node cp-1: show its details', "the active row's items are the next stops");
  const stops: string[] = [];
  for (let i = 0; i < 10 && /^(Node|Pod|taint|label|What if) /.test((await preview.focused()).label ?? ''); i++) {
    stops.push((await preview.focused()).label ?? '');
    await preview.page.keyboard.press('Tab');
  }
  assert.ok(stops.includes('taint node-role.kubernetes.io/control-plane:NoSchedule'), stops.join(' | '));
  assert.equal(stops.at(-1), 'Pod kube-system/etcd-cp-1, Bound');
  assert.doesNotMatch((await preview.focused()).label ?? '', /^(Node|Pod|Zone|taint|label) /, 'then focus leaves the list');
});

test('keyboard: the rollout stepper keeps focus on its buttons while stepping', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  await preview.page.locator('button[aria-label="Next step"]').focus();
  await preview.page.keyboard.press('Enter');
  assert.equal((await preview.focused()).label, 'Next step');
  await preview.page.keyboard.press('Enter');
  assert.equal(await preview.page.locator('.step-counter').textContent(), 'Step 2 of 2 (3 steps)');
  assert.equal((await preview.focused()).label, 'Play the rollout', 'Next is disabled at the end: focus moves to Play');
});

test('keyboard: every control has an accessible name', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  for (const view of ['nodes', 'pending', 'rollout', 'services', 'network', 'routes'] as const) {
    await preview.deliverAndWaitForRender({ type: 'showView', view });
    if (view === 'nodes') await preview.page.locator('[data-pod="shop/api-0"]').click();
    const unnamed = await preview.page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const controls = Array.from(page.document.querySelectorAll('#app :is(button, input, select, [role="tab"], [role="gridcell"] > *, [tabindex]):not([hidden] *)'));
      return controls
        .filter((c) => !(c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || (c.textContent ?? '').trim() || (c.labels && c.labels.length > 0)))
        .map((c) => c.outerHTML.slice(0, 120));
    });
    assert.deepEqual(unnamed, [], `unnamed controls in ${view}`);
  }
});
