/**
 * The Preview Cluster's explanations and choices in a real VS Code (code-server, driven in Chromium),
 * on a fresh copy of test/e2e/previewWorkspace (the network, rollout and whatif examples and a cluster
 * file) per scenario: issue #16's acceptance, points 1, 2, 4 and 5 (a Network cell's explanation, the
 * preview's scope, the rollout baseline picker, the cluster chip), and issue #19's "What if this node
 * fails / is drained" command with the What-if tab. Screenshots of each step go to
 * test-artifacts/e2e/<scenario>/. Run after `npm run package`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Browser } from 'playwright-core';
import { builtVsix, ensureCodeServer, REPO_ROOT, startCodeServer, type RunningCodeServer } from './codeServer';
import { answerOpenDialog, chooseScope, pickQuickItem, PREVIEW_COMMAND, previewFrame, showTab, waitForCursorLine, waitForText } from './previewSteps';
import { scenarios } from './scenario';
import { launchBrowser } from './browser';
import { waitUntil } from './uiWait';

const FIXTURE = join(REPO_ROOT, 'test', 'e2e', 'previewWorkspace');
const NEW_API = 'rollout/new/api.yaml';

let server: RunningCodeServer;
let browser: Browser;

const scenario = scenarios({ server: () => server, browser: () => browser, fixture: FIXTURE });

/** The workspace setting as VS Code wrote it (.vscode/settings.json), undefined while unset. */
function workspaceSetting(folder: string, key: string): unknown {
  const file = join(folder, '.vscode', 'settings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key] : undefined;
}

before(async () => {
  browser = await launchBrowser();
  server = await startCodeServer(ensureCodeServer(), builtVsix());
}, { timeout: 15 * 60_000 });

after(async () => {
  await server?.stop();
  await browser?.close();
});

describe('Preview Cluster in code-server: issue #16 (points 1, 2, 4, 5) and #19', () => {
  scenario('a Network cell explains its verdict per direction and a policy link opens its line', async (wb) => {
    await wb.quickOpen('network/policies.yaml');
    await wb.runCommand(PREVIEW_COMMAND);
    const frame = await previewFrame(wb);
    // The policies' pods are in workloads.yaml: "This folder" simulates them together.
    await chooseScope(frame, 'This folder', /folder network$/);
    await showTab(frame, 'Network');
    const cell = frame.locator('.reach-cell[aria-label^="shop/api (2 pods) to shop/db-0: "]');
    await cell.click();
    const rules = frame.locator('.reach-explanation .reach-rules');
    await waitForText('the verdict of shop/api → shop/db-0 per port', () => rules.locator('.connection-summary').textContent(), /^Allowed on TCP 5432; denied on TCP, any other port\.$/);
    const egress = rules.locator('section.connection-egress');
    const ingress = rules.locator('section.connection-ingress');
    assert.match((await egress.locator('h4').textContent()) ?? '', /^Egress of shop\/api-\S+ \(the source\)$/);
    assert.match((await egress.locator('.connection-isolated').textContent()) ?? '', /^Isolated for egress by shop\/default-deny, shop\/allow-dns, shop\/api: /);
    assert.match((await ingress.locator('.connection-isolated').textContent()) ?? '', /^Isolated for ingress by shop\/default-deny, shop\/db, shop\/allow-scraping: /);
    assert.deepEqual((await egress.locator('tbody tr').first().locator('th, td').allTextContents()).map((t) => t.trim()), ['TCP 5432', '✓ allowed', 'shop/api egress[0]']);
    await rules.scrollIntoViewIfNeeded();
    await wb.screenshot('explanation');
    // The rule is a link: the editor opens policies.yaml on the rule's line.
    await egress.locator('button.policy-ref', { hasText: 'shop/api egress[0]' }).click();
    await waitForCursorLine(wb, 'network/policies.yaml', 49);
    assert.equal((await wb.lineText('network/policies.yaml', 49))?.trim(), '- to: [{ podSelector: { matchLabels: { app: db } } }]');
    await wb.screenshot('rule-revealed');
  });

  scenario('Preview rollout shows its own document\'s Deployment, and Workspace names the files that repeat it', async (wb) => {
    await wb.quickOpen(NEW_API);
    const lens = wb.codeLens(NEW_API, 'Preview rollout');
    await lens.first().waitFor({ state: 'visible' });
    await lens.first().click();
    const frame = await previewFrame(wb);
    await waitUntil('the Rollout tab selected', async () => (await frame.getByRole('tab', { name: 'Rollout' }).getAttribute('aria-selected')) === 'true');
    assert.equal(await frame.getByRole('radio', { name: 'This file', exact: true }).isChecked(), true);
    const deployment = frame.locator('select[aria-label="Deployment"]');
    await waitForText('shop/api, the only Deployment of this file', async () => JSON.stringify(await deployment.locator('option').allTextContents()), /^\["shop\/api"\]$/);
    await wb.screenshot('this-file');
    // The workspace: three files define Deployment shop/api; the note says which, and which copy runs.
    await chooseScope(frame, 'Workspace', /workspace/i);
    const note = frame.getByRole('region', { name: 'Objects defined in several files' });
    const sentence = await waitForText('the note on shop/api', async () => (await note.locator('li').allTextContents()).join('\n'),
      /Deployment shop\/api is defined in 3 files: network\/workloads\.yaml, rollout\/new\/api\.yaml, rollout\/old\/api\.yaml — the last applied \((\S+)\) is simulated\./);
    assert.match(sentence, /the last applied \(rollout\/old\/api\.yaml\) is simulated/, 'rollout/old/ is applied after rollout/new/');
    // The lens asked for rollout/new/api.yaml's copy: the page says it is not the one simulated, and shows no other copy for it.
    assert.equal(await frame.locator('.duplicate-notes [role="alert"]').textContent(),
      '⚠ Deployment shop/api of rollout/new/api.yaml is not simulated here: rollout/old/api.yaml defines it too and is applied after it. Choose "This file" to preview this copy.');
    assert.deepEqual((await deployment.locator('option:checked').allTextContents()).filter((text) => text.startsWith('shop/api')), [], 'no other file\'s shop/api shown for the lens');
    await wb.screenshot('workspace');
    // Every list names the file beside a repeated name: the pods of shop/api say which file made them.
    await showTab(frame, 'Nodes');
    await frame.locator('input.filter').fill('shop/api-');
    await waitForText('a shop/api pod chip naming its file', async () => (await frame.locator('.pod-chip[aria-label^="Pod shop/api-"]').first().getAttribute('aria-label')) ?? '',
      /^Pod shop\/api-\S+ \(rollout\/old\/api\.yaml\), /);
    await wb.screenshot('pods-with-file');
  });

  scenario('the rollout baseline picker says when nothing changed and rolls out from another file', async (wb) => {
    await wb.quickOpen(NEW_API);
    const lens = wb.codeLens(NEW_API, 'Preview rollout');
    await lens.first().waitFor({ state: 'visible' });
    await lens.first().click();
    const frame = await previewFrame(wb);
    const picker = frame.getByRole('combobox', { name: 'From: rollout baseline' });
    const note = frame.locator('#rollout-baseline-note');
    // The copy is not a git repository: the baseline is the saved file, which has no change.
    await waitForText('the "no change" sentence', () => note.textContent(), /No change from the saved file: the preview shows a restart \(kubectl rollout restart\) instead\./);
    const options = await picker.locator('option').allTextContents();
    assert.deepEqual(options.slice(1), ['saved file', 'another file…']);
    assert.match(options[0], /^last commit \(HEAD\)/);
    assert.equal(await picker.inputValue(), 'saved');
    const stableReplicaSet = async () => (await frame.locator('.view-rollout tbody tr', { hasText: 'stable' }).first().innerText()).trim().split(/\s/)[0];
    const restarted = await stableReplicaSet();
    await wb.screenshot('no-change');
    await picker.selectOption('file');
    // VS Code's open dialog (code-server's simple file dialog): the path of the old version, accepted.
    await answerOpenDialog(wb, join(wb.folder, 'rollout', 'old', 'api.yaml'), 'Roll out from this file');
    await waitForText('the picker on rollout/old/api.yaml', () => picker.locator('option:checked').textContent(), /^rollout\/old\/api\.yaml$/);
    await waitUntil('the "no change" sentence gone', async () => !/No change/.test((await note.textContent()) ?? '') || !(await note.isVisible()));
    // What runs before the rollout is now the old file's version: its own ReplicaSet (template hash).
    await waitUntil(`a stable ReplicaSet other than ${restarted}`, async () => /^api-\w+$/.test(await stableReplicaSet()) && (await stableReplicaSet()) !== restarted, { seen: stableReplicaSet });
    await wb.screenshot('from-old-file');
  });

  scenario('the cluster chip lists the workspace cluster files and switching sets drydock.cluster', async (wb) => {
    await wb.quickOpen('whatif/app.yaml');
    await wb.runCommand(PREVIEW_COMMAND);
    const frame = await previewFrame(wb);
    const chip = frame.getByRole('combobox', { name: 'Simulated cluster (sets drydock.cluster)' });
    await waitForText('the chip naming the built-in cluster and the workspace\'s two cluster files', async () => JSON.stringify(await chip.locator('option').allTextContents()),
      /^\["built-in \(6 nodes\)","cluster\.yaml \(6 nodes\)","rollout\/cluster\.yaml \(4 nodes\)"\]$/);
    assert.match((await frame.locator('.cluster-chip').innerText()).trim(), /^Cluster:\s*built-in \(6 nodes\)/);
    await wb.screenshot('built-in');
    await chip.selectOption({ label: 'rollout/cluster.yaml (4 nodes)' });
    await waitUntil('drydock.cluster = rollout/cluster.yaml in the workspace settings', async () => workspaceSetting(wb.folder, 'drydock.cluster') === 'rollout/cluster.yaml',
      { seen: async () => JSON.stringify(workspaceSetting(wb.folder, 'drydock.cluster')) });
    await waitForText('the chip on rollout/cluster.yaml', () => chip.locator('option:checked').textContent(), /^rollout\/cluster\.yaml \(4 nodes\)$/);
    await waitUntil('the four nodes of rollout/cluster.yaml drawn', async () => (await frame.locator('.node-card', { hasText: 'node-1' }).count()) > 0);
    await wb.screenshot('rollout-cluster');
    await chip.selectOption({ label: 'built-in' });
    await waitUntil('drydock.cluster = builtin', async () => workspaceSetting(wb.folder, 'drydock.cluster') === 'builtin',
      { seen: async () => JSON.stringify(workspaceSetting(wb.folder, 'drydock.cluster')) });
    await waitForText('the chip back on the built-in cluster', () => chip.locator('option:checked').textContent(), /^built-in \(6 nodes\)$/);
  });

  scenario('What if this node fails asks for a node and steps through the timeline in the What-if tab', async (wb) => {
    await wb.quickOpen('whatif/app.yaml');
    await wb.runCommand(PREVIEW_COMMAND);
    const frame = await previewFrame(wb);
    await wb.runCommand('Drydock: What if this node fails / is drained', { asksInQuickInput: true });
    await pickQuickItem(wb, 'worker-2a');
    await pickQuickItem(wb, 'It fails');
    await waitUntil('the What if tab selected', async () => (await frame.getByRole('tab', { name: 'What if' }).getAttribute('aria-selected')) === 'true');
    const counter = frame.locator('.view-whatif .step-counter');
    await waitForText('the stepper at the start', () => counter.textContent(), /^\+0s, the start \(moment 1 of 4\)$/);
    assert.equal(await frame.locator('.whatif-status').textContent(), 'What if: node worker-2a fails at +0s — changes at 3 moments, to +365s');
    assert.ok((await frame.locator('.whatif-verdict-list li').allTextContents()).includes('web: 2/3 ready from +50s to +365s; never below minAvailable 2, needs 2 (PodDisruptionBudget web)'));
    await wb.screenshot('start');
    await frame.getByRole('button', { name: 'Next moment' }).click();
    await waitForText('the stepper at +50s', () => counter.textContent(), /^\+50s\b.*\(moment 2 of 4\)$/);
    assert.ok((await frame.locator('.whatif-lines li').allTextContents()).some((line) => line.startsWith('+50s node worker-2a NotReady — ')));
    await wb.screenshot('plus-50s');
  });
});
