/**
 * The text of the views that step through time, read back and checked against the model: each
 * Deployment's rollout (step counter, step list, counts, both budgets with their numbers, actions,
 * the stall or completion), and the What-if tab's question, moments, lines and verdicts.
 */
import assert from 'node:assert/strict';
import type { DeploymentRollout, PreviewModel } from '../../../server/src/protocol/preview';
import type { PreviewWhatIf, WhatIfNodeEvent } from '../../../server/src/protocol/whatIf';
import type { PreviewPage } from '../harness/previewPage';
import { assertNoContradiction, count, keyOf, pageText, textOf, type ViewExample } from './readText';

function stepCounter(current: number, steps: number): string {
  return steps === 1 ? 'Step 0 (the only step)' : `Step ${current} of ${steps - 1} (${count(steps, 'step')})`;
}

export async function checkRolloutView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const deployments = model.rollout?.deployments ?? [];
  const panel = preview.page.locator('#panel-rollout');
  if (deployments.length === 0) {
    assert.match(await textOf(panel.locator('.rollout-body .empty')), /^(No Deployment in the previewed manifests\.|The simulation did not include a rollout\.)$/);
    return;
  }
  assert.deepEqual(await panel.locator('select[aria-label="Deployment"] option').evaluateAll((options) => options.map((o) => o.getAttribute('value'))), deployments.map(keyOf));
  for (const rollout of deployments) {
    await panel.locator('select[aria-label="Deployment"]').selectOption(keyOf(rollout));
    await checkRollout(preview, rollout);
  }
}

