import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FILE_CHARS, MAX_LINE_CHARS, oversizeReason } from '../../../../server/src/language/parse/limits';

const M = MAX_LINE_CHARS;
const line = (length: number) => 'x'.repeat(length);

// [name, text, the line the reason names (1-based), or undefined when the file is within budget]
const cases: Array<[string, string, number | undefined]> = [
  ['empty', '', undefined],
  ['many short lines', 'a: 1\n'.repeat(300_000), undefined],
  ['a line of exactly the limit', `${line(M)}\nb: 2\n`, undefined],
  ['a line of the limit, last, without a line break', `a: 1\n${line(M)}`, undefined],
  ['two lines of the limit side by side', `${line(M)}\n${line(M)}\n`, undefined],
  ['one character over, first line', `${line(M + 1)}\nb: 2\n`, 1],
  ['one character over, last line without a line break', `a: 1\nb: 2\n${line(M + 1)}`, 3],
  ['over, after lines that end just inside the window', `${line(M - 1)}\n${line(10)}\n${line(M + 5)}\n`, 3],
  ['over, after many short lines', `${'a: 1\n'.repeat(1000)}${line(2 * M)}\n`, 1001],
  ['a lone line break inside a long stretch', `${line(M)}\n${line(M)}\n${line(M + 1)}`, 3],
];

for (const [name, text, expectedLine] of cases) {
  test(`oversizeReason: ${name}`, () => {
    const reason = oversizeReason(text);
    if (expectedLine === undefined) assert.equal(reason, undefined);
    else assert.match(reason ?? '', new RegExp(`^Line ${expectedLine} is `));
  });
}

test('oversizeReason: a file over the size budget is refused for its size', () => {
  assert.match(oversizeReason('a: 1\n'.repeat(Math.ceil(MAX_FILE_CHARS / 5) + 1)) ?? '', /^This file is /);
});
