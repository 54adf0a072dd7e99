/**
 * The headers of a virtual grid (virtualGrid.ts) as keyboard stops: each rendered header is marked with
 * its row or column; one holding a button (e.g. a group's expand toggle) is reached on that button, any
 * other is focusable itself. Neither is a tab stop: the arrow keys reach them from the cells.
 */
export type HeaderAxis = 'row' | 'col';

export function markHeader(header: HTMLElement, axis: HeaderAxis, index: number): void {
  header.dataset[axis === 'row' ? 'headerRow' : 'headerCol'] = String(index);
  if (!header.querySelector('button')) header.tabIndex = -1;
}

/** What takes the focus in a header: its button, else the header. */
export function headerFocusTarget(header: HTMLElement): HTMLElement {
  return header.querySelector<HTMLElement>('button') ?? header;
}

/** The header an event happened in, with its axis and index. */
export function headerOf(target: EventTarget | null): { axis: HeaderAxis; index: number } | null {
  const header = target instanceof Element ? target.closest<HTMLElement>('[data-header-row], [data-header-col]') : null;
  if (!header) return null;
  const row = header.dataset.headerRow;
  return row !== undefined ? { axis: 'row', index: Number(row) } : { axis: 'col', index: Number(header.dataset.headerCol) };
}

/** An arrow key on a header: to the next or previous header along the axis, or into the first row or column of cells. */
export function headerMove(key: string, axis: HeaderAxis, index: number): { header: number } | { cell: [row: number, col: number] } | null {
  const [along, back, into] = axis === 'row' ? ['ArrowDown', 'ArrowUp', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft', 'ArrowDown'];
  if (key === along) return { header: index + 1 };
  if (key === back) return { header: index - 1 };
  if (key === into) return { cell: axis === 'row' ? [index, 0] : [0, index] };
  return null;
}