async function checkRollout(preview: PreviewPage, rollout: DeploymentRollout): Promise<void> {
  const panel = preview.page.locator('#panel-rollout');
  const name = keyOf(rollout);
  const steps = rollout.steps;
  assert.equal(await textOf(panel.locator('.rollout-header .badge')), rollout.outcome, `${name}: outcome`);
  const replicas = rollout.replicas === undefined ? '' : `${count(rollout.replicas, 'replica')}, `;
  const strategy = rollout.strategy === 'Recreate' ? `${replicas}Recreate` : `${replicas}RollingUpdate, maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}`;
  assert.equal(await textOf(panel.locator('.rollout-header > .muted')), strategy, `${name}: strategy`);
  if (steps.length === 0) {
    assert.equal(await textOf(panel.locator('.step-counter')), 'No steps');
    return;
  }
  const stalls = rollout.outcome !== 'complete';
  const items = await panel.locator('.step-list li').allTextContents();
  assert.deepEqual(items, steps.map((s, i) => `${i}. ${s.initial ? 'before: ' : ''}old ${s.oldReplicas} · new ${s.newReplicas} · available ${s.available}${stalls && i === steps.length - 1 ? ` — ${rollout.outcome}` : ''}`), `${name}: the step list`);
  for (const [i, step] of steps.entries()) {
    await panel.locator(`[data-focus-key="step-${i}"]`).click();
    const detail = panel.locator('.step-detail');
    await detail.locator('h3', { hasText: `Step ${i}` }).waitFor();
    const where = `${name} step ${i}`;
    assert.equal(await textOf(panel.locator('.step-counter')), stepCounter(i, steps.length), where);
    assert.equal(await textOf(detail.locator('h3')), step.initial ? `Step ${i}: before the rollout` : `Step ${i}`, where);
    const stats = await detail.locator('.stat .stat-value').allTextContents();
    assert.deepEqual(stats.map(Number), [step.oldReplicas, step.newReplicas, step.available, step.unavailable], `${where}: old, new, available, unavailable`);
    if (rollout.replicas !== undefined && rollout.strategy === 'RollingUpdate') {
      const R = rollout.replicas;
      const total = step.oldReplicas + step.newReplicas;
      const pods = /^(\d+) pods? (≤|>) (\d+) \+ (\d+) \(maxSurge /.exec(await textOf(detail.locator('.budget-pods .budget-text')));
      assert.ok(pods, `${where}: the pods budget says its formula`);
      assert.deepEqual([Number(pods[1]), pods[2], Number(pods[3]), Number(pods[4])], [total, total <= R + rollout.maxSurge ? '≤' : '>', R, rollout.maxSurge], `${where}: pods against replicas + maxSurge`);
      const available = /^(\d+) available (≥|<) (\d+) − (\d+) \(maxUnavailable /.exec(await textOf(detail.locator('.budget-available .budget-text')));
      assert.ok(available, `${where}: the availability budget says its formula`);
      assert.deepEqual([Number(available[1]), available[2], Number(available[3]), Number(available[4])], [step.available, step.available >= R - rollout.maxUnavailable ? '≥' : '<', R, rollout.maxUnavailable], `${where}: available against replicas − maxUnavailable`);
    }
    const actions = detail.locator('ol.actions li');
    assert.deepEqual(await actions.allTextContents(), step.actions, `${where}: the controller's actions`);
    if (step.pending.length > 0) assert.ok((await detail.locator('h4').allTextContents()).includes(`Pending pods (${step.pending.length})`), `${where}: pending count`);
    if (step.rolloutStatus) assert.equal(await detail.locator('p.muted', { hasText: step.rolloutStatus }).count(), 1, `${where}: kubectl rollout status`);
    const last = i === steps.length - 1;
    assert.equal(await detail.locator('.callout-ok').count(), last && !stalls ? 1 : 0, `${where}: completes here or not`);
    assert.equal(await detail.locator('.callout-stall').count(), last && stalls ? 1 : 0, `${where}: stalls here or not`);
    if (last && stalls && rollout.outcome === 'stalled' && rollout.stallReason) {
      const reason = rollout.stallReason.replace(/^the rollout stalls /, '');
      const callout = await textOf(detail.locator('.callout-stall'));
      assert.ok(callout.startsWith(`⚠ The rollout stalls here. ${reason[0].toUpperCase()}${reason.slice(1)}`), `${where}: the stall, then its reason as a sentence: "${callout}"`);
    }
    assertNoContradiction(await pageText(preview), where);
  }
}

/**
 * Each node of the example failing, then drained: the page gets `shown`'s answers, checked against
 * `expected`'s (the same example unless a test breaks it): the question, the moments, each moment's lines, the verdicts.
 */
export async function checkWhatIfView(preview: PreviewPage, expected: ViewExample, shown: ViewExample): Promise<void> {
  const panel = preview.page.locator('#panel-whatif');
  if (!expected.run || !shown.run) {
    assert.deepEqual(await panel.locator('select[aria-label="Node"] option').allTextContents(), expected.model.simulation.nodes.map((n) => n.name), 'the form offers every node');
    return;
  }
  for (const node of expected.model.simulation.nodes) {
    for (const kind of ['node-down', 'drain'] as const) {
      const events: WhatIfNodeEvent[] = [{ kind, node: node.name, at: 0 }];
      await preview.deliverAndWaitForRender({ type: 'askWhatIf', events });
      await preview.deliverAndWaitForRender({ type: 'whatIfAnswer', events, result: shown.run.answer(events) });
      await checkAnswer(preview, expected.run.answer(events), `${node.name} ${kind}`);
    }
  }
}

async function checkAnswer(preview: PreviewPage, answer: PreviewWhatIf, where: string): Promise<void> {
  const panel = preview.page.locator('#panel-whatif');
  const [event] = answer.events;
  const asked = `What if: node ${event.node} ${event.kind === 'drain' ? 'is drained' : 'fails'} at +${event.at}s`;
  const outcome = answer.timeline.length === 0 ? 'nothing happens' : `changes at ${answer.moments.length - 1 + answer.momentsOmitted} moments, to +${answer.end}s`;
  assert.equal(await textOf(panel.locator('.whatif-status')), `${asked} — ${outcome}`, where);
  const moments = panel.locator('.whatif-moments li');
  assert.deepEqual(await moments.allTextContents(), answer.moments.map((m) => (m.count === 0 ? `+${m.at}s start` : `+${m.at}s · ${count(m.count, 'change')}`)), `${where}: the moments`);
  assert.equal(answer.moments.reduce((sum, m) => sum + m.count, 0), answer.timeline.length - timelineOmitted(answer), `${where}: the moments hold the timeline`);
  for (const [i, moment] of answer.moments.entries()) {
    await moments.nth(i).locator('button').click();
    const shown = panel.locator('.whatif-moment');
    await shown.locator('h3', { hasText: `+${moment.at}s` }).waitFor();
    assert.equal(await textOf(shown.locator('h3')), moment.count === 0 ? `+${moment.at}s: the settled dry run, before anything happens` : `At +${moment.at}s: ${count(moment.count, 'change')}`, `${where} moment ${i}`);
    const lines = answer.timeline.slice(moment.first, moment.first + moment.count).map((entry, n) => `+${entry.at}s ${answer.lines[moment.first + n]}${entry.why ? ` — ${entry.why}` : ''}`);
    assert.deepEqual(await shown.locator('.whatif-line').allTextContents(), lines, `${where} moment ${i}: its lines`);
    const nodes = await shown.locator('.whatif-node').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
    assert.deepEqual(nodes.map((label) => label.replace(/:.*/, '')), moment.nodes.map((n) => `Node ${n.name}`), `${where} moment ${i}: the touched nodes`);
    for (const [n, node] of moment.nodes.entries()) assert.ok(nodes[n].startsWith(`Node ${node.name}: ${count(node.pods.length, 'pod')}`), `${where} moment ${i}: ${nodes[n]}`);
    assert.equal(await shown.locator('.whatif-pending li').count(), moment.pending.length, `${where} moment ${i}: pending pods`);
    assertNoContradiction(await pageText(preview), `${where} moment ${i}`);
  }
  assert.deepEqual(await panel.locator('.whatif-verdict-list li').allTextContents(), answer.verdicts.map((v) => v.text), `${where}: the verdicts`);
}

/** Timeline entries past the last moment drawn (none unless the moments are bounded). */
function timelineOmitted(answer: PreviewWhatIf): number {
  if (answer.momentsOmitted === 0) return 0;
  const last = answer.moments[answer.moments.length - 1];
  return answer.timeline.length - (last.first + last.count);
}
