import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LspClient } from '../helpers/lspClient';

/** The built server runs its dry runs on the worker thread (the job crosses postMessage); the in-process one in process. */
const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

const SINGLE = 'sim/single-node-failure';
const text = [
  'apiVersion: apps/v1', // 0
  'kind: Deployment', // 1
  'metadata: {name: web}', // 2
  'spec:', // 3
  '  replicas: 1', // 4
  '  selector: {matchLabels: {app: web}}', // 5
  '  template:', // 6
  '    metadata: {labels: {app: web}}', // 7
  '    spec: {containers: [{name: web, image: "nginx:1.27"}]}', // 8
  '---', // 9
  'apiVersion: v1', // 10
  'kind: Pod', // 11
  'metadata: {name: huge}', // 12
  'spec: {containers: [{name: a, image: "nginx:1.27", resources: {requests: {cpu: "64"}}}]}', // 13: unschedulable, so every dry run says something
].join('\n');

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const settings = (singleNodeFailure: boolean) => ({ kubernetesVersion: '1.36', validate: { enable: true }, whatif: { singleNodeFailure } });

const servers: Array<{ name: string; start: () => Promise<LspClient> }> = [
  { name: 'in process', start: () => LspClient.start() },
  {
    name: 'built, dry runs on the worker thread',
    start: () => {
      assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
      return LspClient.spawnBuilt(SERVER);
    },
  },
];
for (const server of servers) {
  test(`lsp (${server.name}): sim/single-node-failure is published on spec.replicas only while drydock.whatif.singleNodeFailure is on`, { timeout: 60_000 }, async () => {
    const client = await server.start();
    try {
      await onlyWhenOn(client);
    } finally {
      await client.dispose();
    }
  });
}

async function onlyWhenOn(client: LspClient): Promise<void> {
  const uri = 'file:///ws/single-node/web.yaml';
  // Off (the default): the dry run has reported (the Pending pod) and says nothing of web.
  const off = await client.diagnosticsUntil(uri, (d) => codes(d).includes('sim/unschedulable'), await client.open(uri, text));
  assert.ok(!codes(off).includes(SINGLE), codes(off).join());

  const on = await client.configure(settings(true), uri, (d) => codes(d).includes(SINGLE));
  const found = on.filter((d) => d.code === SINGLE);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 2, 'a warning');
  assert.deepEqual(found[0].range.start, { line: 4, character: 12 }, 'on the replicas value');
  assert.match(found[0].message, /^the only ready pod of Deployment web runs on worker-\w+: if that node fails, web has no ready pod until a replacement is ready \(~6 min: node-monitor grace period 50 s \+ tolerationSeconds 300\)$/);

  const offAgain = await client.configure(settings(false), uri, (d) => !codes(d).includes(SINGLE));
  assert.ok(codes(offAgain).includes('sim/unschedulable'), codes(offAgain).join());
}
