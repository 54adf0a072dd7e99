import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { l10nJsonFormat } from '@vscode/l10n';
import type { PreviewIngress, PreviewModel } from '../../server/src/protocol/preview';
import type { WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';
import { whatIfExample } from './whatIfModels';

// Issue #17, the Network, Rollout, Routes and What-if tabs in Korean: the page gets the Korean bundle
// through the message the host sends (`update` with `l10n` and `locale`), and each view then shows its
// labels, empty states, legends and aria-labels in Korean, while Kubernetes' own words (kinds, the
// scheduler's message, node and pod names, statuses) stay as they are.

const openPreview = useBrowser();
const recorded = loadFixture('examples-recorded');
const KO = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;

/** The Korean of an English message, its placeholders filled like @vscode/l10n does; a key without Korean fails the test. */
function ko(english: string, ...args: Array<string | number>): string {
  const korean = KO[english];
  assert.ok(korean !== undefined && korean !== english, `no Korean for ${JSON.stringify(english)}`);
  return korean.replace(/\{(\d+)\}/g, (match, i: string) => (args[Number(i)] === undefined ? match : String(args[Number(i)])));
}

async function openInKorean(preview: PreviewPage, model: PreviewModel): Promise<void> {
  await preview.deliverAndWaitForRender({ type: 'update', model, l10n: KO as l10nJsonFormat, locale: 'ko' });
}

const ariaLabel = (preview: PreviewPage, selector: string) => preview.page.locator(selector).first().getAttribute('aria-label');
const texts = (preview: PreviewPage, selector: string) => preview.page.locator(selector).allTextContents();

test('Korean: the Network tab labels its grid, legend and cells in Korean; the endpoints keep their names', async () => {
  const preview = await openPreview();
  await openInKorean(preview, recorded);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
  assert.equal(await ariaLabel(preview, '.view-network'), ko('Network reachability'));
  assert.equal(await preview.page.locator('.view-network .summary').textContent(), ko('Rows open connections to columns. Select a cell for the policies that decide it; a header\'s button expands or collapses its group.'));
  assert.equal(await ariaLabel(preview, '.reach-grid'), ko('Reachability matrix: rows are sources, columns are destinations'));
  assert.equal(await ariaLabel(preview, '.reach-legend'), ko('Legend: what each cell means'));
  const legend = await texts(preview, '.reach-legend .legend-item strong');
  assert.ok(legend.includes(ko('allowed')) && legend.includes(ko('denied')), legend.join(' | '));
  // A cell names its two ends as the model does (kind-free workload names), with its verdict in Korean.
  const first = recorded.reach?.matrix?.endpoints[0].label ?? '';
  assert.equal(first, 'jobs/batch (3 pods)');
  const cell = await ariaLabel(preview, '.reach-grid .reach-allowed');
  assert.match(cell ?? '', new RegExp(`${ko('allowed')}$`));
  assert.ok(!/ to |allowed/.test(cell ?? ''), cell ?? '');
  await preview.page.locator('.reach-grid .reach-allowed').first().click();
  assert.equal(await ariaLabel(preview, '.reach-rules'), ko('Policies that decide it'));
});

test('Korean: the Rollout tab in Korean; the scheduler\'s message, statuses and node names stay verbatim', async () => {
  const preview = await openPreview();
  await openInKorean(preview, recorded);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  await preview.page.locator('.rollout-header select').selectOption('ml/inference');
  await preview.page.locator('.step-list .step-button').last().click();
  assert.equal(await ariaLabel(preview, '.view-rollout'), ko('Rollout'));
  assert.equal(await preview.page.locator('.step-counter').textContent(), ko('Step {0} of {1} ({2} steps)', 1, 1, 2));
  assert.deepEqual(await texts(preview, '.step-detail .stat-label'), [ko('old replicas'), ko('new replicas'), ko('available'), ko('unavailable')]);
  assert.ok((await texts(preview, '.step-detail h4')).includes(ko('Controller actions')));
  assert.equal(await preview.page.locator('.callout-stall strong').textContent(), ko('⚠ The rollout stalls here. '));
  assert.equal(await preview.page.locator('.badge-outcome-stalled').textContent(), 'stalled');
  // The scheduler's words, verbatim, under a Korean heading.
  assert.ok((await texts(preview, '.step-detail h4')).includes(ko('Pending pods ({0})', 1)));
  const pending = await texts(preview, '.step-detail .pending-list li');
  assert.equal(pending.length, 1);
  assert.match(pending[0], /^ml\/inference-6bc8d94cb-vqvzf: 0\/6 nodes are available: 1 Insufficient cpu, .* 5 Insufficient nvidia\.com\/gpu\./);
  assert.deepEqual(await texts(preview, '.placement-grid .placement-node-name'), ['gpu-b1', 'PENDING']);
  assert.equal(await ariaLabel(preview, '.placement .legend'), ko('Legend'));
  assert.equal(await ariaLabel(preview, '.placement-grid .pod-square-new'), `ml/inference-6bc8d94cb-vqvzf: ${ko('new, not ready')}`);
  // The baseline picker, above the stepper.
  assert.equal(await ariaLabel(preview, '#rollout-baseline'), ko('From: rollout baseline'));
  assert.deepEqual(await texts(preview, '#rollout-baseline option'), [ko('last commit (HEAD): needs git and a trusted workspace'), ko('saved file'), ko('another file…')]);
});

test('Korean: the baseline note names the last commit and the saved file in Korean (the host labels them in English)', async () => {
  const preview = await openPreview();
  const head = { kind: 'head' as const, label: 'last commit (HEAD)', found: true, picked: false, headAvailable: true, fallback: null, unchanged: true };
  await openInKorean(preview, { ...recorded, baseline: head });
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  const note = preview.page.locator('#rollout-baseline-note');
  assert.equal(await note.textContent(), ko('No change from the {0}: the preview shows a restart (kubectl rollout restart) instead.', ko('last commit (HEAD)')));
  await openInKorean(preview, { ...recorded, baseline: { ...head, kind: 'saved', label: 'saved file' } });
  assert.equal(await note.textContent(), ko('No change from the {0}: the preview shows a restart (kubectl rollout restart) instead.', ko('saved file')));
});

test('Korean: the Routes tab in Korean; Ingress, Service and pod names stay verbatim', async () => {
  const preview = await openPreview();
  await openInKorean(preview, recorded);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'routes' });
  assert.equal(await preview.page.locator('.view-routes .empty').textContent(), ko('No Ingress in the previewed manifests. Add a networking.k8s.io/v1 Ingress to a previewed file, or choose Workspace to preview every file, to see which Service and pods each host and path reach.'));
  const ingress: PreviewIngress = {
    namespace: 'shop', name: 'main', class: null, served: true, source: null, defaultBackend: null, defaultBackendIssue: null,
    routes: [
      { host: 'shop.example.com', path: '/', pathType: 'Prefix', target: { service: 'shop/web', port: 80, endpoints: [{ pod: 'shop/web-0', port: 8080, ready: true }], reason: null }, issue: null },
      { host: null, path: '/', pathType: 'Prefix', target: { service: 'shop/web', port: 80, endpoints: [], reason: null }, issue: 'shadowed' },
    ],
  };
  await preview.update({ ...recorded, routes: { ingresses: [ingress] } });
  assert.equal(await ariaLabel(preview, '.view-routes'), ko('Routes'));
  assert.equal(await preview.page.locator('#route-url-hint').textContent(), ko('Which Ingress path, Service and pods answer it; the scheme is optional.'));
  assert.equal(await preview.page.locator('.route-form button[type="submit"]').textContent(), ko('Find route'));
  assert.deepEqual(await texts(preview, '.routes-table thead th'), [ko('Host'), ko('Path'), ko('Type'), ko('Service'), ko('Endpoints')]);
  assert.deepEqual(await texts(preview, '.routes-table .route-host'), ['shop.example.com', ko('* (any host)')]);
  assert.deepEqual(await texts(preview, '.routes-table .route-service'), ['shop/web:80', 'shop/web:80']);
  assert.equal(await preview.page.locator('.routes-table .note').textContent(), ko('Never used: an earlier path of this Ingress is the same.'));
  assert.equal(await preview.page.locator('.ingress-card h3').textContent(), `Ingress shop/main ${ko('no class')}`);
});

