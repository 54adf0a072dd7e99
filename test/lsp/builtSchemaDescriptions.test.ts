// The built server (dist/server.js) over stdio reads its schemas without their descriptions, which are
// shipped in a file of their own (scripts/schemaDescriptions.mjs): hover and completion still show
// them. (The in-process LSP tests read the source tree's schemas, which keep their descriptions.)
// Needs `npm run build` (npm test does it).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const DEPLOYMENT = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  '].join('\n');

let client: LspClient;
before(async () => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
  assert.ok(existsSync(join(SERVER, '..', 'schemas', 'k8s-1.36.descriptions.json')), 'the build writes the descriptions apart');
  client = await LspClient.spawnBuilt(SERVER);
});
after(async () => {
  await client.dispose();
});

test('built server: completion documents a key with its schema description', async () => {
  const uri = 'file:///ws/built/completion.yaml';
  await client.open(uri, DEPLOYMENT);
  const items = await client.completion(uri, { line: 5, character: 2 });
  const minReadySeconds = items.find((item) => item.label === 'minReadySeconds');
  assert.ok(minReadySeconds, items.map((item) => item.label).join(', '));
  const documentation = minReadySeconds.documentation;
  assert.match(typeof documentation === 'string' ? documentation : (documentation?.value ?? ''), /Minimum number of seconds for which a newly created pod should be ready/);
  await client.close(uri);
});

test('built server: hover shows the field description', async () => {
  const uri = 'file:///ws/built/hover.yaml';
  await client.open(uri, DEPLOYMENT);
  const hover = await client.hover(uri, { line: 4, character: 4 });
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Number of desired pods/);
  await client.close(uri);
});
