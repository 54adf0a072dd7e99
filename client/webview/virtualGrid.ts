import { el } from './dom';
import { onNextFrame } from './frameCoalescer';
import { headerFocusTarget, headerMove, headerOf, markHeader, type HeaderAxis } from './virtualGridHeaders';
import { cellMove, clamp, scrolledTo, type CellPosition } from './virtualGridMoves';

export interface VirtualGridOptions {
  /** aria-label of the grid (asked on every setSize: the page's language comes with the first model). */
  label(): string;
  /** Classes of the grid element (besides `vgrid`). */
  className: string;
  /** Text of the top-left corner header, for screen readers only (asked like `label`). */
  cornerLabel(): string;
  /** Width and height in px of a cell (every cell has the same size). */
  cellSize: number;
  rowHeaderWidth: number;
  columnHeaderHeight: number;
  /** Cells rendered beyond each edge of the viewport. */
  overscanCells?: number;
  /** Up to this many cells the window is the whole grid (everything is rendered). */
  renderAllUpTo?: number;
  /** Builds a column's header; the grid gives it its role, index and position. */
  renderColumnHeader(col: number): HTMLElement;
  renderRowHeader(row: number): HTMLElement;
  /** Builds a focusable cell (a button): the grid gives it its role, indexes, tab stop and position. */
  renderCell(row: number, col: number): HTMLElement;
  /** A click on a cell (for a button, also Enter and Space). */
  activate(row: number, col: number): void;
}

interface RenderedRow {
  element: HTMLElement;
  header: HTMLElement;
  cells: Map<number, HTMLElement>;
}

/** [first, end) of the rendered rows and columns. */
interface GridWindow {
  rows: [number, number];
  cols: [number, number];
}

/**
 * A two-dimensional virtual grid (ARIA `grid`): fixed-size cells in a scroll container whose content
 * has the size of the whole grid, and in the DOM only the rows and columns that intersect the
 * viewport (plus overscan), so a 400×400 matrix costs about as much as the thousand cells on screen.
 * The column headers stick to the top and the row headers to the left; rendered rows and cells carry
 * `aria-rowindex`/`aria-colindex` (1 is the header row and the header column).
 *
 * Keyboard (one tab stop, roving tabindex): arrows, Home/End (in the row), Ctrl+Home/Ctrl+End (in the
 * grid), PageUp/PageDown. A move scrolls the target into view and renders it before focusing it; the
 * active cell stays rendered when scrolled away, so Tab always finds the grid. The headers are reached
 * with the arrows too (left of the first column, above the first row; their button when they hold one,
 * e.g. to expand a group), and arrows move along them and back into the cells.
 */
export class VirtualGrid {
  readonly element: HTMLElement;
  private readonly head: HTMLElement;
  private readonly corner: HTMLElement;
  private readonly cornerText = el('span', { class: 'visually-hidden' });
  private readonly body: HTMLElement;
  private rowCount = 0;
  private colCount = 0;
  private readonly rows = new Map<number, RenderedRow>();
  private readonly columnHeaders = new Map<number, HTMLElement>();
  private active: CellPosition = [0, 0];
  /** Renders at the next frame, once per burst of scroll events. */
  private readonly requestRender = onNextFrame(() => this.render());
  private lastScroll = { top: 0, left: 0 };

  constructor(private readonly options: VirtualGridOptions) {
    this.corner = el('div', { class: 'vgrid-corner', role: 'columnheader', 'aria-colindex': 1 }, this.cornerText);
    this.corner.style.width = `${options.rowHeaderWidth}px`;
    this.head = el('div', { class: 'vgrid-head', role: 'row', 'aria-rowindex': 1 }, this.corner);
    this.head.style.height = `${options.columnHeaderHeight}px`;
    this.body = el('div', { class: 'vgrid-body' });
    this.element = el('div', { class: `vgrid ${options.className}`, role: 'grid' }, this.head, this.body);
    // Focus moved by the browser (Tab into the grid) scrolls the cell clear of the sticky headers.
    this.element.style.scrollPaddingTop = `${options.columnHeaderHeight}px`;
    this.element.style.scrollPaddingLeft = `${options.rowHeaderWidth}px`;
    this.element.addEventListener('scroll', () => this.requestRender());
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.element.addEventListener('focusin', (event) => {
      const position = cellPosition(event.target);
      if (position) this.setActive(position);
    });
    // One listener for every cell (cells come and go while scrolling).
    this.element.addEventListener('click', (event) => {
      const position = cellPosition(event.target);
      if (position) this.options.activate(...position);
    });
    // Hidden (another tab shown): leave the DOM as it is; shown again or resized: render for the new viewport.
    new ResizeObserver(() => {
      if (this.element.clientHeight > 0) this.render();
    }).observe(this.element);
  }

