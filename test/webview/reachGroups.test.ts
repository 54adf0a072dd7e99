// The reachability grid scales (issue #16 item 9): rows and columns grouped by namespace, then workload
// (collapsible, with counts), outside ranges named by the ipBlocks that cut them, a legend defining every
// state a cell can have, and empty states that say what to add. On the shipped examples (recorded).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import type { PreviewModel, ReachMatrixEndpoint, ReachResults } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
const examples = loadFixture('examples-recorded');
const small = loadFixture('small-cluster');
const PUBLIC = '0.0.0.0/0 except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (policy api)';

async function networkTab(model: PreviewModel): Promise<{ preview: PreviewPage; grid: Locator }> {
  const preview = await openPreview();
  await preview.update(model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  return { preview, grid: preview.page.locator('.view-network .reach-grid[role="grid"]') };
}

function rowHeaders(grid: Locator): Promise<string[]> {
  return grid.locator('[role="rowheader"]').allTextContents();
}

function toggle(grid: Locator, label: string): Locator {
  return grid.locator(`.reach-row button.reach-toggle[aria-label="${label}"]`);
}

function withReach(model: PreviewModel, reach: ReachResults): PreviewModel {
  return { ...model, reach };
}

test('reach groups: the examples by namespace, then workload, then the outside ranges by ipBlock; a toggle collapses on both axes', async () => {
  const { preview, grid } = await networkTab(examples);
  assert.deepEqual(await rowHeaders(grid), [
    '▾ jobs (2 workloads, 4 pods)', '▸ batch (3 pods)', 'report',
    'kube-system/coredns-798b66c978-zw267',
    'ml/inference-fdb96f9f8-ppgh5',
    '▾ monitoring (2 workloads, 6 pods)', '▸ node-exporter (5 pods)', 'prometheus-8688b89769-g8kwk',
    '▾ shop (5 workloads, 14 pods)', '▸ api (2 pods)', '▸ cache (4 pods)', 'db-0', 'reports-678f88586b-tbbsm', '▸ web (6 pods)',
    '▾ store (4 workloads, 7 pods)', '▸ cache (3 pods)', '▸ catalog (2 pods)', 'catalog-canary-6b8db4b587-h85kq', 'dns-probe',
    '▾ outside the cluster (7 ranges)', `▸ ${PUBLIC} (4 ranges)`,
    '10.0.0.0/8, except of 0.0.0.0/0 (policy api)', '172.16.0.0/12, except of 0.0.0.0/0 (policy api)', '192.168.0.0/16, except of 0.0.0.0/0 (policy api)',
  ]);
  assert.deepEqual(await grid.locator('[role="columnheader"].reach-col').allTextContents(), await rowHeaders(grid), 'the columns are the rows');
  // Named by the ipBlocks, the raw range in the tooltip.
  assert.equal(await grid.locator('[role="rowheader"]', { hasText: '10.0.0.0/8, except of' }).getAttribute('title'), '10.0.0.0/8, except of 0.0.0.0/0 (policy api)\n10.0.0.0-10.255.255.255');
  assert.equal(await grid.locator('[role="rowheader"]', { hasText: PUBLIC }).getAttribute('title'),
    `${PUBLIC}\n0.0.0.0-9.255.255.255\n11.0.0.0-172.15.255.255\n172.32.0.0-192.167.255.255\n192.169.0.0-255.255.255.255`);

  // shop/web (one copy of the Deployment simulated, though two files define it): expanded, its 6 pods.
  const web = toggle(grid, 'shop/web (6 pods)');
  assert.equal(await web.getAttribute('aria-expanded'), 'false');
  assert.equal(await grid.locator('.reach-cell[aria-label^="shop/web (6 pods) to shop/db-0: "]').getAttribute('aria-label'), 'shop/web (6 pods) to shop/db-0: denied');
  await web.click();
  assert.equal(await web.getAttribute('aria-expanded'), 'true');
  const pods = (await rowHeaders(grid)).filter((text) => text.startsWith('web-'));
  assert.equal(pods.length, 6);
  assert.equal(await grid.getAttribute('aria-rowcount'), String(24 + 6 + 1));
  assert.equal(await grid.getAttribute('aria-colcount'), String(24 + 6 + 1), 'expanded on both axes');
  const pod = `shop/${pods[0]}`;
  assert.equal(await grid.locator(`.reach-cell[aria-label^="${pod} to ${pod}: "]`).getAttribute('aria-label'), `${pod} to ${pod}: self (not governed by NetworkPolicy)`);
  // A pod's cell is explained by the host, asked by pod key.
  await grid.locator(`.reach-cell[aria-label^="${pod} to shop/db-0: "]`).click();
  await preview.page.locator('.reach-explanation h3', { hasText: `${pod} → shop/db-0` }).waitFor();
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'explainConnection'), [{ type: 'explainConnection', from: pod, to: 'shop/db-0' }]);

  // A collapsed namespace is one line with its pairs combined; the cell lists them instead of asking the host.
  await toggle(grid, 'namespace shop (5 workloads, 14 pods)').click();
  assert.equal((await rowHeaders(grid)).filter((text) => /^(api|db-0|web-)/.test(text.replace(/^▸ /, ''))).length, 0);
  const cellOf = (from: string, to: string) => grid.locator(`.reach-cell[aria-label^="${from} to ${to}: "]`);
  // Pairs that agree combine into their verdict (shop's default deny), pairs that differ into "mixed".
  assert.equal(await cellOf('namespace shop', 'namespace jobs').getAttribute('aria-label'), 'namespace shop to namespace jobs: denied');
  // node-exporter reaches shop's pods on 9100-9102, prometheus none: its egress wants team=shop, and the Namespace
  // shop simulated is scheduling/04's (applied last of the two files that define it), labelled team=storefront.
  assert.equal(await cellOf('namespace monitoring', 'namespace shop').getAttribute('aria-label'), 'namespace monitoring to namespace shop: mixed (denied for 5 pairs, some ports for 5 pairs)');
  const mixed = cellOf('namespace store', 'namespace monitoring');
  assert.equal(await mixed.getAttribute('aria-label'), 'namespace store to namespace monitoring: mixed (allowed for 6 pairs, denied for 6 pairs)');
  assert.match((await mixed.getAttribute('class')) ?? '', /\breach-mixed\b/);
  await mixed.click();
  const explanation = preview.page.locator('.reach-explanation');
  await explanation.locator('h3', { hasText: 'namespace store → namespace monitoring' }).waitFor();
  assert.equal(await explanation.locator('.verdict').textContent(), '± Mixed: allowed for 6 pairs, denied for 6 pairs');
  assert.match((await explanation.locator('.reach-group-pairs > p').first().textContent()) ?? '', /^This cell combines 12 pairs\. Expand the groups/);
  const pairs = await explanation.locator('.reach-group-pairs li').allTextContents();
  assert.equal(pairs.length, 12);
  assert.ok(pairs.every((pair) => /^[✓✕] store\/\S+( \(\d pods\))? → monitoring\/\S+( \(\d pods\))?: (All|No) connections$/.test(pair)), pairs.join('\n'));
  assert.equal((await preview.posted()).filter((m) => m.type === 'explainConnection').length, 1, 'a group\'s cell does not ask the host');
  assert.deepEqual(preview.errors, []);
  await preview.screenshot('network-groups');
});

