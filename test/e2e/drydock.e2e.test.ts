/**
 * Drydock inside a real VS Code (code-server 4.139.1 = VS Code 1.139, driven in Chromium): the
 * built .vsix is installed into a fresh profile and every scenario opens its own window on a fresh
 * copy of test/e2e/workspace, then checks what a user sees. Screenshots of each step go to
 * test-artifacts/e2e/<scenario>/ (and code-server's logs too when a scenario fails).
 *
 * A last block opens a folder in Restricted Mode (workspace trust on, the user declining) and
 * checks that validation still works there.
 *
 * Run with `npm run test:e2e` (packages the .vsix first). Needs Debian's chromium and a code-server
 * install, which scripts/e2e/install-code-server.sh caches in ~/.cache/drydock-e2e.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame } from 'playwright-core';
import { ARTIFACTS, builtVsix, ensureCodeServer, languageServerPids, startCodeServer, type RunningCodeServer } from './codeServer';
import { scenarios } from './scenario';
import { launchBrowser } from './browser';
import { activationTime } from './runningExtensions';
import { waitUntil } from './uiWait';
import { Workbench } from './workbench';

const FILE = 'web.yaml';
/** YAML that is not a Kubernetes manifest. */
const NOT_A_MANIFEST = 'notes.yaml';
const DISPLAY_NAME = 'Drydock — Kubernetes manifests & dry-run';
/** The target for activation (code loading + `activate`, as VS Code measures it). */
const ACTIVATION_BUDGET_MS = Number(process.env.DRYDOCK_E2E_ACTIVATION_BUDGET_MS ?? 100);

/**
 * VS Code measures activation in wall-clock time, which a busy machine stretches (with L runnable
 * processes on C cores, a CPU-bound step gets about C/L of a core). The budget is scaled by that
 * oversubscription; activation.e2e.test.ts holds the unscaled budget in CPU time.
 */
function wallClockBudget(): { budget: number; load: string } {
  const [load] = loadavg();
  const cores = availableParallelism();
  return { budget: Math.round(ACTIVATION_BUDGET_MS * Math.max(1, load / cores)), load: `load ${load.toFixed(1)} on ${cores} cores` };
}

/** 1-based lines of test/e2e/workspace/web.yaml. */
const LINE = { kind: 2, replicas: 7, cpu: 21 } as const;
const UNKNOWN_FIELD = '`replica` is not a field of DeploymentSpec - did you mean `replicas`?';
const PREVIEW_COMMAND = 'Drydock: Preview Cluster';
/** A node card of the preview webview (client/webview/nodeCard.ts). */
const NODE_CARD = '.node-card';

let server: RunningCodeServer;
let browser: Browser;

/** One scenario: its own window on its own copy of test/e2e/workspace; screenshots, and logs on failure. */
const scenario = scenarios({ server: () => server, browser: () => browser });

/** The preview webview's frame, once it has drawn at least one node card. */
async function previewFrame(workbench: Workbench): Promise<Frame> {
  return workbench.webviewFrame(NODE_CARD, 'the cluster preview webview to draw its node cards');
}

/** Accessible labels of the pod chips the preview draws for the Deployment `web`. */
async function webPodChips(frame: Frame): Promise<string[]> {
  return frame.locator('.pod-chip[aria-label^="Pod default/web-"]').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('aria-label') ?? ''));
}

/**
 * Narrows the nodes view to the nodes running a pod of `web`, with its filter box, as a user would:
 * the list draws only the cards in view, and the default cluster has more nodes than fit.
 */
async function showWebNodes(frame: Frame): Promise<void> {
  await frame.locator('input.filter').fill('default/web-');
}

/** The preview's tab labels, e.g. "Nodes (6)", "Pending (0)" (their text, not the upper-cased rendering). */
async function tabLabels(frame: Frame): Promise<string[]> {
  return frame.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((tab) => (tab.textContent ?? '').trim()));
}

