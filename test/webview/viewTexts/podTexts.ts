/**
 * The Pending view's text and a pod's details, read back and checked against the model: the pending
 * count and its groups ("4 pods of Deployment cache"), each group's cause; the details' node, owner,
 * requests (units converted back), the verdict sentence with its node counts, filters and scores.
 */
import assert from 'node:assert/strict';
import type { PreviewModel, PreviewPod } from '../../../server/src/protocol/preview';
import type { PreviewPage } from '../harness/previewPage';
import { assertAmount, assertNoContradiction, count, keyOf, pageText, textOf, unitSize } from './readText';

/** The lead as its own sentence. */
function leadSentence(lead: string): string {
  return `${lead[0].toUpperCase()}${lead.slice(1)}.`;
}

/** Pending pods of one workload with the same lead and message are one group; a pod no controller owns is alone. */
function pendingGroups(pods: readonly PreviewPod[]): PreviewPod[][] {
  const groups = new Map<string, PreviewPod[]>();
  for (const pod of pods) {
    const workload = pod.workload ?? pod.owner;
    const key = workload ? JSON.stringify([pod.namespace, workload.kind, workload.name, pod.lead ?? '', pod.message]) : keyOf(pod);
    groups.set(key, [...(groups.get(key) ?? []), pod]);
  }
  return [...groups.values()];
}

export async function checkPendingView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const pending = model.simulation.pods.filter((pod) => pod.node === null);
  const panel = preview.page.locator('#panel-pending');
  assert.equal(await textOf(preview.page.locator('#tab-pending')), `Pending (${pending.length})`);
  const empty = panel.locator('.empty');
  if (pending.length === 0) {
    assert.equal(await empty.isVisible(), true, '"Every pod found a node." is shown');
    assert.equal(await textOf(empty), 'Every pod found a node.');
    assert.equal(await panel.locator('.summary').isVisible(), false, 'and no pending count beside it');
    assert.equal(await panel.locator('.pending-row').count(), 0);
    return;
  }
  assert.equal(await empty.isVisible(), false);
  const groups = pendingGroups(pending);
  const grouped = groups.length < pending.length ? ` · ${count(groups.length, 'group')}` : '';
  assert.equal(await textOf(panel.locator('.summary')), `${count(pending.length, 'pod')} pending${grouped} — select one to see why each node was rejected.`);
  const rows = panel.locator('.pending-row');
  assert.equal(await rows.count(), groups.length, 'a row per group');
  for (const [i, group] of groups.entries()) {
    const first = group[0];
    const workload = first.workload ?? first.owner;
    const title = group.length > 1 && workload ? `${count(group.length, 'pod')} of ${workload.kind} ${workload.name}` : keyOf(first);
    const row = rows.nth(i);
    assert.ok((await textOf(row.locator('.pod-chip'))).startsWith(`○ ${title}`), `row ${i}: "${await textOf(row.locator('.pod-chip'))}" is not "○ ${title}"`);
    assert.equal(await textOf(row.locator('.pending-message')), first.lead ? leadSentence(first.lead) : first.message, `${title}: its cause`);
  }
}