  /** Sets the size (a new model) and renders every cell again; focus stays on the active cell. */
  setSize(rows: number, cols: number): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.element.setAttribute('aria-label', this.options.label());
    this.cornerText.textContent = this.options.cornerLabel();
    this.rowCount = rows;
    this.colCount = cols;
    this.active = [clamp(this.active[0], rows), clamp(this.active[1], cols)];
    for (const row of this.rows.values()) row.element.remove();
    this.rows.clear();
    for (const header of this.columnHeaders.values()) header.remove();
    this.columnHeaders.clear();
    const { cellSize, rowHeaderWidth } = this.options;
    const width = `${rowHeaderWidth + cols * cellSize}px`;
    this.head.style.width = width;
    this.body.style.width = width;
    this.body.style.height = `${rows * cellSize}px`;
    this.element.setAttribute('aria-rowcount', String(rows + 1));
    this.element.setAttribute('aria-colcount', String(cols + 1));
    this.render();
    if (hadFocus) this.cellAt(...this.active)?.focus({ preventScroll: true });
  }

  /** The rendered cell at (row, col), if it is in the DOM now. */
  cellAt(row: number, col: number): HTMLElement | undefined {
    return this.rows.get(row)?.cells.get(col);
  }

  /** Makes (row, col) the active cell, scrolls it clear of the headers, renders it and optionally focuses it. */
  reveal(row: number, col: number, focus: boolean): void {
    if (row < 0 || row >= this.rowCount || col < 0 || col >= this.colCount) return;
    this.setActive([row, col]);
    const { cellSize, rowHeaderWidth, columnHeaderHeight } = this.options;
    const viewport = this.element;
    viewport.scrollTop = scrolledTo(viewport.scrollTop, viewport.clientHeight - columnHeaderHeight, row * cellSize, cellSize);
    viewport.scrollLeft = scrolledTo(viewport.scrollLeft, viewport.clientWidth - rowHeaderWidth, col * cellSize, cellSize);
    this.render();
    if (focus) this.cellAt(row, col)?.focus({ preventScroll: true });
  }

  /** Renders the rows and columns of the window and the active cell, and drops the others. */
  private render(): void {
    const { rows: [r0, r1], cols: [c0, c1] } = this.windowRange();
    const [activeRow] = this.active;
    const hasActive = this.rowCount > 0 && this.colCount > 0;
    for (const [index, row] of this.rows) {
      if ((index >= r0 && index < r1) || (hasActive && index === activeRow)) continue;
      row.element.remove();
      this.rows.delete(index);
    }
    // Rows, cells and headers stay in index order in the DOM (screen readers read it in that order).
    let previous: HTMLElement | null = null;
    if (hasActive && activeRow < r0) previous = this.syncRow(activeRow, previous, 0, 0);
    for (let r = r0; r < r1; r++) previous = this.syncRow(r, previous, c0, c1);
    if (hasActive && activeRow >= r1) this.syncRow(activeRow, previous, 0, 0);
    this.syncColumnHeaders(c0, c1);
  }

  /**
   * The rows and columns that intersect the viewport, plus overscan. After a jump of more than a
   * screen (dragging a scrollbar) only the visible ones, this frame; the overscan follows in the next.
   */
  private windowRange(): GridWindow {
    if (this.rowCount * this.colCount <= (this.options.renderAllUpTo ?? 0)) return { rows: [0, this.rowCount], cols: [0, this.colCount] };
    const { cellSize, rowHeaderWidth, columnHeaderHeight } = this.options;
    const { scrollTop: top, scrollLeft: left } = this.element;
    const height = Math.max(0, this.element.clientHeight - columnHeaderHeight);
    const width = Math.max(0, this.element.clientWidth - rowHeaderWidth);
    const jumped = Math.abs(top - this.lastScroll.top) > height || Math.abs(left - this.lastScroll.left) > width;
    this.lastScroll = { top, left };
    const overscan = jumped ? 0 : this.options.overscanCells ?? 4;
    if (jumped) this.requestRender();
    const span = (start: number, length: number, count: number): [number, number] =>
      [Math.max(0, Math.floor(start / cellSize) - overscan), Math.min(count, Math.ceil((start + length) / cellSize) + overscan)];
    return { rows: span(top, height, this.rowCount), cols: span(left, width, this.colCount) };
  }

  /** Renders row `index` after `previous` with the cells of columns [c0, c1) (and the active cell). */
  private syncRow(index: number, previous: HTMLElement | null, c0: number, c1: number): HTMLElement {
    let row = this.rows.get(index);
    if (!row) {
      row = this.createRow(index);
      this.rows.set(index, row);
      if (previous) previous.after(row.element);
      else this.body.prepend(row.element);
    }
    const [activeRow, activeCol] = this.active;
    const activeHere = index === activeRow;
    for (const [col, cell] of row.cells) {
      if ((col >= c0 && col < c1) || (activeHere && col === activeCol)) continue;
      cell.remove();
      row.cells.delete(col);
    }
    let before = row.header;
    if (activeHere && activeCol < c0) before = this.syncCell(row, index, activeCol, before);
    for (let c = c0; c < c1; c++) before = this.syncCell(row, index, c, before);
    if (activeHere && activeCol >= c1) this.syncCell(row, index, activeCol, before);
    return row.element;
  }

  private createRow(index: number): RenderedRow {
    const { cellSize, rowHeaderWidth } = this.options;
    const header = this.options.renderRowHeader(index);
    header.setAttribute('role', 'rowheader');
    header.setAttribute('aria-colindex', '1');
    markHeader(header, 'row', index);
    header.style.width = `${rowHeaderWidth}px`;
    header.style.height = `${cellSize}px`;
    const element = el('div', { class: 'vgrid-row', role: 'row', 'aria-rowindex': index + 2 }, header);
    element.style.transform = `translateY(${index * cellSize}px)`;
    element.style.width = `${rowHeaderWidth + this.colCount * cellSize}px`;
    element.style.height = `${cellSize}px`;
    return { element, header, cells: new Map() };
  }

  /** Renders the cell (row, col) right after `before` unless it is there; returns it. */
  private syncCell(row: RenderedRow, r: number, c: number, before: HTMLElement): HTMLElement {
    const existing = row.cells.get(c);
    if (existing) return existing;
    const cell = this.options.renderCell(r, c);
    cell.classList.add('vgrid-cell');
    cell.setAttribute('role', 'gridcell');
    cell.setAttribute('aria-colindex', String(c + 2));
    cell.dataset.row = String(r);
    cell.dataset.col = String(c);
    cell.tabIndex = r === this.active[0] && c === this.active[1] ? 0 : -1;
    cell.style.left = `${this.options.rowHeaderWidth + c * this.options.cellSize}px`;
    row.cells.set(c, cell);
    before.after(cell);
    return cell;
  }

  private syncColumnHeaders(c0: number, c1: number): void {
    for (const [col, header] of this.columnHeaders) {
      if (col >= c0 && col < c1) continue;
      header.remove();
      this.columnHeaders.delete(col);
    }
    let before = this.corner;
    for (let c = c0; c < c1; c++) {
      let header = this.columnHeaders.get(c);
      if (!header) {
        header = this.options.renderColumnHeader(c);
        header.setAttribute('role', 'columnheader');
        header.setAttribute('aria-colindex', String(c + 2));
        markHeader(header, 'col', c);
        header.style.left = `${this.options.rowHeaderWidth + c * this.options.cellSize}px`;
        header.style.width = `${this.options.cellSize}px`;
        this.columnHeaders.set(c, header);
        before.after(header);
      }
      before = header;
    }
  }

  private setActive([row, col]: CellPosition): void {
    const [oldRow, oldCol] = this.active;
    if (row === oldRow && col === oldCol) return;
    const previous = this.cellAt(oldRow, oldCol);
    if (previous) previous.tabIndex = -1;
    this.active = [row, col];
    const next = this.cellAt(row, col);
    if (next) next.tabIndex = 0;
  }

  /** Focuses the header of a row or a column (its button when it holds one), scrolled into view; the active cell follows it. */
  focusHeader(axis: HeaderAxis, index: number): void {
    const [row, col] = axis === 'row' ? [index, this.active[1]] : [this.active[0], index];
    if (row < 0 || row >= this.rowCount || col < 0 || col >= this.colCount) return;
    this.reveal(row, col, false);
    const header = axis === 'row' ? this.rows.get(row)?.header : this.columnHeaders.get(col);
    if (header) headerFocusTarget(header).focus({ preventScroll: true });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const position = cellPosition(event.target);
    const header = position ? null : headerOf(event.target);
    const move = header && headerMove(event.key, header.axis, header.index);
    if (header && move) {
      event.preventDefault();
      if ('cell' in move) this.reveal(...move.cell, true);
      else this.focusHeader(header.axis, move.header);
    }
    if (!position) return;
    const [row, col] = position;
    if ((event.key === 'ArrowLeft' && col === 0) || (event.key === 'ArrowUp' && row === 0)) {
      event.preventDefault();
      this.focusHeader(event.key === 'ArrowLeft' ? 'row' : 'col', event.key === 'ArrowLeft' ? row : col);
      return;
    }
    const page = Math.max(1, Math.floor((this.element.clientHeight - this.options.columnHeaderHeight) / this.options.cellSize));
    const target = cellMove(event.key, [row, col], { rows: this.rowCount, cols: this.colCount, page }, event.ctrlKey || event.metaKey);
    if (!target) return;
    event.preventDefault();
    this.reveal(...target, true);
  }
}


/** The row and column of a rendered cell (or of the element inside one). */
function cellPosition(target: EventTarget | null): CellPosition | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('.vgrid-cell') : null;
  return cell ? [Number(cell.dataset.row), Number(cell.dataset.col)] : null;
}
