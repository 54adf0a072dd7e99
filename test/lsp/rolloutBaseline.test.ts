import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LspClient } from '../helpers/lspClient';
import { inTempWorkspace } from '../helpers/tempWorkspace';
import type { PreviewModel } from '../../server/src/protocol/preview';

// The rollout baseline over real JSON-RPC: the preview's "From:" picker (drydock/setRolloutBaseline)
// changes what the document is rolled out from, in the preview and in the diagnostics alike.
const deployment = (image: string, cpu: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n      - name: api\n        image: ${image}\n        resources: {requests: {cpu: "${cpu}"}}\n`;
// The new template fits nowhere: rolled out from the old one, the surge pod stays Pending and the rollout stalls.
const OLD = deployment('shop-api:2.0.0', '100m');
const NEW = deployment('shop-api:2.1.0', '64');

async function diagnosticsUntil(client: LspClient, uri: string, ok: (codes: string[]) => boolean): Promise<string[]> {
  for (;;) {
    const codes = (await client.nextDiagnostics(uri)).map((d) => String(d.code));
    if (ok(codes)) return codes;
  }
}

const preview = (client: LspClient, uri: string) => client.sendRequest<PreviewModel>('drydock/preview', { uri, scope: 'file', neverReady: false });

test('rollout baseline: a picked file changes the rollout and the diagnostics; null goes back to the setting', () =>
  inTempWorkspace({ files: { 'rollout/old/api.yaml': OLD, 'rollout/new/api.yaml': NEW } }, async (client, root) => {
    const uri = pathToFileURL(join(root, 'rollout/new/api.yaml')).toString();
    const oldUri = pathToFileURL(join(root, 'rollout/old/api.yaml')).toString();
    // Untrusted, `auto`: the saved file, which is what the buffer holds.
    const dryRunPublished = diagnosticsUntil(client, uri, (codes) => codes.includes('sim/unschedulable'));
    await client.open(uri, NEW);
    assert.ok(!(await dryRunPublished).includes('sim/rollout-stalled'), 'an unchanged Deployment raises no rollout finding');
    const unchanged = await preview(client, uri);
    assert.deepEqual(unchanged.baseline, { kind: 'saved', label: 'saved file', found: true, picked: false, headAvailable: false, fallback: null, unchanged: true });
    assert.equal(unchanged.rollout?.deployments.length, 1, 'a restart is previewed');
    const restartActions = unchanged.rollout?.deployments[0].steps.flatMap((s) => s.actions) ?? [];

    const stalled = diagnosticsUntil(client, uri, (codes) => codes.includes('sim/rollout-stalled'));
    assert.equal(await client.sendRequest('drydock/setRolloutBaseline', { uri, baseline: { kind: 'file', uri: oldUri } }), true);
    const fromOld = await preview(client, uri);
    assert.deepEqual(fromOld.baseline, { kind: 'file', label: 'rollout/old/api.yaml', file: oldUri, found: true, picked: true, headAvailable: false, fallback: null, unchanged: false });
    assert.equal(fromOld.rollout?.deployments[0].outcome, 'stalled');
    assert.notDeepEqual(fromOld.rollout?.deployments[0].steps.flatMap((s) => s.actions), restartActions, 'another rollout than the restart');
    await stalled;

    const cleared = diagnosticsUntil(client, uri, (codes) => codes.includes('sim/unschedulable') && !codes.includes('sim/rollout-stalled'));
    assert.equal(await client.sendRequest('drydock/setRolloutBaseline', { uri, baseline: null }), true);
    assert.equal((await preview(client, uri)).baseline?.unchanged, true);
    await cleared;

    for (const baseline of [{ kind: 'file', uri: 'https://example.com/x.yaml' }, { kind: 'nope' }, 'head', undefined]) {
      assert.equal(await client.sendRequest('drydock/setRolloutBaseline', { uri, baseline }), false, JSON.stringify(baseline));
    }
  }));

test('rollout baseline: in a trusted git repository, auto rolls out from HEAD, so a saved (autosaved) change still stalls', () =>
  inTempWorkspace({ files: { 'api.yaml': OLD }, trusted: true }, async (client, root) => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
    git('init', '-q');
    git('add', 'api.yaml');
    git('commit', '-q', '-m', 'old');
    // Autosave: the file on disk is already the buffer.
    writeFileSync(join(root, 'api.yaml'), NEW);
    const uri = pathToFileURL(join(root, 'api.yaml')).toString();
    const stalled = diagnosticsUntil(client, uri, (codes) => codes.includes('sim/rollout-stalled'));
    await client.open(uri, NEW);
    await stalled;
    const model = await preview(client, uri);
    assert.deepEqual(model.baseline, { kind: 'head', label: 'last commit (HEAD)', found: true, picked: false, headAvailable: true, fallback: null, unchanged: false });
    // Picking the saved file: unchanged, a restart, and the stall goes from the diagnostics.
    const cleared = diagnosticsUntil(client, uri, (codes) => !codes.includes('sim/rollout-stalled'));
    await client.sendRequest('drydock/setRolloutBaseline', { uri, baseline: { kind: 'saved' } });
    assert.equal((await preview(client, uri)).baseline?.unchanged, true);
    await cleared;
  }));