test('reach groups: the legend defines every state a cell of the grid can have, and every glyph in the grid is in it', async () => {
  const { grid, preview } = await networkTab(examples);
  const legend = preview.page.locator('.reach-legend');
  assert.equal(await legend.getAttribute('aria-label'), 'Legend: what each cell means');
  assert.deepEqual(await legend.locator('li').allTextContents(), [
    '✓allowed: every connection, on every port and protocol.',
    '✕denied: no connection, on any port.',
    '◐some ports: only the ports the cell\'s tooltip lists; select the cell for the policies that decide it.',
    '±mixed: a collapsed group whose pairs differ: some allowed, others denied or limited to some ports. Expand the group to see each pair.',
    '·same pod: a pod can always reach itself: NetworkPolicy does not govern it.',
    '–not applicable: both ends are outside the cluster: NetworkPolicy governs neither.',
  ]);
  const defined = new Set(await legend.locator('li .reach-cell').allTextContents());
  await toggle(grid, 'shop/api (2 pods)').click();
  const shown = new Set(await grid.locator('.reach-cell').allTextContents());
  assert.deepEqual([...shown].filter((glyph) => !defined.has(glyph)), [], 'no undefined state in the grid');
  assert.ok(shown.has('–') && shown.has('·') && shown.has('±'), 'n/a, self and mixed are on screen, and defined');

  // A grid of connection queries (no matrix): its own states, "not asked" among them.
  const queriesOnly = withReach(small, { queries: small.reach?.queries ?? [], matrix: null });
  const other = await networkTab(queriesOnly);
  assert.deepEqual(await other.preview.page.locator('.reach-legend li [aria-hidden="true"]').allTextContents(), ['✓', '✕', '◐', '?']);
  assert.match((await other.preview.page.locator('.reach-legend li').last().textContent()) ?? '', /^\?not asked: no connection query names these two endpoints\.$/);
});

