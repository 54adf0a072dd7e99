/**
 * The text of the views about traffic, read back and checked against the model: each Service port's
 * endpoints and how many are ready; the reachability grid's group counts and every cell's verdict
 * (a group's cell counted pair by pair); each Ingress path's host, path, type, Service:port and endpoints.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { PreviewModel, PreviewRouteTarget, ReachMatrix, ReachMatrixEndpoint, ServiceEndpoint } from '../../../server/src/protocol/preview';
import type { PreviewPage } from '../harness/previewPage';
import { count, keyOf, textOf } from './readText';

function readyText(endpoints: readonly ServiceEndpoint[]): string {
  return `${endpoints.filter((e) => e.ready).length} of ${endpoints.length} ready`;
}

function chipTexts(endpoints: readonly ServiceEndpoint[]): string[] {
  return endpoints.map((e) => `${e.ready ? '✓' : '✕'} ${e.pod}:${e.port}`);
}

export async function checkServicesView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const services = model.simulation.services;
  const panel = preview.page.locator('#panel-services');
  if (services.length === 0) {
    assert.equal(await textOf(panel.locator('.empty')), 'No Service in the previewed manifests.');
    return;
  }
  assert.equal(await textOf(panel.locator('.summary')), count(services.length, 'Service'));
  assert.equal(await panel.locator('.service-card').count(), services.length);
  for (const service of services) {
    const rows = panel.locator(`.service-card[aria-label="Service ${keyOf(service)}"] tbody tr`);
    assert.equal(await rows.count(), service.ports.length, `${keyOf(service)}: a row per port`);
    for (const [i, port] of service.ports.entries()) {
      const row = rows.nth(i);
      const cells = await row.locator('td').allTextContents();
      const where = `${keyOf(service)} port ${port.port}`;
      assert.equal(cells[0], port.name ? `${port.port} (${port.name})` : String(port.port), where);
      assert.equal(cells[1], port.protocol, where);
      assert.equal(cells[2], String(port.targetPort ?? port.port), where);
      if (port.endpoints.length === 0) {
        assert.match(cells[3], /^(⚠ No endpoints|Its pods come from other files)/, `${where}: no endpoints said`);
        continue;
      }
      assert.equal((await textOf(row.locator('.endpoint-list > .muted'))).trim(), readyText(port.endpoints), `${where}: ready count`);
      assert.deepEqual(await row.locator('.endpoint').allTextContents(), chipTexts(port.endpoints), `${where}: its endpoints`);
    }
  }
}

type Verdict = 'allowed' | 'denied' | 'partial' | 'self' | 'na';

function verdictOf(text: string): Verdict {
  return text === 'All connections' ? 'allowed' : text === 'No connections' ? 'denied' : text === 'self' ? 'self' : text === 'n/a' ? 'na' : 'partial';
}

const WORDS: Record<Verdict, string> = { allowed: 'allowed', denied: 'denied', partial: 'some ports allowed', self: 'self (not governed by NetworkPolicy)', na: 'not applicable' };

/** The matrix endpoints a line of the grid stands for, by its full name. */
function endpointsOf(matrix: ReachMatrix, label: string): number[] {
  const all = matrix.endpoints.map((e, i) => ({ e, i }));
  const exact = all.filter(({ e }) => e.label === label);
  if (exact.length > 0) return exact.map(({ i }) => i);
  const namespace = /^namespace (.+)$/.exec(label);
  if (namespace) return all.filter(({ e }) => e.kind === 'pods' && e.namespace === namespace[1]).map(({ i }) => i);
  if (label === 'outside the cluster') return all.filter(({ e }) => e.kind === 'external').map(({ i }) => i);
  const byWorkload = all.filter(({ e }) => e.workload === label);
  if (byWorkload.length > 0) return byWorkload.map(({ i }) => i);
  const workload = /^(.+) \(\d+ pods?\)$/.exec(label);
  const ofWorkload = workload ? all.filter(({ e }) => e.workload === workload[1]) : [];
  if (ofWorkload.length > 0) return ofWorkload.map(({ i }) => i);
  const blocks = all.filter(({ e }) => e.kind === 'external' && (e.blocks?.join('; ') ?? e.label) === label);
  assert.ok(blocks.length > 0, `the grid line "${label}" names no endpoint of the model`);
  return blocks.map(({ i }) => i);
}