/** Selects every pod and checks its details. */
export async function checkPodDetails(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const total = model.simulation.nodes.length;
  for (const pod of model.simulation.pods) {
    const key = keyOf(pod);
    await preview.deliverAndWaitForRender({ type: 'selectPod', pod: key });
    const details = preview.page.locator('.details');
    await details.locator('h2', { hasText: `Pod ${key}` }).waitFor();
    const fact = (term: string) => textOf(details.locator(`.facts dt:text-is("${term}") + dd`));
    assert.equal(await fact('Status'), pod.status, `${key}: status`);
    assert.equal(await fact('Node'), pod.node ?? 'none', `${key}: node`);
    assert.equal(await fact('Owner'), pod.owner ? `${pod.owner.kind} ${pod.owner.name}` : 'none (a bare Pod)', `${key}: owner`);
    if (pod.workload) assert.equal(await fact('Workload'), `${pod.workload.kind} ${pod.workload.name}`, `${key}: workload`);
    const requests = Object.entries(pod.requests ?? {});
    if (requests.length > 0) {
      const shown = (await fact('Requests')).split(', ');
      assert.equal(shown.length, requests.length, `${key}: every request`);
      for (const [i, [resource, amount]] of requests.entries()) {
        const match = new RegExp(`^${resource.replace(/[.]/g, '\\.')} ([\\d.]+)(m| [A-Za-z]+)?$`).exec(shown[i]);
        assert.ok(match, `${key}: "${shown[i]}" is not "${resource} amount"`);
        assertAmount(match[1], unitSize(resource, match[2]?.trim()), amount, `${key} requests ${resource}`);
      }
    }
    assertNoContradiction(await pageText(preview), `${key}'s details`);
    const verdict = await textOf(details.locator('.verdict'));
    const rejected = pod.detailsOmitted ? pod.detailsOmitted.filters : Object.keys(pod.filters).length;
    if (pod.status === 'Scheduled') {
      // Nodes absent from `filters` passed every filter.
      const passed = total - rejected;
      const scored = pod.detailsOmitted ? pod.detailsOmitted.scores : Object.keys(pod.scores).length;
      const best = pod.detailsOmitted ? pod.detailsOmitted.bestTotal : pod.node ? pod.scores[pod.node]?.total : undefined;
      const score = best === undefined || best === null ? (scored === 0 ? ', the only feasible node (nothing to score)' : '') : ` with the highest total score, ${best}`;
      const message = pod.message.trim();
      const lead = message === '' ? '' : /[.!?:]$/.test(message) ? `${message} ` : `${message}. `;
      assert.equal(verdict, `${lead}Placed on ${pod.node}${score}: ${count(passed, 'node')} passed the filters, ${rejected} of ${total} were rejected.`, `${key}: verdict`);
      if (scored > 0) assert.equal(scored, passed, `${key}: the model scores every node that passed the filters`);
    } else {
      const fallback = pod.status === 'Bound' ? `Bound to ${pod.node} by spec.nodeName: the scheduler did not choose it.` : `0/${total} nodes are available.`;
      assert.equal(verdict, pod.message || fallback, `${key}: the scheduler's message, verbatim`);
    }
    if (pod.status === 'Pending' && pod.lead) assert.equal(await textOf(details.locator('.lead')), leadSentence(pod.lead), `${key}: the lead`);
    if (pod.tie && pod.tie.length > 1) {
      assert.equal(await textOf(details.locator('.note')), `Tie: ${pod.tie.join(', ')} share the best total. The scheduler picks one of them at random; the simulation picked ${pod.node ?? 'none'}.`);
    }
    if (pod.detailsOmitted) continue;
    const headings = await details.locator('h3').allTextContents();
    assert.ok(headings.includes(`Filters: ${rejected} of ${count(total, 'node')} rejected`), `${key}: filters heading in ${headings.join(' | ')}`);
    const nodesPerReason = (await details.locator('.filters-table tbody td.num').allTextContents()).map(Number);
    assert.equal(nodesPerReason.reduce((a, b) => a + b, 0), rejected, `${key}: the filter table counts every rejected node`);
    const scores = Object.entries(pod.scores);
    assert.ok(headings.includes(`Scores: ${count(scores.length, 'feasible node')}`), `${key}: scores heading in ${headings.join(' | ')}`);
    const totals = await details.locator('.scores-table tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td.total')?.textContent ?? '']));
    assert.deepEqual(totals, scores.sort(([a, x], [b, y]) => y.total - x.total || a.localeCompare(b)).slice(0, 10).map(([node, score]) => [`${node}${node === pod.node ? '✓' : ''}`, String(score.total)]), `${key}: scores`);
  }
}
