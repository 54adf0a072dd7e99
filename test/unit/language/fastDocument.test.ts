import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FastDocument } from '../../../server/src/language/parse/fastDocument';
import { fastParse } from '../../../server/src/language/parse/fastParse';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { ChunkCache } from '../../../server/src/language/parse/chunkCache';
import { locate } from '../../../server/src/language/parse/locate';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n';

test('a fast-path document builds its tree on first use, equal to an eager parse', () => {
  const [doc] = parseFile(deployment).documents;
  assert.ok(doc instanceof FastDocument, 'ordinary manifests take the fast path');
  assert.deepStrictEqual(doc.value, fastParse(deployment)?.value);
  const root = doc.root;
  assert.deepStrictEqual(root, fastParse(deployment)?.root);
  assert.equal(doc.root, root, 'built once');
  assert.deepEqual(locate(doc, ['spec', 'replicas'], 'value').range, { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } });
});

test('a cached document moved by an edit above it keeps its id and shares its tree', () => {
  const cache = new ChunkCache();
  const before = parseFile(`${deployment}---\n${service}`, cache).documents[1];
  const tree = before.root;
  const after = parseFile(`# a comment line added on top\n${deployment}---\n${service}`, cache).documents[1];
  assert.notEqual(after, before);
  assert.equal(after.id, before.id);
  assert.equal(after.chunk.line, before.chunk.line + 1);
  assert.equal(after.root, tree, 'the tree is shared, not rebuilt');
});

test('a chunk the fast path declines is parsed in full, with its tree at once', () => {
  const [doc] = parseFile('a: &x 1\nb: *x\n').documents;
  assert.ok(!(doc instanceof FastDocument));
  assert.equal(doc.root?.kind, 'map');
});