test('Korean: the What-if tab in Korean, asked from a node card; node names and NotReady stay verbatim', async () => {
  const preview = await openPreview();
  const example = whatIfExample();
  const events: WhatIfNodeEvent[] = [{ kind: 'node-down', node: 'worker-2a', at: 0 }];
  const answer = example.answer(events);
  await openInKorean(preview, example.model);
  // The node card's buttons take their words from the What-if view (read when drawn).
  await preview.page.locator(`button[aria-label="${ko('What if node {0} fails', 'worker-2a')}"]`).click();
  await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events, result: answer });
  assert.equal(await ariaLabel(preview, '.view-whatif'), ko('What if'));
  const asked = ko('What if: {0}', ko('node {0} fails at {1}', 'worker-2a', '+0s'));
  assert.equal(await preview.page.locator('.whatif-status').textContent(), answer.timeline.length === 0
    ? ko('{0} — nothing happens', asked)
    : ko('{0} — changes at {1} moments, to {2}', asked, answer.moments.length - 1 + answer.momentsOmitted, `+${answer.end}s`));
  assert.equal(await preview.page.locator('.whatif-verdicts h3').textContent(), ko('Verdicts (to {0})', `+${answer.end}s`));
  assert.deepEqual(await texts(preview, '.whatif-form button'), [ko('What if it fails'), ko('What if it is drained')]);
  await preview.page.locator('.whatif-moments .step-button').last().click();
  assert.equal(await ariaLabel(preview, '.view-whatif .stepper'), ko('Moments of the timeline'));
  const failed = preview.page.locator('.whatif-nodes .placement-node', { has: preview.page.locator('.placement-node-name', { hasText: 'worker-2a' }) });
  assert.equal(await failed.locator('.badge-error').textContent(), 'NotReady');
  assert.match((await failed.getAttribute('aria-label')) ?? '', /^노드 worker-2a: /);
});
