import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';
import { MAX_ALIAS_COUNT } from '../../server/src/language/parse/parseChunk';
import { MAX_FILE_CHARS, MAX_LINE_CHARS, MAX_NESTING_DEPTH } from '../../server/src/language/parse/limits';

// One named regression case per hostile input, over real JSON-RPC. Inputs are generated here, never committed.
// Budgets are generous for a loaded 2-core CI machine; each case also checks the server still answers.

let client: LspClient;
let counter = 0;
before(async () => {
  client = await LspClient.start();
  await client.open('file:///hostile/warmup.yaml', SMALL); // loads and compiles the schemas once
});
after(async () => {
  await client.dispose();
});

const SMALL = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: small', 'data:', '  a: "1"', ''].join('\n');
const HEADER = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hostile}\n';

/** Opens `text`, returns its first diagnostics and how long they took; then checks a hover on a small file is answered. */
async function openHostile(text: string, budgetMs: number): Promise<Diagnostic[]> {
  const uri = `file:///hostile/case-${++counter}.yaml`;
  const start = performance.now();
  const diagnostics = await client.open(uri, text);
  const elapsed = performance.now() - start;
  assert.ok(elapsed < budgetMs, `diagnostics took ${elapsed.toFixed(0)} ms (budget ${budgetMs} ms)`);
  await assertResponsive();
  await client.close(uri);
  return diagnostics;
}

async function assertResponsive(): Promise<void> {
  const start = performance.now();
  await client.hover('file:///hostile/warmup.yaml', { line: 1, character: 7 });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < 1000, `hover took ${elapsed.toFixed(0)} ms`);
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

