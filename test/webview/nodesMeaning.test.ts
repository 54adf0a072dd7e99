import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import { contrastOnPage } from './harness/pageContrast';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

/**
 * Issue #16 item 8, on the shipped examples (examples-recorded.json): whole chip text on hover and
 * focus, taints that wrap, pods coloured by namespace with a legend, the Pending lane, a bar for every
 * resource in one unit per pair, and the node details a click or Enter opens.
 */
const openPreview = useBrowser();
const recorded = loadFixture('examples-recorded');

const card = (name: string) => `.node-card[data-node="${name}"]`;
const row = (name: string) => `.vlist-row:has(${card(name)})`;
const cachePending = 'shop/cache-7d96445d8-mhlk8';
const inference = recorded.simulation.pods.find((pod) => pod.namespace === 'ml');

interface Box { left: number; right: number; top: number; bottom: number; width: number }
interface PageElement {
  getBoundingClientRect(): Box;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly textContent: string | null;
  readonly parentElement: PageElement | null;
}
interface PageGlobals {
  document: { activeElement: PageElement | null; querySelector(selector: string): PageElement | null };
  getComputedStyle(element: PageElement): { color: string; backgroundColor: string; borderLeftColor: string; borderTopStyle: string; opacity: string };
}

async function lookOf(preview: PreviewPage, selector: string): Promise<{ background: string; edge: string; border: string }> {
  return preview.page.evaluate((s) => {
    const page = globalThis as unknown as PageGlobals;
    const element = page.document.querySelector(s);
    if (!element) throw new Error(s);
    const computed = page.getComputedStyle(element);
    return { background: computed.backgroundColor, edge: computed.borderLeftColor, border: computed.borderTopStyle };
  }, selector);
}

/** The text of a chip as drawn now: whether it is cut, and whether it lies inside its card. */
async function chipText(preview: PreviewPage, selector: string): Promise<{ text: string; cut: boolean; insideCard: boolean }> {
  return preview.page.evaluate((s) => {
    const page = globalThis as unknown as PageGlobals;
    const chip = page.document.querySelector(s);
    const text = chip?.querySelector('.chip-text') ?? chip;
    const bounds = chip?.closest('.node-card, .pending-lane');
    if (!text || !bounds) throw new Error(`no chip ${s}`);
    const box = text.getBoundingClientRect();
    const outer = bounds.getBoundingClientRect();
    return {
      text: text.textContent ?? '',
      cut: text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1,
      insideCard: box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5,
    };
  }, selector);
}

test('node meaning: every resource a node has gets a bar, each pair in one unit (CPU in cores, memory in Gi)', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  const labels = async (node: string) => preview.page.locator(`${card(node)} .bar .bar-label`).allTextContents();
  assert.deepEqual(await labels('control-plane-1'), ['0.1 / 1.93 CPU', '0.06 / 7 Gi memory', '1 / 110 pods', '0 / 88.99 Gi ephemeral-storage']);
  assert.deepEqual(await labels('gpu-b1'), ['2 / 7.91 CPU', '8 / 30 Gi memory', '1 / 110 pods', '0 / 88.99 Gi ephemeral-storage', '1 / 1 nvidia.com/gpu']);
  assert.equal(await preview.page.locator(`${card('gpu-b1')} .bar[data-resource="nvidia.com/gpu"] [role="meter"]`).getAttribute('aria-valuetext'), '1 / 1 nvidia.com/gpu (100%)');
  assert.match((await preview.page.locator(`${card('gpu-b1')} .bar[data-resource="nvidia.com/gpu"]`).getAttribute('class')) ?? '', /bar-high/);
  assert.equal(await preview.page.locator(`${card('app-a1')} .bar[data-resource="nvidia.com/gpu"]`).count(), 0, 'no GPU bar where there is no GPU');
  for (const label of await preview.page.locator('.bar-label').allTextContents()) assert.doesNotMatch(label, /\dm\b|GiB|MiB/, `one unit per pair: ${label}`);
});

