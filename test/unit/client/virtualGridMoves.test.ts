import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cellMove, scrolledTo, type CellPosition } from '../../../client/webview/virtualGridMoves';

/** A 10×6 grid whose viewport shows 4 rows. */
const GRID = { rows: 10, cols: 6, page: 4 };

const CASES: Array<[key: string, from: CellPosition, control: boolean, to: CellPosition | null]> = [
  ['ArrowRight', [2, 2], false, [2, 3]],
  ['ArrowLeft', [2, 2], false, [2, 1]],
  ['ArrowDown', [2, 2], false, [3, 2]],
  ['ArrowUp', [2, 2], false, [1, 2]],
  ['ArrowRight', [2, 5], false, [2, 5]],
  ['ArrowDown', [9, 0], false, [9, 0]],
  ['PageDown', [2, 3], false, [6, 3]],
  ['PageDown', [8, 3], false, [9, 3]],
  ['PageUp', [5, 3], false, [1, 3]],
  ['PageUp', [2, 3], false, [0, 3]],
  ['Home', [4, 4], false, [4, 0]],
  ['End', [4, 1], false, [4, 5]],
  ['Home', [4, 4], true, [0, 0]],
  ['End', [4, 1], true, [9, 5]],
  ['Enter', [4, 1], false, null],
  ['a', [4, 1], true, null],
];

describe('virtual grid: where a key moves the focus from a cell', () => {
  for (const [key, from, control, to] of CASES) {
    it(`${control ? 'Ctrl+' : ''}${key} from ${from.join(',')} → ${to ? to.join(',') : 'not handled'}`, () => {
      assert.deepEqual(cellMove(key, from, GRID, control), to);
    });
  }
});

describe('virtual grid: the scroll that shows a cell', () => {
  const cases: Array<[name: string, offset: number, start: number, expected: number]> = [
    ['already in view: unchanged', 100, 150, 100],
    ['above the viewport: its top at the top', 100, 40, 40],
    ['below the viewport: its bottom at the bottom', 100, 380, 120],
    ['at the start: zero', 0, 0, 0],
  ];
  for (const [name, offset, start, expected] of cases) {
    it(name, () => assert.equal(scrolledTo(offset, 300, start, 40), expected));
  }
});
