/**
 * The Nodes view's text and a node's details, read back and checked against the model: the summary,
 * the zones, each card's pod count, pods and requested/allocatable bars (units converted back), the
 * Pending lane; the details' resource table, conditions, taints, labels and pods.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { PreviewModel, PreviewNode, PreviewPod } from '../../../server/src/protocol/preview';
import type { PreviewPage } from '../harness/previewPage';
import { assertAmount, assertNoContradiction, count, isBytes, keyOf, pageText, sharedBinaryUnit, textOf, unitSize } from './readText';

const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';

function podsOn(model: PreviewModel, node: string): PreviewPod[] {
  return model.simulation.pods.filter((pod) => pod.node === node);
}

/** Every resource the node has allocatable of or its pods request. */
function resourcesOf(node: PreviewNode): string[] {
  return [...new Set([...Object.keys(node.allocatable), ...Object.keys(node.requested)])];
}

function requestedOf(node: PreviewNode, resource: string, pods: number): number {
  return node.requested[resource] ?? (resource === 'pods' ? pods : 0);
}

/** The unit both amounts of a pair are shown in: cores for CPU, the binary suffix of the larger for bytes, none for counts. */
function expectedUnit(resource: string, requested: number, allocatable: number): string {
  if (resource === 'cpu') return 'CPU';
  return isBytes(resource) ? sharedBinaryUnit(Math.max(requested, allocatable)) : '';
}

/** "0.1 / 1.93 CPU", "0.06 / 7 Gi memory", "1 / 110 pods": both numbers and the unit against the model. */
function checkUsage(text: string, node: PreviewNode, resource: string, pods: number): void {
  const match = /^([\d.]+) \/ ([\d.]+)(?: (CPU|Ti|Gi|Mi|Ki|bytes))?(?: (\S+))?$/.exec(text);
  assert.ok(match, `${node.name} ${resource}: "${text}" is not "requested / allocatable unit resource"`);
  const [, requested, allocatable, unit, name] = match;
  const expected = { requested: requestedOf(node, resource, pods), allocatable: node.allocatable[resource] ?? 0 };
  assert.equal(name ?? 'cpu', resource, `${node.name}: the bar names its resource`);
  assert.equal(unit ?? '', expectedUnit(resource, expected.requested, expected.allocatable), `${node.name} ${resource}: one unit, the larger amount's`);
  const size = unitSize(resource, unit === 'CPU' ? undefined : unit);
  assertAmount(requested, size, expected.requested, `${node.name} ${resource} requested`);
  assertAmount(allocatable, size, expected.allocatable, `${node.name} ${resource} allocatable`);
}

export async function checkNodesView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const { nodes, pods } = model.simulation;
  const panel = preview.page.locator('#panel-nodes');
  const pending = pods.filter((pod) => pod.node === null);
  assert.equal(await textOf(panel.locator('.summary')), `${count(nodes.length, 'node')} · ${count(pods.length - pending.length, 'pod')} placed · ${pending.length} pending`);
  assert.equal(await panel.locator('.node-card').count(), nodes.length, 'a card per node (the viewport holds them all)');

  const zones = new Map<string, number>();
  for (const node of nodes) {
    const region = node.labels[REGION];
    const key = `Zone ${node.labels[ZONE] ?? 'no zone label'}${region ? ` · region ${region}` : ''}`;
    zones.set(key, (zones.get(key) ?? 0) + 1);
  }
  assert.deepEqual((await panel.locator('.zone-row').allTextContents()).sort(), [...zones].map(([zone, n]) => `${zone} · ${count(n, 'node')}`).sort());

  for (const node of nodes) {
    const card = panel.locator(`.node-card[data-node="${node.name}"]`);
    const on = podsOn(model, node.name);
    assert.equal(await textOf(card.locator('.node-pod-count')), count(on.length, 'pod'), `${node.name}: its pod count`);
    assert.deepEqual(await chipsOf(card), on.map(keyOf).sort(), `${node.name}: its pods`);
    for (const resource of resourcesOf(node)) checkUsage(await textOf(card.locator(`.bar[data-resource="${resource}"] .bar-label`)), node, resource, on.length);
    assert.equal(await card.locator('.bar[data-resource]').count(), resourcesOf(node).length, `${node.name}: a bar per resource`);
    assert.equal(await card.locator('.badge-error').count(), node.ready === false ? 1 : 0, `${node.name}: NotReady badge`);
  }

  const lane = panel.locator('.pending-lane');
  if (pending.length === 0) {
    assert.equal(await lane.count(), 0, 'no Pending lane when every pod found a node');
    return;
  }
  assert.equal(await textOf(lane.locator('.node-head .muted')), `${count(pending.length, 'pod')} found no node — select one to see why`);
  assert.deepEqual(await chipsOf(lane), pending.map(keyOf).sort());
}