test('node meaning: pods are coloured by namespace, system pods have no fill, and the legend names each colour', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  const legend = preview.page.locator('.pod-legend .legend-entry');
  assert.deepEqual(await legend.evaluateAll((entries) => entries.map((e) => e.getAttribute('aria-label'))), [
    'blue: namespace jobs, 4 pods',
    'green: namespace ml, 1 pod',
    'purple: namespace monitoring, 6 pods',
    'orange: namespace shop, 14 pods',
    'yellow: namespace store, 7 pods',
    "no fill, dotted outline: kube-system and the cluster profile's pods, 2 pods",
  ]);
  assert.deepEqual((await legend.allTextContents()).map((t) => t.trim()), ['jobs blue · 4', 'ml green · 1', 'monitoring purple · 6', 'shop orange · 14', 'store yellow · 7', 'system no fill, dotted outline · 2']);
  assert.match((await preview.page.locator(`[data-pod="ml/${inference?.name}"]`).getAttribute('class')) ?? '', /\bns-green\b/);
  assert.match((await preview.page.locator('[data-pod="data/postgres-0"]').getAttribute('class')) ?? '', /\bns-system\b/, 'a pod of the cluster profile is the cluster\'s');
  assert.match((await preview.page.locator('[data-pod^="kube-system/coredns-"]').getAttribute('class')) ?? '', /\bns-system\b/);
  const looks = {
    system: await lookOf(preview, '[data-pod^="kube-system/coredns-"]'),
    profile: await lookOf(preview, '[data-pod="data/postgres-0"]'),
    shop: await lookOf(preview, '[data-pod^="shop/web-"]'),
    jobs: await lookOf(preview, '[data-pod^="jobs/batch-"]'),
  };
  assert.deepEqual(looks.profile, looks.system);
  assert.equal(looks.system.background, 'rgba(0, 0, 0, 0)', 'system pods have no fill');
  assert.equal(looks.system.border, 'dotted');
  assert.notEqual(looks.shop.background, 'rgba(0, 0, 0, 0)', "the user's pods are filled");
  assert.notEqual(looks.shop.edge, looks.jobs.edge, 'two namespaces, two colours');
});

test('node meaning: the legend is one tab stop; arrows move, Enter emphasises a colour and dims the others, Show all clears', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  assert.equal(await preview.page.locator('.pod-legend [tabindex="0"]').count(), 1, 'one tab stop');
  await preview.page.locator('.pod-legend [tabindex="0"]').focus();
  assert.equal((await preview.focused()).label, 'blue: namespace jobs, 4 pods');
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, 'green: namespace ml, 1 pod');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.legend-entry[data-colour="green"][aria-pressed="true"]').waitFor();
  assert.equal((await preview.focused()).label, 'green: namespace ml, 1 pod', 'focus stays on the entry');
  const chips = await preview.page.locator('.node-card .pod-chip').count();
  assert.equal(await preview.page.locator('.node-card .pod-chip.dimmed').count(), chips - 1, 'every pod but the ml one is dimmed');
  assert.equal(await preview.page.locator('.pod-chip.ns-green.dimmed').count(), 0);
  // A new model whose first namespace shifts every colour keeps the emphasis on ml (now purple), and focus on its entry.
  const jobsPod = recorded.simulation.pods.find((p) => p.namespace === 'jobs' && p.node !== null);
  assert.ok(jobsPod);
  const shifted: PreviewModel = { ...recorded, simulation: { ...recorded.simulation, pods: [...recorded.simulation.pods, { ...jobsPod, namespace: 'analytics', name: 'etl-0' }] } };
  await preview.update(shifted);
  assert.deepEqual(await preview.page.locator('.legend-entry[aria-pressed="true"]').evaluateAll((entries) => entries.map((e) => e.getAttribute('aria-label'))), ['purple: namespace ml, 1 pod']);
  assert.equal((await preview.focused()).label, 'purple: namespace ml, 1 pod');
  assert.equal(await preview.page.locator(`[data-pod="ml/${inference?.name}"]`).getAttribute('class').then((c) => /\bdimmed\b/.test(c ?? '')), false);
  assert.equal(await preview.page.locator('[data-pod="analytics/etl-0"]').getAttribute('class').then((c) => /\bns-blue\b.*\bdimmed\b/.test(c ?? '')), true);
  await preview.page.keyboard.press('End');
  assert.equal((await preview.focused()).label, 'Stop emphasising colours');
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.legend-entry[aria-pressed="true"]').waitFor({ state: 'detached' });
  assert.equal(await preview.page.locator('.pod-chip.dimmed').count(), 0);
  assert.equal((await preview.focused()).label, 'blue: namespace analytics, 1 pod', 'focus goes back to the first colour');
});

