import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';

const text = [
  'apiVersion: apps/v1', // 0
  'kind: Deployment', // 1
  'metadata:', // 2
  '  name: web', // 3
  '  namespace: shop', // 4
  'spec:', // 5
  '  replicas: 2', // 6
  '---', // 7
  '# a comment', // 8
  'apiVersion: v1', // 9
  'kind: Service', // 10
  'metadata: {name: web}', // 11
  '---', // 12
  'apiVersion: v1', // 13
  'kind: List', // 14
  'items:', // 15
  '- apiVersion: v1', // 16
  '  kind: ConfigMap', // 17
  '  metadata: {name: settings}', // 18
  '- apiVersion: v1', // 19
  '  kind: Secret', // 20
  '  metadata:', // 21
  '    generateName: token-', // 22
  '---', // 23
  'data: {a: b}', // 24
  '',
].join('\n');

let client: LspClient;
const uri = 'file:///ws/symbols.yaml';
before(async () => {
  client = await LspClient.start();
  await client.open(uri, text);
});
after(async () => {
  await client.dispose();
});

const cases: Array<{ name: string; index: number; symbol: string; detail?: string; lines: [number, number]; selection?: number; children?: string[] }> = [
  { name: 'a Deployment is Kind/name, with apiVersion and namespace', index: 0, symbol: 'Deployment/web', detail: 'apps/v1 · ns shop', lines: [0, 6], selection: 1 },
  { name: 'a document after --- starts after the marker', index: 1, symbol: 'Service/web', detail: 'v1', lines: [8, 11], selection: 10 },
  { name: 'a List has its items as children', index: 2, symbol: 'List/(unnamed)', lines: [13, 22], children: ['ConfigMap/settings', 'Secret/token-*'] },
  { name: 'a document without kind or name is still listed', index: 3, symbol: 'document/(unnamed)', lines: [24, 24] },
];

for (const c of cases) {
  test(`symbols: ${c.name}`, async () => {
    const symbols = await client.documentSymbols(uri);
    assert.equal(symbols.length, 4);
    const symbol = symbols[c.index];
    assert.equal(symbol.name, c.symbol);
    if (c.detail) assert.equal(symbol.detail, c.detail);
    assert.deepEqual([symbol.range.start.line, symbol.range.end.line], c.lines);
    if (c.selection !== undefined) assert.equal(symbol.selectionRange.start.line, c.selection);
    if (c.children) assert.deepEqual(symbol.children?.map((s) => s.name), c.children);
  });
}

test('folding: one range per multi-line document, and per multi-line block', async () => {
  const ranges = (await client.foldingRanges(uri)).map((r) => `${r.startLine}-${r.endLine}`);
  for (const expected of ['0-6', '8-11', '13-22', '2-4', '5-6', '15-22', '21-22']) assert.ok(ranges.includes(expected), `${expected} missing from ${ranges.join(', ')}`);
  assert.ok(!ranges.some((r) => r === '24-24'), 'a one-line document does not fold');
});

test('symbols: an unknown document answers with an empty outline', async () => {
  assert.deepEqual(await client.documentSymbols('file:///ws/not-open.yaml'), []);
  assert.deepEqual(await client.foldingRanges('file:///ws/not-open.yaml'), []);
});