test('reach groups: the headers\' buttons are reached with the arrows and toggled with Enter and Space, focus kept', async () => {
  const { preview, grid } = await networkTab(examples);
  await grid.locator('.reach-cell[tabindex="0"]').focus();
  assert.equal((await preview.focused()).label, 'namespace jobs to namespace jobs: allowed');
  await preview.page.keyboard.press('ArrowLeft');
  let focused = await preview.focused();
  assert.equal(focused.tag, 'button');
  assert.equal(focused.label, 'namespace jobs (2 workloads, 4 pods)');
  await preview.page.keyboard.press('Enter');
  assert.equal(await toggle(grid, 'namespace jobs (2 workloads, 4 pods)').getAttribute('aria-expanded'), 'false');
  assert.equal((await preview.focused()).label, 'namespace jobs (2 workloads, 4 pods)', 'the focus stays on the toggled header');
  assert.equal(await grid.getAttribute('aria-rowcount'), String(24 - 2 + 1));
  // Down the row headers: a header without a button is focusable too.
  await preview.page.keyboard.press('ArrowDown');
  focused = await preview.focused();
  assert.equal(focused.text, 'kube-system/coredns-798b66c978-zw267');
  await preview.page.keyboard.press('ArrowUp');
  await preview.page.keyboard.press('Space');
  assert.equal(await toggle(grid, 'namespace jobs (2 workloads, 4 pods)').getAttribute('aria-expanded'), 'true');
  await preview.page.keyboard.press('ArrowRight');
  assert.equal((await preview.focused()).label, 'namespace jobs to namespace jobs: allowed', 'back into the cells');

  // Above the first row: the column headers, along them, and down into the cells.
  await preview.page.keyboard.press('ArrowUp');
  const column = grid.locator('[role="columnheader"] button.reach-toggle[aria-label="namespace jobs (2 workloads, 4 pods)"]');
  assert.equal(await column.evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement), true);
  await preview.page.keyboard.press('ArrowRight');
  await preview.page.keyboard.press('Enter');
  assert.equal(await grid.locator('[role="columnheader"] button.reach-toggle[aria-label="jobs/batch (3 pods)"]').getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle(grid, 'jobs/batch (3 pods)').getAttribute('aria-expanded'), 'true', 'a column\'s toggle expands the row too');
  await preview.page.keyboard.press('ArrowDown');
  assert.equal((await preview.focused()).label, 'namespace jobs to jobs/batch (3 pods): allowed');
  assert.equal(await grid.locator('.reach-cell[tabindex="0"]').count(), 1, 'still one tab stop');
  assert.equal(await grid.locator('button.reach-toggle:not([tabindex="-1"])').count(), 0, 'the toggles are not tab stops of their own');
});

