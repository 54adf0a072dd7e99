/**
 * Issue #17's acceptance: Drydock in a real VS Code (code-server 4.139.1, driven in Chromium) whose
 * display language is Korean (`--locale ko` with a stand-in language pack: displayLanguage.ts). On a
 * fresh copy of test/e2e/koreanWorkspace (one manifest: a Deployment with an unknown field, a Pod
 * asking more CPU than any node has), the Problems entries, a hover, the preview's tabs and the
 * Pending pod's explanation are in Korean, while Kubernetes' own words (field names, the scheduler's
 * `0/6 nodes are available: …`) stay verbatim. VS Code's own UI stays English (no real language
 * pack), which the page helpers rely on. The Korean texts are read from the bundles (bundleText.ts).
 * Screenshots of each step go to test-artifacts/e2e/korean/. Run after `npm run package`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Browser, Frame } from 'playwright-core';
import { asRendered, localeTexts } from './bundleText';
import { builtVsix, ensureCodeServer, REPO_ROOT, startCodeServer, type RunningCodeServer } from './codeServer';
import { previewFrame, showTab, waitForText } from './previewSteps';
import { scenarios } from './scenario';
import { launchBrowser } from './browser';
import { escapeRegExp } from './escapeRegExp';
import { waitUntil } from './uiWait';

const FIXTURE = join(REPO_ROOT, 'test', 'e2e', 'koreanWorkspace');
const FILE = 'shop.yaml';
/** 1-based lines of koreanWorkspace/shop.yaml. */
const LINE = { replica: 7, selector: 8 } as const;
const ko = localeTexts('ko');

/** The messages this scenario expects in Korean: each must have a translation of its own in the bundle. */
const TRANSLATED = [
  '`{0}` is not a field of {1}{2}', ' - did you mean {0}?', '{0} cannot be scheduled: {1}',
  'required', '`{0}` in `{1}` `{2}`', '[API reference]({0})',
  'Cluster preview: {0}', 'Nodes ({0})', 'Rollout', 'Services', 'Network', 'Routes', 'What if',
  'asks {0}; the largest node has {1} allocatable', 'lower the request to at most {0}', 'Scheduler message:',
];

let server: RunningCodeServer;
let browser: Browser;

/** The preview's tab labels as their text (not the upper-cased rendering). */
async function tabLabels(frame: Frame): Promise<string[]> {
  return frame.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((tab) => (tab.textContent ?? '').trim()));
}

const scenario = scenarios({ server: () => server, browser: () => browser, fixture: FIXTURE });

before(async () => {
  browser = await launchBrowser();
  server = await startCodeServer(ensureCodeServer(), builtVsix(), { locale: 'ko' });
}, { timeout: 15 * 60_000 });

after(async () => {
  await server?.stop();
  await browser?.close();
});