test('node meaning: a Pending lane lists the pods that found no node; a chip selects one and shows why', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  const lane = preview.page.locator('.vlist-row').first();
  assert.match((await lane.getAttribute('aria-label')) ?? '', /^Pending: 2 pods found no node/);
  assert.deepEqual(await lane.locator('.pod-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-pod'))), [cachePending, 'jobs/report']);
  await lane.locator('[data-pod="jobs/report"]').click();
  await preview.page.locator('.details h2', { hasText: 'Pod jobs/report' }).waitFor();
  assert.match((await preview.page.locator('.details .verdict').textContent()) ?? '', /0\/6 nodes are available/);
  // Keyboard: the lane is the list's first row; Enter moves to its first chip, Enter on a chip selects it.
  await preview.page.locator('.filter').focus();
  await preview.page.keyboard.press('Tab');
  assert.match((await preview.focused()).label ?? '', /^Pending: /);
  await preview.page.keyboard.press('Enter');
  assert.equal((await preview.focused()).label, `Pod ${cachePending}, Pending`);
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.details h2', { hasText: `Pod ${cachePending}` }).waitFor();
  // A pending pod asked for from elsewhere is found in the lane.
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'jobs/report' });
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'nodes' });
  assert.equal(await preview.page.locator('.pending-lane [data-pod="jobs/report"]').getAttribute('aria-pressed'), 'true');
});

test('node meaning: a cut chip shows its whole text, inside its card, on hover and on keyboard focus', async () => {
  const preview = await openPreview({ viewport: { width: 520, height: 900 } });
  await preview.update(recorded);
  const pod = recorded.simulation.pods.find((p) => p.name.startsWith('catalog-canary-'));
  const chip = `[data-pod="store/${pod?.name}"]`;
  const owner = pod?.workload ?? pod?.owner;
  assert.equal(await preview.page.locator(chip).getAttribute('title'), `store/${pod?.name} (${owner?.kind} ${owner?.name})`, 'the whole name on hover');
  const before = await chipText(preview, chip);
  assert.equal(before.cut, true, 'at rest, the long name is cut');
  await preview.page.locator(row('app-a2')).focus();
  await preview.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 30 && (await preview.focused()).label !== `Pod store/${pod?.name}, Scheduled`; i++) await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, `Pod store/${pod?.name}, Scheduled`);
  const focused = await chipText(preview, chip);
  assert.deepEqual(focused, { text: `● ${pod?.name}`, cut: false, insideCard: true });
  // A label chip: cut at rest, whole while focused.
  const label = `${card('app-a2')} .chip-label[aria-label="label beta.kubernetes.io/instance-type=m6i.xlarge"]`;
  assert.equal((await chipText(preview, label)).cut, true);
  await preview.page.locator(label).focus();
  assert.deepEqual(await chipText(preview, label), { text: 'beta.kubernetes.io/instance-type=m6i.xlarge', cut: false, insideCard: true });
  // Hover does the same.
  await preview.page.locator(label).blur();
  await preview.page.locator(chip).hover();
  assert.equal((await chipText(preview, chip)).cut, false);
  await preview.screenshot('node-meaning-chip-hover');
});

test('node meaning: taints wrap rather than truncate, even on a narrow card', async () => {
  const preview = await openPreview({ viewport: { width: 300, height: 900 } });
  await preview.update(recorded);
  for (const node of ['control-plane-1', 'gpu-b1']) {
    await preview.page.locator('.filter').fill(node);
    await preview.page.locator(card(node)).waitFor();
    const taint = `${card(node)} .chip-taint`;
    const drawn = await chipText(preview, taint);
    assert.equal(drawn.cut, false, `${node}: the taint is whole`);
    assert.equal(drawn.insideCard, true, `${node}: inside its card (the row is tall enough)`);
  }
  assert.equal(await preview.page.locator(`${card('gpu-b1')} .chip-taint`).textContent(), '⚠ nvidia.com/gpu=present:NoSchedule');
  await preview.screenshot('node-meaning-narrow-taints');
});