test('reach groups: no pods, or no NetworkPolicy selecting any, is said in words with what to add, instead of a grid', async () => {
  const base = examples.reach as ReachResults;
  const matrix = base.matrix ?? { endpoints: [], connections: [] };
  const outsideOnly = matrix.endpoints.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'external').map(([, i]) => i);
  const noPods = withReach(examples, {
    queries: [],
    matrix: { endpoints: outsideOnly.map((i) => matrix.endpoints[i]), connections: outsideOnly.map((r) => outsideOnly.map((c) => matrix.connections[r][c])) },
    policies: base.policies,
  });
  let { preview } = await networkTab(noPods);
  assert.equal(await preview.page.locator('.view-network .reach-grid').count(), 0);
  assert.equal(await preview.page.locator('.reach-empty').textContent(),
    'No pods to evaluate: the previewed manifests create none.Add a Deployment, StatefulSet, DaemonSet, Job or Pod: the grid then shows which of them may connect to which, and to addresses outside the cluster.');

  const cases: Array<[policies: { total: number; selectingPods: number }, last: RegExp]> = [
    [{ total: 0, selectingPods: 0 }, /then allow what each workload needs in its ingress and egress rules\.$/],
    [{ total: 2, selectingPods: 0 }, /^The 2 NetworkPolicies of the previewed manifests select no pod: check their podSelector and namespace \(warning ref\/policy-selects-nothing\)\.$/],
  ];
  for (const [policies, last] of cases) {
    ({ preview } = await networkTab(withReach(examples, { ...base, policies })));
    const empty = preview.page.locator('.view-network .reach-empty');
    assert.equal(await empty.getAttribute('role'), 'note');
    assert.equal(await empty.locator('.reach-empty-headline').textContent(), 'No NetworkPolicy selects these pods: every connection is allowed.');
    assert.match((await empty.locator('p').nth(1).textContent()) ?? '', /^To restrict traffic, add a NetworkPolicy whose podSelector matches them \(podSelector: \{\} selects every pod of its namespace\)/);
    assert.match((await empty.locator('p').last().textContent()) ?? '', last);
    assert.equal(await preview.page.locator('.view-network .reach-grid').count(), 0, 'no all-green grid');
    assert.ok((await preview.page.locator('.view-network .notes li').count()) > 0, 'the notes still show');
  }
  // The same model with a policy selecting pods: the grid again.
  await preview.update(examples);
  await preview.page.locator('.view-network .reach-grid .reach-cell').first().waitFor();
  assert.equal(await preview.page.locator('.view-network .reach-empty').count(), 0);
});

test('reach groups: hostile namespace, workload and ipBlock names are text, in headers, cells, legend and explanation', async () => {
  const evil = '<img src=x onerror=alert(9)>';
  const endpoints: ReachMatrixEndpoint[] = [
    { label: `${evil}/a (2 pods)`, kind: 'pods', pods: [`${evil}/a-1`, `${evil}/a-2`], namespace: evil, workload: `${evil}/a` },
    { label: `${evil}/b`, kind: 'pods', pods: [`${evil}/b`], namespace: evil, workload: null },
    { label: '0.0.0.0-9.255.255.255', kind: 'external', pods: [], blocks: [`0.0.0.0/0 (policy ${evil})`] },
    { label: '10.0.0.0-255.255.255.255', kind: 'external', pods: [], blocks: [`0.0.0.0/0 (policy ${evil})`] },
  ];
  const connections = [
    ['All connections', 'No connections', 'All connections', 'All connections'],
    ['TCP 80', 'self', 'All connections', 'All connections'],
    ['All connections', 'No connections', 'n/a', 'n/a'],
    ['All connections', 'No connections', 'n/a', 'n/a'],
  ];
  const { preview, grid } = await networkTab(withReach(small, { queries: [], matrix: { endpoints, connections }, policies: { total: 1, selectingPods: 1 } }));
  await toggle(grid, `${evil}/a (2 pods)`).click();
  await toggle(grid, `0.0.0.0/0 (policy ${evil}) (2 ranges)`).click();
  await grid.locator(`.reach-cell[aria-label^="namespace ${evil} to 0.0.0.0/0 (policy ${evil}): "]`).click();
  await preview.page.locator('.reach-explanation h3').waitFor();
  assert.equal(await preview.page.locator('#panel-network :is(img, svg, script, iframe)').count(), 0);
  const text = (await preview.page.locator('#panel-network').textContent()) ?? '';
  assert.ok(text.includes(`▾ ${evil} (2 workloads, 3 pods)`) && text.includes(`namespace ${evil} → 0.0.0.0/0 (policy ${evil})`), 'shown literally');
  assert.deepEqual(preview.dialogs, []);
  assert.deepEqual(await preview.cspViolations(), []);
});