/** A cell's aria-label from the model: one pair's verdict, or a group's pairs combined (self and n/a not counted). */
function expectedCell(matrix: ReachMatrix, row: string, col: string): string {
  const rows = endpointsOf(matrix, row);
  const cols = endpointsOf(matrix, col);
  if (rows.length === 1 && cols.length === 1) {
    const text = matrix.connections[rows[0]][cols[0]];
    const verdict = verdictOf(text);
    return `${row} to ${col}: ${WORDS[verdict]}${verdict === 'partial' ? ` (${text})` : ''}`;
  }
  const counts = new Map<Verdict, number>();
  const texts = new Set<string>();
  for (const r of rows) for (const c of cols) {
    const text = matrix.connections[r][c];
    const verdict = verdictOf(text);
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    if (verdict !== 'self' && verdict !== 'na') texts.add(text);
  }
  const governed = (['allowed', 'denied', 'partial'] as const).filter((v) => counts.has(v));
  if (governed.length === 0) return `${row} to ${col}: ${WORDS[counts.has('na') ? 'na' : 'self']}`;
  if (governed.length === 1) {
    return `${row} to ${col}: ${WORDS[governed[0]]}${governed[0] === 'partial' ? ` (${texts.size === 1 ? [...texts][0] : 'the ports differ from pair to pair'})` : ''}`;
  }
  const pairs = governed.map((v) => `${v === 'partial' ? 'some ports' : v} for ${count(counts.get(v) ?? 0, 'pair')}`);
  return `${row} to ${col}: mixed (${pairs.join(', ')})`;
}

export async function checkNetworkView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const matrix = model.reach?.matrix;
  const grid = preview.page.locator('#panel-network .reach-grid[role="grid"]');
  if (!matrix || matrix.endpoints.length === 0) {
    assert.equal(await grid.locator('.reach-cell').count(), 0, 'no grid without a matrix');
    return;
  }
  if ((model.reach?.queries.length ?? 0) === 0 && model.reach?.policies?.selectingPods === 0) {
    // No policy selects a pod: the tab says so in words instead of an all-green grid, which must then be all green.
    assert.equal(await textOf(preview.page.locator('#panel-network .reach-empty-headline')), 'No NetworkPolicy selects these pods: every connection is allowed.');
    matrix.connections.forEach((row, r) => row.forEach((text, c) => {
      if (matrix.endpoints[r].kind === 'pods' || matrix.endpoints[c].kind === 'pods') assert.match(text, /^(All connections|self)$/, `${matrix.endpoints[r].label} to ${matrix.endpoints[c].label}`);
    }));
    return;
  }
  // Group headers: a namespace's workloads and pods, a workload's pods, the outside ranges, read back.
  const toggles = await grid.locator('.reach-row button.reach-toggle').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  assert.ok(toggles.length > 0 || matrix.endpoints.every((e) => e.pods.length <= 1), 'groups have toggles');
  for (const header of toggles) {
    const match = /^(.+) \((?:(\d+) workloads?, )?(\d+) (pods?|ranges?)\)$/.exec(header);
    assert.ok(match, `"${header}" says how many it holds`);
    const name: string = matrix.endpoints.some((e) => e.label === header) ? header : match[1];
    const members: ReachMatrixEndpoint[] = endpointsOf(matrix, name).map((i) => matrix.endpoints[i]);
    if (match[4].startsWith('range')) {
      assert.equal(Number(match[3]), members.length, `${header}: its ranges`);
      continue;
    }
    assert.equal(Number(match[3]), members.reduce((sum, e) => sum + e.pods.length, 0), `${header}: its pods`);
    if (match[2] !== undefined) assert.equal(Number(match[2]), new Set(members.map((e) => e.workload ?? e.label)).size, `${header}: its workloads`);
  }
  const labels = await cellLabels(grid);
  assert.ok(labels.length > 0, 'the grid has cells');
  const rows = await grid.locator('[role="rowheader"]').count();
  assert.equal(labels.length, rows * rows, 'every cell is on screen (the viewport holds the grid)');
  for (const label of labels) {
    const match = /^(.+?) to (.+?): /.exec(label);
    assert.ok(match, label);
    const [row, col] = splitCell(matrix, label);
    assert.equal(label, expectedCell(matrix, row, col));
  }
}

