// A Network cell explains its verdict (issue #16 item 1): a click asks the host (`explainConnection`),
// the host's answer (recorded from the language server on the shipped examples) is drawn per direction
// with every policy and rule a link to its line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import type { PreviewConnectionExplanation } from '../../server/src/protocol/preview';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
const examples = loadFixture('examples-recorded');
const answers = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'examples-explanations.json'), 'utf8')) as Record<string, PreviewConnectionExplanation>;
const POLICIES = 'file:///workspace/examples/network/policies.yaml';

function answer(from: string, to: string): PreviewConnectionExplanation {
  const recorded = answers[`${from} → ${to}`];
  assert.ok(recorded, `a recorded explanation of ${from} → ${to}`);
  return recorded;
}

/** The outside ranges are rows named by the ipBlocks that cut them; the first is one of 4 ranges named alike (a group to expand). */
const PUBLIC = '0.0.0.0/0 except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (policy api)';
const RANGE_ROWS: Record<string, { line: string; group?: string }> = {
  '192.169.0.0-255.255.255.255': { line: `${PUBLIC}, range 192.169.0.0-255.255.255.255`, group: `${PUBLIC} (4 ranges)` },
  '10.0.0.0-10.255.255.255': { line: '10.0.0.0/8, except of 0.0.0.0/0 (policy api)' },
};

/** The grid line of a matrix endpoint (expanding its group when it is in a closed one). */
async function lineOf(preview: PageWithExamples, label: string): Promise<string> {
  const range = RANGE_ROWS[label];
  if (!range) return label;
  const toggle = preview.page.locator(`.reach-row button.reach-toggle[aria-label="${range.group}"]`);
  if (range.group && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  return range.line;
}

/** Opens the network tab and clicks the cell from → to (matrix labels); returns the explanation area. */
async function clickCell(preview: PageWithExamples, from: string, to: string): Promise<Locator> {
  const [row, column] = [await lineOf(preview, from), await lineOf(preview, to)];
  await preview.page.locator(`.reach-cell[aria-label^="${row} to ${column}: "]`).click();
  const explanation = preview.page.locator('.reach-explanation');
  await explanation.locator('h3', { hasText: `${row} → ${column}` }).waitFor();
  return explanation;
}

type PageWithExamples = PreviewPage;

async function networkTab(): Promise<PreviewPage> {
  const preview = await openPreview();
  await preview.update(examples);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  return preview;
}

async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const result: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) result.push((await rows.nth(i).locator('th, td').allTextContents()).map((cell) => cell.trim()));
  return result;
}

test('network cell: a click asks the host, then shows per direction the isolating policies and the rule that allows each port, each a link to its line', async () => {
  const preview = await networkTab();
  const [from, to] = ['shop/api (2 pods)', 'shop/db-0'];
  const explanation = await clickCell(preview, from, to);
  await explanation.locator('.reach-rules p', { hasText: 'Loading the policies and rules that decide it…' }).waitFor();
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'explainConnection'), [{ type: 'explainConnection', from, to }]);
  assert.doesNotMatch((await explanation.textContent()) ?? '', /No connection query names this pair/);

  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from, to, explanation: answer(from, to) });
  const rules = explanation.locator('.reach-rules');
  assert.equal(await rules.getAttribute('aria-label'), 'Policies that decide it');
  await rules.scrollIntoViewIfNeeded();
  await preview.screenshot('network-cell-explanation');
  assert.equal(await rules.locator('.connection-summary').textContent(), 'Allowed on TCP 5432; denied on TCP, any other port.');
  assert.match((await rules.textContent()) ?? '', /shop\/api-569585dd67-j8nrg stands for the 2 pods of shop\/api \(2 pods\): every policy treats them alike\./);

  const egress = rules.locator('section.connection-egress');
  assert.equal(await egress.locator('h4').textContent(), 'Egress of shop/api-569585dd67-j8nrg (the source)');
  assert.equal(await egress.locator('.connection-isolated').textContent(), 'Isolated for egress by shop/default-deny, shop/allow-dns, shop/api: only what a rule of one of them allows passes.');
  assert.deepEqual(await rowsOf(egress.locator('table')), [
    ['TCP 5432', '✓ allowed', 'shop/api egress[0]'],
    ['TCP, any other port', '✕ denied', 'No rule allows it (shop/default-deny has no Egress rules (deny all); no egress rule of shop/allow-dns selects shop/db-0; shop/api egress[0] selects shop/db-0 (pods app=db in the policy namespace) but its ports (TCP/5432) do not include TCP/1)'],
  ]);
  assert.equal(await egress.locator('th[scope="col"]').count(), 3, 'column headers are scoped for screen readers');
  assert.equal(await egress.locator('tbody th[scope="row"]').count(), 2, 'each port heads its row');

  const ingress = rules.locator('section.connection-ingress');
  assert.equal(await ingress.locator('h4').textContent(), 'Ingress of shop/db-0 (the destination)');
  assert.match((await ingress.locator('.connection-isolated').textContent()) ?? '', /^Isolated for ingress by shop\/default-deny, shop\/db, shop\/allow-scraping:/);
  assert.deepEqual((await rowsOf(ingress.locator('table'))).map((row) => row.slice(0, 3).map((cell) => cell.replace(/ \(.*$/, ''))), [
    ['TCP 5432', '✓ allowed', 'shop/db ingress[0]'],
    ['TCP, any other port', '✕ denied', 'No rule allows it'],
  ]);

  // Every policy and rule is a link: a click reveals its line.
  await egress.locator('button.policy-ref', { hasText: 'shop/api egress[0]' }).click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: POLICIES, line: 48 } });
  const dbPolicy = ingress.locator('.connection-isolated button.policy-ref', { hasText: /^shop\/db$/ });
  assert.equal(await dbPolicy.getAttribute('aria-label'), 'NetworkPolicy shop/db: reveal it in the manifest');
  // …and keyboard-usable: focus and Enter.
  await dbPolicy.focus();
  await preview.page.keyboard.press('Enter');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: answer(from, to).ingress.isolatedBy[1].source });
  assert.equal(await ingress.locator('button.policy-ref', { hasText: 'shop/db ingress[0]' }).getAttribute('aria-label'), 'Rule ingress[0] of NetworkPolicy shop/db: reveal it in the manifest');

  // Selecting the cell again uses the answer: no second request.
  await clickCell(preview, 'shop/reports-678f88586b-tbbsm', 'shop/db-0');
  await clickCell(preview, from, to);
  await rules.locator('.connection-summary').waitFor();
  assert.equal((await preview.posted()).filter((m) => m.type === 'explainConnection').length, 2);
  assert.deepEqual(await preview.cspViolations(), []);
});