test('node meaning: each row is as tall as its card needs (bars, taints and chips lines), at any width', async () => {
  for (const width of [300, 640, 1000, 1600]) {
    const preview = await openPreview({ viewport: { width, height: 2400 } });
    await preview.update(recorded);
    const clipped = await preview.page.evaluate(() => {
      const page = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<PageElement & { getAttribute(n: string): string | null; querySelectorAll(s: string): ArrayLike<PageElement> }> } };
      const found: string[] = [];
      for (const card of Array.from(page.document.querySelectorAll('.node-card, .pending-lane'))) {
        const bottom = card.getBoundingClientRect().bottom;
        for (const part of Array.from(card.querySelectorAll('.node-head, .node-taints .chip, .node-meta, .bar, .pod-chip'))) {
          if (part.getBoundingClientRect().bottom > bottom + 0.5) found.push(`${card.getAttribute('data-node') ?? 'pending'}: ${part.textContent ?? ''}`);
        }
      }
      return found;
    });
    assert.deepEqual(clipped, [], `width ${width}: nothing below the card's edge`);
    assert.ok(await preview.page.locator('.node-card').count() >= 6, `width ${width}: every card drawn`);
  }
});

test('node meaning: the recorded examples render at full width with no page error', async () => {
  const preview = await openPreview({ viewport: { width: 1280, height: 900 } });
  await preview.update(recorded);
  await preview.page.locator(`${card('gpu-b1')} .node-name`).click();
  await preview.page.locator('.node-detail h2').waitFor();
  await preview.screenshot('node-meaning-detail-dark');
  assert.deepEqual(preview.errors, []);
});

test('node meaning: hostile names stay text in the lane, the legend and the node details', async () => {
  const hostile = loadFixture('xss-cluster');
  const model: PreviewModel = { ...hostile, simulation: { ...hostile.simulation, pods: hostile.simulation.pods.map((pod, i) => (i === 0 ? { ...pod, namespace: '<img src=x onerror=alert(14)>' } : pod)) } };
  const preview = await openPreview();
  await preview.update(model);
  const node = model.simulation.nodes[0];
  await preview.page.locator(`${card(node.name.replace(/"/g, '\\"'))} .node-name`).click();
  await preview.page.locator('.node-detail h2').waitFor();
  const injected = await preview.page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#app :is(img, svg, script, b, iframe)').length);
  assert.equal(injected, 0);
  const text = (await preview.page.locator('#app').textContent()) ?? '';
  assert.ok(text.includes(`Node ${node.name}`), 'the node name is shown literally');
  assert.ok(text.includes('<svg onload=alert(10)>="\'><b>:NoSchedule'), 'the taint is shown literally');
  assert.ok(text.includes('<img src=x onerror=alert(14)>'), 'the namespace in the legend is shown literally');
  assert.ok(text.includes('pending-<img src=x onerror=alert(13)>'), 'the pending pod in the lane is shown literally');
  assert.deepEqual(preview.dialogs, []);
  assert.deepEqual(await preview.cspViolations(), []);
});

/** The text of each new part reads at 4.5:1 on what is under it, in every theme. */
const READABLE = [
  '.legend-entry[aria-pressed="false"] .legend-label',
  '.legend-entry[aria-pressed="true"] .legend-label',
  '.legend-title',
  '.pending-lane .muted',
  '.pod-chip.ns-system .chip-text',
  '.pod-chip.ns-orange:not(.dimmed) .chip-text',
  '.node-card .chip-taint',
  '.node-detail .data-table td',
  '.node-detail .data-table th',
  '.node-detail .node-detail-labels li',
  '.node-detail button.secondary',
  '.node-card .pod-chip:focus .chip-text',
];

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`node meaning: ${theme} — the legend, the lane, coloured chips, a focused chip and the node details are readable`, async () => {
    const preview = await openPreview({ theme, viewport: { width: 1280, height: 900 } });
    await preview.update(recorded);
    await preview.page.locator('.legend-entry[data-colour="orange"]').click();
    await preview.page.locator(`${card('gpu-b1')} .node-name`).click();
    await preview.page.locator('.node-detail h2').waitFor();
    await preview.page.locator('[data-pod^="store/catalog-canary-"]').focus();
    for (const selector of READABLE) {
      const contrast = await contrastOnPage(preview, theme, selector);
      assert.ok(contrast, `${theme}: ${selector} is on the page`);
      assert.ok(contrast.ratio >= 4.5, `${theme}: ${selector} has contrast ${contrast.ratio.toFixed(2)}`);
    }
    await preview.screenshot(`node-meaning-${theme}`);
  });
}
