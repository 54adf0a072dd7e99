// Where a virtual grid (virtualGrid.ts) moves its focus and its scroll: pure arithmetic, tested on its own.

/** A cell's row and column in a virtual grid. */
export type CellPosition = [row: number, col: number];

/** What a key press on a cell needs to know of the grid. */
export interface GridExtent {
  rows: number;
  cols: number;
  /** Rows a page key moves (those that fit in the viewport). */
  page: number;
}

/**
 * Where a key moves the focus from the cell at `from`: arrows by one cell, PageUp/PageDown by a page,
 * Home/End to the row's ends (with Ctrl or Cmd, the grid's), kept inside the grid; null for any other
 * key. (An arrow past the first row or column goes to the headers: the grid handles that first.)
 */
export function cellMove(key: string, [row, col]: CellPosition, grid: GridExtent, control: boolean): CellPosition | null {
  switch (key) {
    case 'ArrowRight': col++; break;
    case 'ArrowLeft': col--; break;
    case 'ArrowDown': row++; break;
    case 'ArrowUp': row--; break;
    case 'PageDown': row += grid.page; break;
    case 'PageUp': row -= grid.page; break;
    case 'Home': [row, col] = [control ? 0 : row, 0]; break;
    case 'End': [row, col] = [control ? grid.rows - 1 : row, grid.cols - 1]; break;
    default: return null;
  }
  return [clamp(row, grid.rows), clamp(col, grid.cols)];
}

/** The scroll offset that shows [start, start + size) in a viewport of `length` px scrolled to `offset`. */
export function scrolledTo(offset: number, length: number, start: number, size: number): number {
  if (start < offset) return start;
  if (start + size > offset + length) return Math.max(0, start + size - length);
  return offset;
}

/** An index kept inside [0, count). */
export function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}
