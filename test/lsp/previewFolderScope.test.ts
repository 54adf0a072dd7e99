import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';
import type { PreviewModel } from '../../server/src/protocol/preview';

// Scope `folder` over real JSON-RPC: the previewed document's folder and below, by path, and the
// objects several of those files define named with their files (issue #16 item 2).

const lines = (...l: string[]) => l.join('\n') + '\n';
const deployment = (name: string, image: string, replicas: number) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}, namespace: shop}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    `    spec: {containers: [{name: ${name}, image: "${image}", resources: {requests: {cpu: 10m}}}]}`,
  );

test('folder scope: the folder and below, never the sibling folders; repeated objects named with their files', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-folder-scope-'));
  const uri = (path: string) => pathToFileURL(join(root, path)).toString();
  try {
    for (const folder of ['network', 'rollout/new/more', 'rollout/old']) mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, 'network/workloads.yaml'), deployment('api', 'api:0', 2));
    writeFileSync(join(root, 'rollout/old/api.yaml'), deployment('api', 'api:1', 3));
    writeFileSync(join(root, 'rollout/new/more/web.yaml'), deployment('web', 'web:2', 1));
    writeFileSync(join(root, 'rollout/new/web.yaml'), deployment('web', 'web:1', 1));
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const opened = uri('rollout/new/api.yaml');
      await client.open(opened, deployment('api', 'api:2', 3));
      const preview = await client.sendRequest<PreviewModel>('drydock/preview', { uri: opened, scope: 'folder', neverReady: false });
      assert.deepEqual(preview.source, { uri: opened, scope: 'folder' });
      const owners = (name: string) => [...new Set(preview.simulation.pods.filter((p) => p.name.startsWith(`${name}-`)).map((p) => p.source?.uri))];
      assert.deepEqual(owners('api'), [opened], 'shop/api of the folder only: not network/ nor rollout/old/');
      assert.deepEqual(owners('web'), [uri('rollout/new/web.yaml')], 'the last applied copy: rollout/new/web.yaml sorts after rollout/new/more/web.yaml');
      assert.deepEqual(preview.duplicates, [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'web',
          files: [{ uri: uri('rollout/new/more/web.yaml'), label: 'rollout/new/more/web.yaml' }, { uri: uri('rollout/new/web.yaml'), label: 'rollout/new/web.yaml' }],
          simulated: uri('rollout/new/web.yaml'),
        },
      ]);

      const workspace = await client.sendRequest<PreviewModel>('drydock/preview', { uri: opened, scope: 'workspace', neverReady: false });
      const api = workspace.duplicates?.find((d) => d.name === 'api');
      assert.deepEqual(api?.files.map((f) => f.label), ['network/workloads.yaml', 'rollout/new/api.yaml', 'rollout/old/api.yaml']);
      assert.equal(api?.simulated, uri('rollout/old/api.yaml'));
      assert.equal(workspace.rollout?.deployments.some((d) => d.name === 'api'), false, 'the document\'s baseline is not diffed against rollout/old/api.yaml');

      const file = await client.sendRequest<PreviewModel>('drydock/preview', { uri: opened, scope: 'file', neverReady: false });
      assert.equal(file.duplicates, undefined, 'one file: nothing to name');
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
