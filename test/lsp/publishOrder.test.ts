// The built server (dist/server.js) over stdio, as VS Code runs it, with its dry run on a worker
// thread: what a client sees in each publishDiagnostics. Needs `npm run build` (npm test does it).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const PLANTED = 10;

/** 100 documents: Deployments and ConfigMaps; every tenth Deployment has `replica:` (an unknown field). */
function manifestFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < 50; i++) {
    const replicas = i % 5 === 0 ? 'replica' : 'replicas';
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: app-${i}, namespace: shop}`,
        'spec:',
        `  ${replicas}: 1`,
        `  selector: {matchLabels: {app: app-${i}}}`,
        '  template:',
        `    metadata: {labels: {app: app-${i}}}`,
        '    spec:',
        // The first one asks more CPU than any node of the default cluster has: sim/unschedulable.
        `      containers: [{name: app, image: registry.example.com/app:1, resources: {requests: {cpu: "${i === 0 ? '64' : '10m'}"}}}]`,
      ].join('\n'),
    );
    docs.push(['apiVersion: v1', 'kind: ConfigMap', `metadata: {name: app-${i}, namespace: shop}`, 'data: {LOG_LEVEL: info}'].join('\n'));
  }
  return docs.join('\n---\n') + '\n';
}

const planted = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'schema/unknown-field' && d.message.startsWith('`replica`')).length;
const unschedulable = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'sim/unschedulable').length;

let client: LspClient;
before(async () => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
  client = await LspClient.spawnBuilt(SERVER);
});
after(async () => {
  await client.dispose();
});

test('lsp stdio: the first publish after didOpen holds every schema error; the dry run joins later', async () => {
  const uri = 'file:///ws/first-publish/apps.yaml';
  const publishes: PublishDiagnosticsParams[] = [];
  const listener = (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) publishes.push(params);
  };
  client.publishListeners.add(listener);
  const ran = client.nextNotification('drydock/previewChanged');
  const first = await client.open(uri, manifestFile());
  assert.equal(planted(first), PLANTED, 'the first publish has all the planted schema errors');
  await ran;
  client.publishListeners.delete(listener);
  const last = publishes.at(-1)!.diagnostics;
  assert.equal(unschedulable(last), 1, 'the dry run reported the pod that fits nowhere');
  for (const publish of publishes) assert.equal(planted(publish.diagnostics), PLANTED, 'no publish lost a schema error');
});

test('lsp stdio: after an edit, no publish loses what validation or the dry run had reported', async () => {
  const uri = 'file:///ws/after-edit/apps.yaml';
  const text = manifestFile();
  const opened = client.nextNotification('drydock/previewChanged');
  await client.open(uri, text);
  await opened; // the dry run of the open is over
  await client.diagnosticsUntil(uri, (d) => unschedulable(d) === 1, client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
  const publishes: PublishDiagnosticsParams[] = [];
  const listener = (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) publishes.push(params);
  };
  client.publishListeners.add(listener);
  const ran = client.nextNotification('drydock/previewChanged');
  // Change a ConfigMap value (line 11: the second document's data): nothing about the findings changes.
  const line = text.split('\n').findIndex((l) => l.startsWith('data: {LOG_LEVEL: info}'));
  const edited = await client.change(uri, 2, [{ range: { start: { line, character: 18 }, end: { line, character: 22 } }, text: 'warn' }]);
  assert.equal(planted(edited), PLANTED);
  assert.equal(unschedulable(edited), 1, "the edit's validation publish keeps the dry run's finding");
  await ran;
  client.publishListeners.delete(listener);
  assert.ok(publishes.length >= 1);
  for (const publish of publishes) {
    assert.equal(planted(publish.diagnostics), PLANTED, `publish of version ${publish.version} kept the schema errors`);
    assert.equal(unschedulable(publish.diagnostics), 1, `publish of version ${publish.version} kept the dry-run finding`);
  }
});
