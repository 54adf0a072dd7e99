import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';
import type { PodDetails, PreviewModel } from '../../server/src/protocol/preview';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.dispose();
});

const deployment = (replicas: number, cpu: string, image = 'nginx:1.27') =>
  [
    'apiVersion: apps/v1', // 0
    'kind: Deployment', // 1
    'metadata: {name: web}', // 2
    'spec:', // 3
    `  replicas: ${replicas}`, // 4
    '  selector: {matchLabels: {app: web}}', // 5
    '  template:', // 6
    '    metadata: {labels: {app: web}}', // 7
    '    spec:', // 8
    '      containers:', // 9
    '      - name: web', // 10
    `        image: ${image}`, // 11
    `        resources: {requests: {cpu: "${cpu}"}}`, // 12
  ].join('\n');

/** Waits until the published diagnostics of `uri` satisfy `ok` (they arrive in several publishes). */
async function diagnosticsUntil(uri: string, ok: (codes: string[]) => boolean): Promise<Array<{ code?: unknown; message: string; range: { start: { line: number } } }>> {
  for (;;) {
    const diagnostics = await client.nextDiagnostics(uri);
    if (ok(diagnostics.map((d) => String(d.code)))) return diagnostics;
  }
}

test('simulation: an unschedulable replica is a warning on its workload, and goes away when fixed', async () => {
  const uri = 'file:///ws/sim/web.yaml';
  const waiting = diagnosticsUntil(uri, (codes) => codes.includes('sim/unschedulable'));
  await client.open(uri, deployment(2, '64'));
  const diagnostics = await waiting;
  const unschedulable = diagnostics.find((d) => d.code === 'sim/unschedulable');
  assert.ok(unschedulable, 'expected sim/unschedulable');
  assert.match(unschedulable.message, /nodes are available: .*Insufficient cpu/);
  assert.equal(unschedulable.range.start.line, 12, 'pinned on the cpu request line');
  const fixed = diagnosticsUntil(uri, (codes) => !codes.includes('sim/unschedulable'));
  await client.change(uri, 2, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 100 } }, text: '        resources: {requests: {cpu: "100m"}}' }]);
  assert.deepEqual((await fixed).map((d) => d.code), []);
});

test('simulation: the preview request returns nodes, placed pods and the cluster', async () => {
  const uri = 'file:///ws/sim/preview.yaml';
  await client.open(uri, deployment(3, '100m'));
  const model = await client.sendRequest<PreviewModel | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
  assert.ok(model);
  assert.equal(model.kubernetesVersion, '1.36');
  assert.ok(model.simulation.nodes.length >= 3);
  const pods = model.simulation.pods.filter((p) => p.source?.uri === uri);
  assert.equal(pods.length, 3);
  for (const pod of pods) {
    assert.equal(pod.status, 'Scheduled');
    assert.ok(pod.node);
    assert.deepEqual(pod.source, { uri, line: 0 });
  }
  assert.equal(await client.sendRequest('drydock/preview', { uri: 'file:///ws/sim/not-open.yaml', scope: 'file', neverReady: false }), null);
});

test('simulation: a changed Deployment is rolled out from the saved file, and a stall is a diagnostic', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-rollout-'));
  const path = join(dir, 'web.yaml');
  const saved = deployment(3, '100m', 'nginx:1.27');
  writeFileSync(path, saved);
  const uri = pathToFileURL(path).toString();
  await client.open(uri, saved);
  const model = await client.sendRequest<PreviewModel>('drydock/preview', { uri, scope: 'file', neverReady: true });
  assert.equal(model.rollout?.deployments.length, 1, 'an unchanged Deployment previews a restart');
  assert.equal(model.rollout?.deployments[0].outcome, 'stalled');
  const stalled = diagnosticsUntil(uri, (codes) => codes.includes('sim/rollout-stalled'));
  // A new template whose pods fit nowhere: the surge pod stays Pending, the rollout stalls.
  await client.change(uri, 2, [{ range: { start: { line: 11, character: 0 }, end: { line: 12, character: 100 } }, text: '        image: nginx:1.28\n        resources: {requests: {cpu: "64"}}' }]);
  const diagnostics = await stalled;
  const finding = diagnostics.find((d) => d.code === 'sim/rollout-stalled');
  assert.ok(finding);
  assert.match(finding.message, /stall/i);
});

test('simulation: drydock/podDetails answers one pod\'s filters and scores from the preview\'s dry run', async () => {
  const uri = 'file:///ws/sim/details.yaml';
  const text = `${deployment(2, '100m')}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec:\n  containers:\n  - {name: c, image: busybox, resources: {requests: {cpu: "64"}}}\n`;
  await client.open(uri, text);
  const params = { uri, scope: 'file', neverReady: false };
  const model = await client.sendRequest<PreviewModel>('drydock/preview', params);
  const nodeCount = model.simulation.nodes.length;
  const huge = model.simulation.pods.find((p) => p.name === 'huge');
  assert.equal(huge?.status, 'Pending');
  const pending = await client.sendRequest<PodDetails | null>('drydock/podDetails', { ...params, pod: 'default/huge' });
  assert.ok(pending);
  assert.equal(pending.pod, 'default/huge');
  assert.equal(Object.keys(pending.filters).length, nodeCount, 'every node rejected it');
  assert.ok(Object.values(pending.filters).some((v) => v.plugin === 'NodeResourcesFit' && /Insufficient cpu/.test(v.reason)));
  assert.deepEqual(pending.filters, huge?.filters, 'the same verdicts as the inline model (small enough to be inline)');
  const web = model.simulation.pods.find((p) => p.owner?.name.startsWith('web') && p.status === 'Scheduled');
  assert.ok(web);
  const scored = await client.sendRequest<PodDetails | null>('drydock/podDetails', { ...params, pod: `${web.namespace}/${web.name}` });
  assert.deepEqual(scored?.scores, web.scores);
  assert.ok(Object.keys(scored?.scores ?? {}).length > 1);
  assert.equal(await client.sendRequest('drydock/podDetails', { ...params, pod: 'default/nobody' }), null);
  assert.equal(await client.sendRequest('drydock/podDetails', { ...params, pod: 42 }), null, 'malformed params are refused, not thrown');
});
