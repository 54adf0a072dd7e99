import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkCache } from '../../../../server/src/language/parse/chunkCache';
import { parseFile } from '../../../../server/src/language/parse/parseFile';

/** Documents `a`…`f`, each one small map: the file is the listed ones joined by `---`. */
const doc = (name: string, value = 1) => `${name}: ${value}\n`;
const file = (...docs: string[]) => docs.join('---\n');
const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((name) => doc(name));

const cases: Array<{ name: string; before: string; after: string; reparsed: string[] }> = [
  { name: 'nothing changed', before: file(a, b, c), after: file(a, b, c), reparsed: [] },
  { name: 'an edit in the first document', before: file(a, b, c), after: file(doc('a', 2), b, c), reparsed: ['a'] },
  { name: 'an edit in the middle document', before: file(a, b, c), after: file(a, doc('b', 2), c), reparsed: ['b'] },
  { name: 'an edit in the last document', before: file(a, b, c), after: file(a, b, doc('c', 2)), reparsed: ['c'] },
  { name: 'a document inserted in the middle', before: file(a, b, c), after: file(a, b, d, c), reparsed: ['d'] },
  { name: 'a document removed', before: file(a, b, c, d), after: file(a, c, d), reparsed: [] },
  { name: 'two documents swapped', before: file(a, b, c, d), after: file(a, c, b, d), reparsed: [] },
  { name: 'edits at both ends', before: file(a, b, c, d), after: file(doc('a', 2), b, c, doc('d', 2)), reparsed: ['a', 'd'] },
  { name: 'everything replaced', before: file(a, b), after: file(c, d, e), reparsed: ['c', 'd', 'e'] },
  { name: 'a repeated document added', before: file(a, b), after: file(a, b, b), reparsed: [] },
  { name: 'from an empty file', before: '', after: file(a, b), reparsed: ['a', 'b'] },
];

for (const { name, before, after, reparsed } of cases) {
  test(`chunk cache: ${name}`, () => {
    const cache = new ChunkCache();
    const first = parseFile(before, cache).documents;
    const second = parseFile(after, cache).documents;
    const ids = new Set(first.map((document) => document.id));
    const names = second.filter((document) => !ids.has(document.id)).map((document) => Object.keys(document.value as object)[0]);
    assert.deepEqual(names, reparsed, 'the documents parsed again');
    // Reused or not, every document is where the new text has it, with the same value a fresh parse gives.
    const fresh = parseFile(after).documents;
    assert.deepEqual(second.map((document) => [document.chunk.offset, document.chunk.line, document.value]), fresh.map((document) => [document.chunk.offset, document.chunk.line, document.value]));
  });
}

test('chunk cache: cleared, it reuses nothing', () => {
  const cache = new ChunkCache();
  const first = parseFile(file(a, b), cache).documents;
  cache.clear();
  const second = parseFile(file(a, b), cache).documents;
  assert.ok(second.every((document, i) => document.id !== first[i].id));
});
