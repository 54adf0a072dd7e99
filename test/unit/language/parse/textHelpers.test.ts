import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAround } from '../../../../server/src/language/parse/chunkAround';
import { documentAt, documentAtLine, offsetIn } from '../../../../server/src/language/parse/documentAt';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { splitDocuments } from '../../../../server/src/language/parse/splitDocuments';
import { stripBom } from '../../../../server/src/language/parse/stripBom';

const text = ['a: 1', '---', 'b: 2', 'c: 3', '--- # two', 'd: 4', ''].join('\n');
const docs = parseFile(text).documents;

test('stripBom: drops one leading byte-order mark, nothing else', () => {
  assert.equal(stripBom('\ufeffa: 1'), 'a: 1');
  assert.equal(stripBom('a: \ufeff'), 'a: \ufeff');
  assert.equal(stripBom(''), '');
});

const offsets: Array<{ name: string; offset: number; expect: [number, number] | null }> = [
  { name: 'start of the file', offset: 0, expect: [0, 0] },
  { name: 'on a marker line', offset: 5, expect: [1, 0] },
  { name: 'inside the second document', offset: 9, expect: [1, 4] },
  { name: 'last character', offset: text.length, expect: [2, text.length - docs[2].chunk.offset] },
];
for (const c of offsets) {
  test(`documentAt: ${c.name}`, () => {
    const found = documentAt(docs, c.offset);
    assert.deepEqual(found && [docs.indexOf(found.doc), found.offset], c.expect);
  });
}

test('documentAt: nothing in a file without documents', () => {
  assert.equal(documentAt([], 0), undefined);
  assert.equal(documentAtLine([], 0), undefined);
});

test('documentAtLine: the document whose chunk holds the line', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => docs.indexOf(documentAtLine(docs, line)!)), [0, 1, 1, 1, 2, 2]);
});

test('offsetIn: a file position inside a document chunk', () => {
  assert.equal(offsetIn(docs[1], { line: 3, character: 1 }), '---\nb: 2\nc'.length);
});

test('chunkAround: the same cut as splitDocuments, at every offset', () => {
  for (const sample of [text, 'x: 1\n', '---\n---\n', 'a: |\n  ---x\n---\nb: 1', '']) {
    const chunks = splitDocuments(sample);
    for (let offset = 0; offset <= sample.length; offset++) {
      // The chunk holding an offset: the last one starting at or before it.
      const expected = chunks.filter((c) => c.offset <= offset).at(-1)!;
      assert.deepEqual(chunkAround(sample, offset), { text: expected.text, offset: expected.offset }, `${JSON.stringify(sample)} @${offset}`);
    }
  }
});