async function pendingCount(frame: Frame): Promise<number | undefined> {
  const label = (await tabLabels(frame)).find((t) => /^Pending\b/i.test(t));
  const match = label ? /\((\d+)\)/.exec(label) : null;
  return match ? Number(match[1]) : undefined;
}

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true }); // this run's screenshots only
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('Drydock in code-server (VS Code 1.139)', () => {
  before(async () => {
    server = await startCodeServer(ensureCodeServer(), builtVsix());
  }, { timeout: 15 * 60_000 });

  after(async () => {
    await server?.stop();
  });

  scenario('activation is quick and the language server starts with the first manifest', async (wb) => {
    // Any YAML activates Drydock (onLanguage:yaml), but only a manifest starts the language server.
    await wb.openFile(NOT_A_MANIFEST);
    const samples = [await activationTime(wb, DISPLAY_NAME)];
    // Wall-clock time on a shared machine only ever comes out too high: when over budget, measure
    // again in new windows (new extension hosts), up to 3 samples, and judge the best.
    while (Math.min(...samples) >= wallClockBudget().budget && samples.length < 3) {
      const again = await Workbench.open(browser, server, server.workspace(`${wb.name}-${samples.length}`), wb.name);
      try {
        await again.openFile(NOT_A_MANIFEST);
        samples.push(await activationTime(again, DISPLAY_NAME));
      } finally {
        await again.close();
      }
    }
    const activation = Math.min(...samples);
    const { budget, load } = wallClockBudget();
    await wb.screenshot('activated');
    console.log(`# Drydock activation: ${samples.join(', ')} ms (VS Code's Running Extensions: code loading + activate; budget ${budget} ms = ${ACTIVATION_BUDGET_MS} ms at ${load})`);
    assert.ok(activation < budget, `activation took ${samples.join(', ')} ms; the budget is ${budget} ms (${ACTIVATION_BUDGET_MS} ms at ${load})`);
    assert.deepEqual(languageServerPids(wb.folder), [], 'no language server while only non-Kubernetes YAML is open');

    await wb.openFile(FILE);
    await waitUntil('the language server to start for the first manifest', async () => languageServerPids(wb.folder).length === 1);
    await wb.typeOverLine(FILE, LINE.replicas, '  replica: 2');
    await wb.waitForSquiggle(FILE, LINE.replicas);
  });

  scenario('typing an error shows a squiggle and a Problems entry on its line, fixing it clears both', async (wb) => {
    await wb.openFile(FILE);
    await wb.screenshot('opened');
    await wb.typeOverLine(FILE, LINE.replicas, '  replica: 2');
    await wb.waitForSquiggle(FILE, LINE.replicas);
    const problem = await wb.problemsPanel.waitFor((p) => p.message === UNKNOWN_FIELD, UNKNOWN_FIELD);
    assert.deepEqual({ severity: problem.severity, line: problem.line, column: problem.column, source: problem.source },
      { severity: 'Error', line: LINE.replicas, column: 3, source: 'drydock' });
    // Opening the Problems panel resizes the editor, which draws its lines again: read the squiggles once it has.
    await waitUntil('the only error squiggle on the edited line', async () => {
      const lines = await wb.squiggleLines(FILE);
      return lines.length === 1 && lines[0] === LINE.replicas;
    }, { seen: async () => `error squiggles on lines [${(await wb.squiggleLines(FILE)).join(', ')}]` });
    await wb.screenshot('unknown-field');

    // A second kind of error: an invalid quantity.
    await wb.typeOverLine(FILE, LINE.cpu, '              cpu: 1 core');
    await wb.waitForSquiggle(FILE, LINE.cpu);
    const quantity = await wb.problemsPanel.waitFor((p) => p.line === LINE.cpu, `an error on line ${LINE.cpu}`);
    assert.match(quantity.message, /quantity/i);
    await wb.screenshot('quantity');

    // Typing the fixes back clears the squiggles and the entries.
    await wb.typeOverLine(FILE, LINE.replicas, '  replicas: 2');
    await wb.typeOverLine(FILE, LINE.cpu, '              cpu: 250m');
    await wb.waitForNoSquiggle(FILE, LINE.replicas);
    await wb.waitForNoSquiggle(FILE, LINE.cpu);
    await wb.problemsPanel.waitForNone((p) => p.source === 'drydock', 'any Drydock problem');
  });

  scenario('a quick fix renames an unknown field to the suggested one', async (wb) => {
    await wb.openFile(FILE);
    await wb.typeOverLine(FILE, LINE.replicas, '  replica: 2');
    await wb.waitForSquiggle(FILE, LINE.replicas);
    const titles = await wb.quickFixes(FILE, LINE.replicas, 4, /replicas/);
    await wb.screenshot('quick-fix-menu');
    assert.ok(titles.some((t) => /replicas/.test(t)), `a fix mentioning replicas among ${JSON.stringify(titles)}`);
    await wb.applyQuickFix(/replicas/);
    await wb.waitForLineText(FILE, LINE.replicas, '  replicas: 2');
    await wb.waitForNoSquiggle(FILE, LINE.replicas);
    await wb.problemsPanel.waitForNone((p) => p.message === UNKNOWN_FIELD, UNKNOWN_FIELD);
  });

  scenario('hovering a field shows its documentation from the Kubernetes schema', async (wb) => {
    await wb.openFile(FILE);
    // DeploymentSpec.replicas: "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1."
    const text = await wb.hoverAt(FILE, LINE.replicas, 4, /Number of desired pods/);
    await wb.screenshot('hover');
    assert.match(text, /Number of desired pods/);
  });

  scenario('Drydock: Preview Cluster opens the webview with the nodes and the pods drawn', async (wb) => {
    await wb.openFile(FILE);
    await wb.runCommand(PREVIEW_COMMAND);
    const frame = await previewFrame(wb);
    await wb.screenshot('preview');
    const nodes = await frame.locator(NODE_CARD).count();
    assert.ok(nodes >= 2, `node cards drawn: ${nodes}`);
    // The default cluster's worker nodes, and the two replicas of web placed on them.
    await waitUntil('a node card for worker-1a', async () => (await frame.locator(NODE_CARD, { hasText: 'worker-1a' }).count()) > 0);
    assert.equal(await pendingCount(frame), 0, 'nothing pending');
    await showWebNodes(frame);
    const pods = await waitUntil('the two web pods drawn as scheduled', async () => {
      const chips = await webPodChips(frame);
      return chips.length === 2 && chips.every((label) => /, Scheduled\b/.test(label)) ? chips : undefined;
    }, { seen: async () => JSON.stringify(await webPodChips(frame)) });
    await wb.screenshot('web-pods');
    assert.equal(pods.length, 2);
  });

  scenario('an edit that makes a pod unschedulable shows up inline and in the preview', async (wb) => {
    await wb.openFile(FILE);
    await wb.runCommand(PREVIEW_COMMAND);
    const frame = await previewFrame(wb);
    await showWebNodes(frame);
    await waitUntil('the web pods scheduled before the edit', async () => (await webPodChips(frame)).filter((label) => /, Scheduled\b/.test(label)).length === 2);
    await wb.screenshot('before');

    await wb.typeOverLine(FILE, LINE.cpu, '              cpu: "64"');
    // Inline: a diagnostic carrying the scheduler's verdict, on the edited Deployment.
    // (Typed one key at a time, "6" already is unschedulable: wait for the entry and its squiggle to agree.)
    const squiggleOf = (severity: string) => (severity === 'Error' ? 'error' : severity === 'Warning' ? 'warning' : 'info');
    await wb.problemsPanel.show();
    const problem = await waitUntil('a Problems entry with the scheduler\'s "Insufficient cpu" verdict and a squiggle on its line', async () => {
      const found = (await wb.problemsPanel.entries()).find((p) => /Insufficient cpu/.test(p.message));
      return found && (await wb.squiggleLines(FILE, squiggleOf(found.severity))).includes(found.line) ? found : undefined;
    }, { seen: async () => JSON.stringify(await wb.problemsPanel.entries()) });
    assert.ok(problem.line <= 22, `the unschedulable diagnostic is on the Deployment (line ${problem.line})`);
    // In the preview: the web pods leave the nodes (only the Pending lane still draws them) and are counted pending, with the same reason.
    await waitUntil('the web pods to leave the nodes and be counted pending', async () => (await webPodChips(frame)).every((label) => /, Pending\b/.test(label)) && ((await pendingCount(frame)) ?? 0) >= 2,
      { seen: async () => JSON.stringify({ tabs: await tabLabels(frame), chips: await webPodChips(frame) }) });
    await frame.locator('[role="tab"]', { hasText: /^Pending/i }).click();
    // The two identical pods are one row, led by the cause; the scheduler's verdict is in its tooltip.
    const rows = frame.locator('.pending-row', { hasText: '2 pods of Deployment web' });
    await waitUntil('one pending row for the two web pods, led by the cause', async () => (await rows.count()) === 1 && /Asks 64 CPU; /.test((await rows.first().textContent()) ?? ''),
      { seen: async () => JSON.stringify(await frame.locator('.pending-row').allTextContents()) });
    assert.match((await rows.first().locator('.pending-message').getAttribute('title')) ?? '', /Insufficient cpu/, 'the scheduler\'s verdict, verbatim, in the tooltip');
    await wb.screenshot('pending');
  });

  scenario('the CodeLens above a Deployment opens its placement preview', async (wb) => {
    await wb.openFile(FILE);
    const placement = wb.codeLens(FILE, 'Preview placement');
    const rollout = wb.codeLens(FILE, 'Preview rollout');
    // One of each, for the Deployment only (the Service is not a workload), above `kind: Deployment`.
    const lenses = async () => ({ placement: await placement.count(), rollout: await rollout.count(), line: await wb.codeLensLine(FILE, 'Preview placement') });
    await waitUntil('a "Preview placement" and a "Preview rollout" CodeLens above `kind: Deployment` only', async () => {
      const seen = await lenses();
      return seen.placement === 1 && seen.rollout === 1 && seen.line === LINE.kind;
    }, { seen: async () => JSON.stringify(await lenses()) });
    await wb.screenshot('lenses');
    await placement.first().click();
    const frame = await previewFrame(wb);
    await showWebNodes(frame);
    await waitUntil('the web pods in the preview', async () => (await webPodChips(frame)).length === 2);
    await wb.screenshot('preview-from-lens');
  });

  scenario('a window reload restores the preview panel', async (wb) => {
    await wb.openFile(FILE);
    await wb.runCommand(PREVIEW_COMMAND);
    await previewFrame(wb);
    const tabsBefore = await wb.tabTitles();
    const previewTab = tabsBefore.find((t) => /^Cluster preview/.test(t));
    assert.ok(previewTab, `a Cluster preview tab among ${JSON.stringify(tabsBefore)}`);
    await wb.screenshot('before-reload');
    await wb.reloadWindow();
    await waitUntil(`the "${previewTab}" tab after the reload`, async () => (await wb.tabTitles()).includes(previewTab));
    const frame = await previewFrame(wb);
    await showWebNodes(frame);
    await waitUntil('the web pods redrawn after the reload', async () => (await webPodChips(frame)).length === 2);
    await wb.screenshot('after-reload');
  });
});