describe('Drydock in code-server with VS Code\'s display language set to Korean (issue #17): the Problems entries, a hover, the preview\'s tabs and a Pending pod\'s explanation', () => {
  // "korean": the scenario's folder of screenshots, test-artifacts/e2e/korean/.
  scenario('korean', async (wb) => {
    assert.deepEqual(ko.untranslated(TRANSLATED), [], 'messages of this scenario still English in l10n/bundle.l10n.ko.json');
    // 1. The manifest's findings in the Problems panel: our sentences in Korean, field names and kinds verbatim.
    await wb.openFile(FILE);
    await wb.waitForSquiggle(FILE, LINE.replica);
    const unknownField = ko.t('`{0}` is not a field of {1}{2}', 'replica', 'DeploymentSpec', ko.t(' - did you mean {0}?', '`replicas`'));
    const problem = await wb.problemsPanel.waitFor((p) => p.message === unknownField, unknownField);
    assert.deepEqual({ severity: problem.severity, line: problem.line, column: problem.column, source: problem.source },
      { severity: 'Error', line: LINE.replica, column: 3, source: 'drydock' });
    const unschedulable = new RegExp(`^${ko.pattern('{0} cannot be scheduled: {1}')}$`);
    const pending = await wb.problemsPanel.waitFor((p) => unschedulable.test(p.message) && p.message.includes('0/6 nodes are available:'),
      `${String(unschedulable)} with the scheduler's "0/6 nodes are available:"`);
    assert.match(pending.message, /\bbatch\b/, 'the unschedulable entry names the Pod');
    await wb.screenshot('problems');

    // 2. A hover on a field: our words in Korean around the schema's description, which stays English.
    const hover = await wb.hoverAt(FILE, LINE.selector, 4, new RegExp(escapeRegExp(`— ${ko.t('required')}`)));
    assert.match(hover, /A label selector is a label query over a set of resources\./, 'the upstream description (LabelSelector\'s), in English');
    assert.ok(hover.includes(asRendered(ko.t('`{0}` in `{1}` `{2}`', 'DeploymentSpec', 'apps/v1', 'Deployment'))), `the owner in Korean in ${JSON.stringify(hover)}`);
    assert.ok(hover.includes(asRendered(ko.t('[API reference]({0})', ''))), `the API reference link in Korean in ${JSON.stringify(hover)}`);
    await wb.screenshot('hover');

    // 3. "Drydock: Preview Cluster", found by its Korean title: the panel's title and the tabs in Korean.
    await wb.runCommand(`Drydock: ${ko.nls('commands.drydock.previewCluster.title')}`);
    const frame = await previewFrame(wb);
    const panelTitle = ko.t('Cluster preview: {0}', FILE);
    await waitUntil(`the editor tab "${panelTitle}"`, async () => (await wb.tabTitles()).includes(panelTitle), { seen: async () => JSON.stringify(await wb.tabTitles()) });
    const expectedTabs = [ko.t('Nodes ({0})', 6), ko.t('Pending ({0})', 1), ko.t('Rollout'), ko.t('Services'), ko.t('Network'), ko.t('Routes'), ko.t('What if')];
    await waitUntil(`the preview's tabs to read ${JSON.stringify(expectedTabs)}`, async () => JSON.stringify(await tabLabels(frame)) === JSON.stringify(expectedTabs),
      { seen: async () => JSON.stringify(await tabLabels(frame)) });
    await wb.screenshot('preview-tabs');

    // 4. The Pending pod: the lead sentence in Korean, the scheduler's message verbatim.
    await showTab(frame, ko.t('Pending'));
    const lead = new RegExp(`^${ko.pattern('asks {0}; the largest node has {1} allocatable')} — ${ko.pattern('lower the request to at most {0}')}\\.$`);
    const row = frame.locator('.pending-row', { has: frame.locator('.pod-chip', { hasText: 'default/batch' }) });
    await waitForText('the Pending row of default/batch led by its cause in Korean', () => row.locator('.pending-message').textContent(), lead);
    const tooltip = (await row.locator('.pending-message').getAttribute('title')) ?? '';
    assert.match(tooltip, /\n0\/6 nodes are available: .*Insufficient cpu/, 'the scheduler\'s message, verbatim, under the lead in the tooltip');
    await wb.screenshot('pending-row');
    const details = frame.locator('.pod-details');
    // A new model redraws the list's rows: click again until the details show the pod.
    await waitUntil('the pod details of default/batch', async () => {
      if (await details.locator('#pod-details-title', { hasText: 'default/batch' }).isVisible()) return true;
      await row.locator('.pod-chip').click({ timeout: 5_000 });
      return details.locator('#pod-details-title', { hasText: 'default/batch' }).waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    }, { seen: async () => JSON.stringify(await frame.locator('.details').allTextContents()) });
    await waitForText('the pod details\' lead sentence in Korean', () => details.locator('p.lead').textContent(), lead);
    assert.equal((await details.locator('.verdict-label').textContent())?.trim(), ko.t('Scheduler message:'));
    assert.match((await details.locator('p.verdict').textContent()) ?? '', /^0\/6 nodes are available: .*Insufficient cpu/, 'the scheduler\'s message, verbatim');
    await details.locator('p.verdict').scrollIntoViewIfNeeded();
    await wb.screenshot('pending-explanation');
  });
});