test('network cell: a denied pair says which policies isolate the destination and that no rule of them allows it', async () => {
  const preview = await networkTab();
  const [from, to] = ['shop/reports-678f88586b-tbbsm', 'shop/db-0'];
  await clickCell(preview, from, to);
  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from, to, explanation: answer(from, to) });
  const rules = preview.page.locator('.reach-rules');
  assert.equal(await rules.locator('.connection-summary').textContent(), 'Denied on TCP 5432 and TCP, any other port.');
  const ingress = rules.locator('section.connection-ingress');
  const [postgres] = await rowsOf(ingress.locator('table'));
  assert.equal(postgres[0], 'TCP 5432');
  assert.equal(postgres[1], '✕ denied');
  assert.match(postgres[2], /^No rule allows it \(shop\/default-deny has no Ingress rules \(deny all\); no ingress rule of shop\/db selects shop\/reports-678f88586b-tbbsm;/);
});

test('network cell: an address outside the cluster and a namespace without policies are said in words; a late or missing answer is handled', async () => {
  const preview = await networkTab();
  const [outside, api] = ['192.169.0.0-255.255.255.255', 'shop/api (2 pods)'];
  await clickCell(preview, outside, api);
  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from: outside, to: api, explanation: answer(outside, api) });
  const rules = preview.page.locator('.reach-rules');
  assert.equal(await rules.locator('section.connection-egress p').textContent(), '192.169.0.0 is outside the cluster: NetworkPolicy does not govern its egress, so every connection passes this side.');
  assert.match((await rules.textContent()) ?? '', /Explained for 192\.169\.0\.0 → shop\/api-569585dd67-j8nrg\./);

  const [dns, prometheus] = ['kube-system/coredns-798b66c978-zw267', 'monitoring/prometheus-8688b89769-g8kwk'];
  await clickCell(preview, dns, prometheus);
  // The answer for the cell left behind arrives late: it is kept, not drawn over this one.
  await preview.deliver({ type: 'connectionExplanation', from: outside, to: api, explanation: answer(outside, api) });
  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from: dns, to: prometheus, explanation: answer(dns, prometheus) });
  assert.equal(await rules.locator('section.connection-egress p').textContent(),
    'Not isolated: no NetworkPolicy of namespace kube-system selects kube-system/coredns-798b66c978-zw267 (podSelector) with Egress in its policyTypes, so every egress connection is allowed by default.');
  assert.match((await rules.locator('section.connection-ingress .connection-isolated').textContent()) ?? '', /^Isolated for ingress by monitoring\/prometheus-egress: only what a rule of it allows passes\.$/);

  const [db, report] = ['shop/db-0', 'jobs/report'];
  await clickCell(preview, db, report);
  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from: db, to: report, explanation: null });
  assert.match((await rules.textContent()) ?? '', /The explanation is not available: the simulation changed, or the language server is not running\./);
});

test('network cell: the diagonal of a single pod and two outside ranges are explained without asking the host', async () => {
  const preview = await networkTab();
  await clickCell(preview, 'shop/db-0', 'shop/db-0');
  assert.equal(await preview.page.locator('.reach-rules').textContent(), 'A pod can always reach itself: NetworkPolicy does not govern it.');
  await clickCell(preview, '10.0.0.0-10.255.255.255', '192.169.0.0-255.255.255.255');
  assert.equal(await preview.page.locator('.reach-rules').textContent(), 'Neither side is in the cluster: NetworkPolicy does not govern it.');
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'explainConnection'), []);
});

test('network cell: a pod group\'s own cell pairs two of its pods, and Enter on a focused cell asks too', async () => {
  const preview = await networkTab();
  const api = 'shop/api (2 pods)';
  await preview.page.locator(`.reach-cell[aria-label^="${api} to ${api}: "]`).focus();
  await preview.page.keyboard.press('Enter');
  await preview.page.locator('.reach-explanation h3', { hasText: `${api} → ${api}` }).waitFor();
  assert.deepEqual((await preview.posted()).filter((m) => m.type === 'explainConnection'), [{ type: 'explainConnection', from: api, to: api }]);
  await preview.deliverAndWaitForRender({ type: 'connectionExplanation', from: api, to: api, explanation: answer(api, api) });
  const rules = preview.page.locator('.reach-rules');
  assert.match((await rules.textContent()) ?? '', /Explained for shop\/api-569585dd67-j8nrg → shop\/api-569585dd67-wwvqf\.Two pods of shop\/api \(2 pods\): every policy treats its 2 pods alike\./);
  assert.equal(await rules.locator('.connection-summary').textContent(), 'Denied on TCP 9090 and TCP, any other port.');
});