describe('Drydock in an untrusted workspace (Restricted Mode)', () => {
  let restricted: RunningCodeServer;

  before(async () => {
    restricted = await startCodeServer(ensureCodeServer(), builtVsix(), { workspaceTrust: true });
  }, { timeout: 5 * 60_000 });

  after(async () => {
    await restricted?.stop();
  });

  it('validates manifests when the folder is opened in Restricted Mode', { timeout: 240_000 }, async () => {
    const slug = 'restricted-mode';
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(restricted.folderUrl(restricted.workspace(slug)));
      // VS Code asks whether to trust the folder's authors: the user says no.
      await page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" }).click({ timeout: 90_000 });
      const wb = await Workbench.attach(page, slug);
      await waitUntil('the Restricted Mode indicator', async () => (await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).count()) > 0);
      await wb.openFile(FILE);
      await wb.typeOverLine(FILE, LINE.replicas, '  replica: 2');
      await wb.waitForSquiggle(FILE, LINE.replicas);
      await wb.problemsPanel.waitFor((p) => p.message === UNKNOWN_FIELD && p.line === LINE.replicas, UNKNOWN_FIELD);
      await wb.screenshot('end');
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, `${slug}-FAILED.png`) }).catch(() => undefined);
      restricted.saveLogs(slug);
      throw error;
    } finally {
      await page.close();
    }
  });
});
