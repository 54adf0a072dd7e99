import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMarkerLine, splitDocuments } from '../../../server/src/language/parse/splitDocuments';

const cases: Array<{ name: string; text: string; expect: Array<[offset: number, line: number, text: string]> }> = [
  { name: 'single document', text: 'a: 1\n', expect: [[0, 0, 'a: 1\n']] },
  { name: 'empty text', text: '', expect: [[0, 0, '']] },
  { name: 'two documents', text: 'a: 1\n---\nb: 2\n', expect: [[0, 0, 'a: 1\n'], [5, 1, '---\nb: 2\n']] },
  { name: 'leading marker stays in first chunk', text: '---\na: 1\n', expect: [[0, 0, '---\na: 1\n']] },
  { name: 'marker with trailing comment', text: 'a: 1\n--- # next\nb: 2', expect: [[0, 0, 'a: 1\n'], [5, 1, '--- # next\nb: 2']] },
  { name: 'CRLF line ends', text: 'a: 1\r\n---\r\nb: 2\r\n', expect: [[0, 0, 'a: 1\r\n'], [6, 1, '---\r\nb: 2\r\n']] },
  { name: 'four dashes is not a marker', text: 'a: 1\n----\n', expect: [[0, 0, 'a: 1\n----\n']] },
  { name: 'indented dashes are not a marker', text: 'a: |\n  ---\n', expect: [[0, 0, 'a: |\n  ---\n']] },
  { name: 'marker at end of file', text: 'a: 1\n---', expect: [[0, 0, 'a: 1\n'], [5, 1, '---']] },
];

for (const c of cases) {
  test(`splitDocuments: ${c.name}`, () => {
    assert.deepEqual(
      splitDocuments(c.text).map((chunk) => [chunk.offset, chunk.line, chunk.text]),
      c.expect,
    );
  });
}

test('splitDocuments: chunks concatenate back to the text', () => {
  const text = 'a: 1\n---\nb: 2\n---\n---\nc: [1,\n 2]\n';
  assert.equal(splitDocuments(text).map((c) => c.text).join(''), text);
});

// [line text (at the start of a file, after `a: 1\n`), whether it is a document marker]
const markerLines: Array<[string, boolean]> = [
  ['---', true],
  ['---\n', true],
  ['--- # comment\n', true],
  ['---\t\n', true],
  ['---\r\n', true],
  ['--- !tag {}\n', true],
  ['----\n', false],
  ['---x\n', false],
  ['--\n', false],
  ['-- -\n', false],
  ['- ---\n', false],
  [' ---\n', false],
  ['- item\n', false],
];

for (const [line, marker] of markerLines) {
  test(`isMarkerLine: ${JSON.stringify(line)} ${marker ? 'is' : 'is not'} a marker`, () => {
    const text = `a: 1\n${line}`;
    assert.equal(isMarkerLine(text, 5), marker);
    assert.equal(splitDocuments(text).length, marker ? 2 : 1);
  });
}
