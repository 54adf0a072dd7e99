import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { useBrowser, type PreviewPage } from './harness/previewPage';
import { largeClusterModel } from './largeCluster';

const openPreview = useBrowser();

/** Generous: it catches a lost virtualisation (160,000 buttons took seconds), not machine noise. `npm run bench` has the numbers. */
const MAX_RENDER_MS = 5_000;
/** The cells on screen at 1400×900 are about a thousand; all of them would be 160,000. */
const MAX_CELLS_IN_DOM = 3_000;
const SIZE = 400;

interface HarnessWindow {
  __drydockHarness: { measureMessage(message: unknown): Promise<number> };
}
interface Scroller {
  scrollTop: number;
  scrollLeft: number;
}

/** The synthetic matrix of largeCluster.ts: self on the diagonal, denied when (row + col) % 3 == 0. */
function expectedLabel(row: number, col: number): string {
  const word = row === col ? 'self (not governed by NetworkPolicy)' : (row + col) % 3 === 0 ? 'denied' : 'allowed';
  return `team-${row}/app to team-${col}/app: ${word}`;
}

/** A preview on the network tab with the 400×400 matrix; returns the grid and how long the tab took. */
async function openNetwork(): Promise<{ preview: PreviewPage; grid: Locator; ms: number }> {
  const preview = await openPreview({ viewport: { width: 1400, height: 900 } });
  const model = largeClusterModel({ nodes: 20, pods: 400, pending: 0 });
  assert.equal(model.reach?.matrix?.endpoints.length, SIZE);
  await preview.update(model);
  const ms = await preview.page.evaluate((m) => (globalThis as unknown as HarnessWindow).__drydockHarness.measureMessage(m), { type: 'showView', view: 'network' });
  return { preview, grid: preview.page.locator('.view-network .reach-grid[role="grid"]'), ms };
}

async function scrollOffsets(grid: Locator): Promise<{ top: number; left: number }> {
  return grid.evaluate((element) => {
    const scroller = element as unknown as Scroller;
    return { top: scroller.scrollTop, left: scroller.scrollLeft };
  });
}

async function scrollGrid(grid: Locator, top: number, left: number): Promise<void> {
  await grid.evaluate((element, [t, l]) => {
    const scroller = element as unknown as Scroller;
    scroller.scrollTop = t;
    scroller.scrollLeft = l;
  }, [top, left] as const);
}

async function cellCount(grid: Locator): Promise<number> {
  return grid.locator('.reach-cell').count();
}

function cell(grid: Locator, row: number, col: number): Locator {
  return grid.locator(`.reach-cell[data-row="${row}"][data-col="${col}"]`);
}

test('reach grid 400×400: renders fast, virtualised, with the ARIA of a virtual grid', async () => {
  const { grid, ms } = await openNetwork();
  assert.ok(ms < MAX_RENDER_MS, `the network tab took ${ms} ms`);
  assert.equal(await grid.getAttribute('aria-rowcount'), '401');
  assert.equal(await grid.getAttribute('aria-colcount'), '401');
  const cells = await cellCount(grid);
  assert.ok(cells > 100 && cells < MAX_CELLS_IN_DOM, `${cells} cells in the DOM`);
  const rows = grid.locator('[role="row"]');
  const rowIndexes = await rows.evaluateAll((elements) => elements.map((row) => Number(row.getAttribute('aria-rowindex'))));
  assert.ok(rowIndexes.length > 5 && rowIndexes.length < 60, `${rowIndexes.length} rows in the DOM`);
  assert.deepEqual(rowIndexes, rowIndexes.map((_, i) => i + 1), 'the header row, then the first rows, in order');
  assert.equal(await grid.locator('[role="gridcell"]:not([aria-colindex])').count(), 0);
  assert.equal(await grid.locator('[role="row"][aria-rowindex="3"] [role="gridcell"][aria-colindex="4"]').getAttribute('aria-label'), expectedLabel(1, 2));
  assert.equal(await grid.locator('.reach-cell[tabindex="0"]').count(), 1, 'one tab stop');
});