async function chipsOf(container: Locator): Promise<string[]> {
  return (await container.locator('.pod-chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-pod') ?? ''))).sort();
}

/** Opens each node's details from its card and checks them. */
export async function checkNodeDetails(preview: PreviewPage, model: PreviewModel): Promise<void> {
  for (const node of model.simulation.nodes) {
    await preview.page.locator(`.node-card[data-node="${node.name}"] .node-name`).click();
    const detail = preview.page.locator('.node-detail');
    await detail.locator('h2', { hasText: `Node ${node.name}` }).waitFor();
    const on = podsOn(model, node.name);
    for (const resource of resourcesOf(node)) {
      const cells = await detail.locator(`tr[data-resource="${resource}"]`).locator('th, td').allTextContents();
      assert.equal(cells[0], resource);
      const requested = requestedOf(node, resource, on.length);
      const allocatable = node.allocatable[resource] ?? 0;
      const unit = expectedUnit(resource, requested, allocatable);
      for (const [shown, amount, what] of [[cells[1], requested, 'requested'], [cells[2], allocatable, 'allocatable']] as const) {
        const match = /^([\d.]+)(?: (\S+))?$/.exec(shown);
        assert.ok(match, `${node.name} ${resource} ${what}: "${shown}"`);
        assert.equal(match[2] ?? '', unit, `${node.name} ${resource}: both amounts in one unit`);
        assertAmount(match[1], unitSize(resource, unit === 'CPU' ? undefined : unit), amount, `${node.name} details ${resource} ${what}`);
      }
      assert.equal(cells[3], allocatable > 0 ? `${Math.round((requested / allocatable) * 100)}%` : requested > 0 ? '∞' : '0%', `${node.name} ${resource} share`);
    }
    const headings = await detail.locator('h3').allTextContents();
    for (const heading of [`Taints (${node.taints.length})`, `Labels (${Object.keys(node.labels).length})`, `Pods (${on.length})`]) assert.ok(headings.includes(heading), `${node.name}: "${heading}" among ${headings.join(' | ')}`);
    const terms = await detail.locator('.node-detail-conditions dt').allTextContents();
    const values = await detail.locator('.node-detail-conditions dd').allTextContents();
    const facts = terms.map((term, i) => [term, values[i]]);
    const conditions = node.conditions ?? [];
    const expected = conditions.length > 0
      ? conditions.map((c) => [c.type, [c.status, c.reason, c.message].filter(Boolean).join(' · ')])
      : [['Ready', node.ready === true ? 'True' : node.ready === false ? 'False' : 'Unknown (the manifest states no Ready condition)']];
    const cordoned = node.unschedulable === true || node.taints.some((t) => t.key === 'node.kubernetes.io/unschedulable');
    assert.deepEqual(facts.slice(0, expected.length + 1), [...expected, ['Schedulable', cordoned ? 'No: cordoned (spec.unschedulable or the node.kubernetes.io/unschedulable taint)' : 'Yes']], `${node.name}: conditions as written`);
    assert.deepEqual((await detail.locator('.node-detail-pods .chip-text').allTextContents()).sort(), on.map(keyOf).sort(), `${node.name}: its pods`);
    assertNoContradiction(await pageText(preview), `${node.name}'s details`);
    await detail.locator('button[aria-label="Close node details"]').click();
  }
}