function billionLaughs(): string {
  const lines = ['  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${HEADER}data:\n${lines.join('\n')}\n`;
}

test('hostile: billion laughs (alias bomb) is refused with yaml/alias-limit', async () => {
  const diagnostics = await openHostile(billionLaughs(), 3000);
  const refused = diagnostics.find((d) => d.code === 'yaml/alias-limit');
  assert.ok(refused, JSON.stringify(codes(diagnostics)));
  assert.match(refused.message, new RegExp(`more than ${MAX_ALIAS_COUNT}`));
});

test('hostile: merge-key bomb (<< over doubling anchors) is refused with yaml/alias-limit', async () => {
  const lines = ['  m0: &m0 {k: v}'];
  for (let i = 1; i < 40; i++) lines.push(`  m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: v}`);
  const diagnostics = await openHostile(`${HEADER}x:\n${lines.join('\n')}\n`, 3000);
  assert.ok(codes(diagnostics).includes('yaml/alias-limit'), JSON.stringify(codes(diagnostics)));
});

test('hostile: 100,000 nested flow sequences are refused with yaml/too-deep (no stack overflow)', async () => {
  const depth = 100_000;
  const diagnostics = await openHostile(`${HEADER}binaryData: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 3000);
  const deep = diagnostics.find((d) => d.code === 'yaml/too-deep');
  assert.ok(deep, JSON.stringify(diagnostics.map((d) => d.message)));
  assert.match(deep.message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
  assert.ok(!diagnostics.some((d) => /call stack/i.test(d.message)));
});

test('hostile: 20,000 nested flow mappings are refused with yaml/too-deep', async () => {
  const depth = 20_000;
  const diagnostics = await openHostile(`${HEADER}binaryData: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, 3000);
  assert.ok(codes(diagnostics).includes('yaml/too-deep'), JSON.stringify(diagnostics.map((d) => d.message)));
});

test('hostile: 1,500 nested block mappings are refused with yaml/too-deep', async () => {
  let text = `${HEADER}data:\n`;
  for (let i = 1; i <= 1500; i++) text += `${' '.repeat(i * 2)}k${i}:\n`;
  const diagnostics = await openHostile(text, 3000);
  assert.ok(codes(diagnostics).includes('yaml/too-deep'), JSON.stringify(diagnostics.map((d) => d.message)));
});

test('hostile: nesting just under the budget is still read (no false refusal)', async () => {
  const depth = 100;
  const diagnostics = await openHostile(`${HEADER}data:\n  a: '${'['.repeat(1000)}'\n  b: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 3000);
  assert.ok(!codes(diagnostics).includes('yaml/too-deep'), JSON.stringify(diagnostics.map((d) => d.message)));
});

test('hostile: a 50 MB file gets limits/file-too-large and does not block other requests', async () => {
  const doc = `${SMALL}---\n`;
  const text = doc.repeat(Math.ceil((50 * 1024 * 1024) / doc.length));
  assert.ok(text.length > MAX_FILE_CHARS);
  const diagnostics = await openHostile(text, 5000);
  assert.deepEqual(codes(diagnostics), ['limits/file-too-large']);
  assert.equal(diagnostics[0].severity, 3, 'an information note');
  assert.match(diagnostics[0].message, /50\.0 MB.*not validated/);
});

test('hostile: features on a huge file answer at once (empty), without parsing it', async () => {
  const uri = 'file:///hostile/huge-features.yaml';
  const text = `${SMALL}---\n`.repeat(Math.ceil((8 * 1024 * 1024) / (SMALL.length + 4)));
  await client.open(uri, text);
  for (const request of [() => client.hover(uri, { line: 1, character: 7 }), () => client.completion(uri, { line: 2, character: 0 }), () => client.documentSymbols(uri), () => client.foldingRanges(uri)]) {
    const start = performance.now();
    await request();
    assert.ok(performance.now() - start < 1000);
  }
  await client.close(uri);
});

test('hostile: a file that is a single 10 MB line gets limits/file-too-large', async () => {
  const diagnostics = await openHostile(`data: [${'1,'.repeat(5 * 1024 * 1024)}1]`, 5000);
  assert.deepEqual(codes(diagnostics), ['limits/file-too-large']);
});

test('hostile: a 2 MB line in a small file gets limits/file-too-large naming the line', async () => {
  const diagnostics = await openHostile(`${HEADER}data:\n  blob: ${'x'.repeat(MAX_LINE_CHARS * 2)}\n`, 5000);
  assert.deepEqual(codes(diagnostics), ['limits/file-too-large']);
  assert.match(diagnostics[0].message, /^Line 5 is 2\.0 MB long/);
});

test('hostile: binary junk is handled (diagnostics published, server responsive)', async () => {
  const bytes = Buffer.alloc(256 * 1024);
  let x = 0x2545f491;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  const diagnostics = await openHostile(`apiVersion: v1\n${bytes.toString('latin1')}`, 5000);
  assert.ok(Array.isArray(diagnostics));
});

test('hostile: invalid UTF-8 (decoded to U+FFFD) gets a clear diagnostic', async () => {
  const text = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\n')]).toString('utf8');
  const diagnostics = await openHostile(text, 3000);
  assert.ok(Array.isArray(diagnostics));
});

test('hostile: CRLF line ends and a BOM are read; errors keep their line numbers', async () => {
  const text = '\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  a: "1"\r\nbogus: 1\r\n';
  const diagnostics = await openHostile(text, 3000);
  assert.deepEqual(codes(diagnostics), ['schema/unknown-field']);
  assert.equal(diagnostics[0].range.start.line, 6);
});

test('hostile: tab indentation gets a clear yaml/syntax diagnostic', async () => {
  const diagnostics = await openHostile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\n', 3000);
  const tab = diagnostics.find((d) => /Tabs are not allowed/.test(d.message));
  assert.ok(tab, JSON.stringify(diagnostics.map((d) => d.message)));
});

test('hostile: NUL and control characters are handled', async () => {
  const diagnostics = await openHostile('apiVersion: v1\nkind: ConfigMap\u0000\u0007\nmetadata: {name: x}\n', 3000);
  assert.ok(diagnostics.length > 0);
});

test('hostile (fuzz seed 20261122, run 17): the preview of a 1e9-replica Deployment answers within 1 s', async () => {
  const uri = 'file:///hostile/replicas.yaml';
  const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: big}', 'spec:', '  replicas: 1000000000', '  selector: {matchLabels: {app: big}}', '  template:', '    metadata: {labels: {app: big}}', '    spec:', '      containers:', '      - {name: big, image: nginx:1.27, resources: {requests: {cpu: 100m}}}', ''].join('\n');
  await client.open(uri, text);
  const start = performance.now();
  const model = await client.sendRequest<{ diagnostics?: Array<{ code: string }> } | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
  const elapsed = performance.now() - start;
  assert.ok(model);
  assert.ok(elapsed < 1000, `preview took ${elapsed.toFixed(0)} ms`);
  await client.close(uri);
});