test('reach grid 400×400: scrolling far right and down renders the cells there, under sticky headers', async () => {
  const { preview, grid } = await openNetwork();
  await scrollGrid(grid, 1e6, 1e6);
  const far = cell(grid, 399, 398);
  await far.waitFor();
  assert.equal(await far.getAttribute('aria-label'), expectedLabel(399, 398));
  assert.equal(await far.getAttribute('title'), 'team-399/app → team-398/app: All connections');
  assert.equal(await cell(grid, 399, 399).getAttribute('aria-label'), expectedLabel(399, 399));
  const cells = await cellCount(grid);
  assert.ok(cells < MAX_CELLS_IN_DOM, `${cells} cells in the DOM after scrolling`);
  assert.equal(await cell(grid, 0, 0).count(), 1, 'the active cell stays rendered, so Tab still finds the grid');
  assert.equal(await grid.locator('[role="row"][aria-rowindex="2"] .reach-cell').count(), 1, 'but not the rest of its row');
  assert.equal(await grid.locator('.reach-cell[tabindex="0"]').count(), 1);

  const box = await grid.boundingBox();
  const columnHeader = await grid.locator('[role="columnheader"][aria-colindex="400"]').boundingBox();
  const rowHeader = await grid.locator('[role="row"][aria-rowindex="401"] [role="rowheader"]').boundingBox();
  const farBox = await far.boundingBox();
  assert.ok(box && columnHeader && rowHeader && farBox);
  assert.ok(Math.abs(columnHeader.y - box.y) < 2, 'the column headers stick to the top');
  assert.ok(Math.abs(rowHeader.x - box.x) < 2, 'the row headers stick to the left');
  assert.equal(await grid.locator('[role="row"][aria-rowindex="401"] [role="rowheader"]').textContent(), 'team-399/app');
  assert.equal(await grid.locator('[role="columnheader"][aria-colindex="400"]').textContent(), 'team-398/app');
  assert.ok(farBox.y >= columnHeader.y + columnHeader.height && farBox.x >= rowHeader.x + rowHeader.width, 'the far cell is clear of the headers');
  assert.ok(farBox.y + farBox.height <= box.y + box.height && farBox.x + farBox.width <= box.x + box.width, 'and inside the viewport');
  assert.deepEqual(preview.errors, []);
});

test('reach grid 400×400: the keyboard reaches cells outside the first window and focuses them', async () => {
  const { preview, grid } = await openNetwork();
  await grid.locator('.reach-cell[tabindex="0"]').focus();
  assert.equal((await preview.focused()).label, expectedLabel(0, 0));
  const steps: Array<[key: string, row: number, col: number]> = [
    ['End', 0, 399],
    ['ArrowDown', 1, 399],
    ['Control+End', 399, 399],
    ['Home', 399, 0],
    ['PageUp', -1, 0],
    ['Control+Home', 0, 0],
    ['Control+End', 399, 399],
    ['ArrowLeft', 399, 398],
  ];
  const box = await grid.boundingBox();
  assert.ok(box);
  for (const [key, row, col] of steps) {
    await preview.page.keyboard.press(key);
    const focused = await preview.focused();
    if (row >= 0) assert.equal(focused.label, expectedLabel(row, col), `after ${key}`);
    else assert.match(focused.label ?? '', /^team-3\d\d\/app to team-0\/app: /, `after ${key}: a page up`);
    const target = await grid.locator('.reach-cell:focus').boundingBox();
    assert.ok(target && target.y >= box.y && target.y + target.height <= box.y + box.height && target.x >= box.x && target.x + target.width <= box.x + box.width, `after ${key}: the focused cell is in view`);
    assert.equal(await grid.locator('.reach-cell[tabindex="0"]').count(), 1, `after ${key}: one tab stop`);
    assert.ok((await cellCount(grid)) < MAX_CELLS_IN_DOM, `after ${key}: still virtualised`);
  }
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.reach-explanation h3', { hasText: 'team-399/app → team-398/app' }).waitFor();
  assert.equal(await preview.page.locator('.reach-explanation .verdict').textContent(), '✓ All connections');
});

test('reach grid 400×400: clicking a cell explains it, and it stays marked when rendered again', async () => {
  const { preview, grid } = await openNetwork();
  await scrollGrid(grid, 200 * 28 - 100, 250 * 28 - 100);
  const target = cell(grid, 200, 250);
  await target.click();
  await preview.page.locator('.reach-explanation h3', { hasText: 'team-200/app → team-250/app' }).waitFor();
  assert.equal(await preview.page.locator('.reach-explanation .verdict').textContent(), '✕ No connections');
  assert.equal(await target.getAttribute('aria-selected'), 'true');
  assert.match((await target.getAttribute('class')) ?? '', /\bselected\b/);
  // Move the focus (and the active cell) away, so the selected cell leaves the DOM, then come back.
  await preview.page.keyboard.press('Control+Home');
  await target.waitFor({ state: 'detached' });
  await scrollGrid(grid, 200 * 28 - 100, 250 * 28 - 100);
  await target.waitFor();
  assert.match((await target.getAttribute('class')) ?? '', /\bselected\b/, 'rendered again, still marked');
  assert.equal(await grid.locator('.reach-cell.selected').count(), 1);
});

test('reach grid 400×400: a new model keeps the scroll position and the focused cell', async () => {
  const { preview, grid } = await openNetwork();
  await grid.locator('.reach-cell[tabindex="0"]').focus();
  await preview.page.keyboard.press('Control+End');
  const before = await scrollOffsets(grid);
  assert.ok(before.top > 0 && before.left > 0);
  await preview.update(largeClusterModel({ nodes: 20, pods: 400, pending: 0 }));
  assert.deepEqual(await scrollOffsets(grid), before);
  assert.equal((await preview.focused()).label, expectedLabel(399, 399));
  assert.equal(await grid.locator('.reach-cell[tabindex="0"]').count(), 1);
});