async function cellLabels(grid: Locator): Promise<string[]> {
  return grid.locator('.reach-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
}

/** "A to B: verdict" → [A, B], trying each " to " (a label may contain one). */
function splitCell(matrix: ReachMatrix, label: string): [string, string] {
  const head = label.slice(0, label.indexOf(': ', label.lastIndexOf(' to ')));
  for (let at = head.indexOf(' to '); at >= 0; at = head.indexOf(' to ', at + 1)) {
    const [row, col] = [head.slice(0, at), head.slice(at + 4)];
    try {
      endpointsOf(matrix, row);
      endpointsOf(matrix, col);
      return [row, col];
    } catch {
      // not this " to "
    }
  }
  throw new Error(`no lines of the model in "${label}"`);
}

function targetText(target: PreviewRouteTarget): string {
  return target.service === null ? 'not a Service' : `${target.service}:${target.port ?? '?'}`;
}

export async function checkRoutesView(preview: PreviewPage, model: PreviewModel): Promise<void> {
  const ingresses = model.routes?.ingresses ?? [];
  const panel = preview.page.locator('#panel-routes');
  if (ingresses.length === 0) {
    assert.match(await textOf(panel.locator('.empty')), /^No Ingress in the previewed manifests\./);
    return;
  }
  const paths = ingresses.reduce((sum, i) => sum + i.routes.length, 0);
  assert.equal(await textOf(panel.locator('.route-list > .summary')), `${count(ingresses.length, 'Ingress', 'Ingresses')}, ${count(paths, 'path')}`);
  for (const ingress of ingresses) {
    const card = panel.locator(`.ingress-card[aria-label="Ingress ${keyOf(ingress)}"]`);
    assert.equal(await textOf(card.locator('h3 .muted')), ingress.class === null ? ' no class' : ` class ${ingress.class}`);
    assert.equal(await card.locator('.verdict-pending', { hasText: 'Not served' }).count(), ingress.served ? 0 : 1, `${keyOf(ingress)}: served or not`);
    const rows = card.locator('tbody tr');
    const targets = [...ingress.routes.map((r) => ({ head: [r.host ?? '* (any host)', r.path === '' ? '(any)' : r.path, r.pathType], target: r.target })),
      ...(ingress.defaultBackend ? [{ head: ['Default backend (no rule matches)'], target: ingress.defaultBackend }] : [])];
    assert.equal(await rows.count(), targets.length, `${keyOf(ingress)}: a row per path and the default backend`);
    for (const [i, { head, target }] of targets.entries()) {
      const cells = await rows.nth(i).locator('th, td').allTextContents();
      assert.deepEqual(cells.slice(0, head.length + 1), [...head, targetText(target)], `${keyOf(ingress)} row ${i}`);
      const endpoints = rows.nth(i).locator('.endpoint');
      assert.deepEqual(await endpoints.allTextContents(), chipTexts(target.endpoints), `${keyOf(ingress)} row ${i}: endpoints`);
      if (target.endpoints.length > 0 && !target.endpointsOmitted) {
        assert.equal((await textOf(rows.nth(i).locator('.endpoint-list > .muted').first())).trim(), readyText(target.endpoints), `${keyOf(ingress)} row ${i}: ready count`);
      }
      if (target.reason !== null) assert.ok(cells[cells.length - 1].includes(target.reason), `${keyOf(ingress)} row ${i}: why no endpoint carries traffic`);
    }
  }
}
