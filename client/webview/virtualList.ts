import { el } from './dom';
import { onNextFrame } from './frameCoalescer';

export interface VirtualListOptions<T> {
  /** aria-label of the list. */
  label: string;
  /** Height in px of an item's row at a given list width (rows may differ, e.g. by pod count). */
  rowHeight(item: T, width: number): number;
  /**
   * Builds the content of a row. The list wraps it in the focusable list item (position, size, tab
   * stop) and moves the content's `aria-label` onto that item.
   */
  renderRow(item: T, index: number): HTMLElement;
  /** Extra px rendered above and below the viewport. */
  overscanPx?: number;
  /** Enter on a row; without it Enter moves into the row's items. */
  activate?(item: T, index: number): void;
}

/**
 * Elements inside a row that take part in arrow-key navigation (pod chips) carry this attribute, with
 * a value unique in the row (it also lets `refresh` put focus back on the same item). Renderers
 * create them with `tabindex="-1"`; the list makes the active row's items tab stops.
 */
export const ROW_ITEM_ATTRIBUTE = 'data-focus-key';

/**
 * A scrolling list that keeps only the rows near the viewport in the DOM, so 1,000 nodes cost as much
 * as the dozen on screen. Rows have variable heights (prefix sums + binary search).
 *
 * Keyboard (one tab stop, "roving tabindex"): ↑/↓, PageUp/PageDown, Home/End move between rows;
 * Enter or → enters a row's items, ←/→ move between them, ↑/↓ or Escape go back to the rows.
 * The active row stays rendered while it has focus, even when scrolled away.
 */
export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private items: readonly T[] = [];
  /** offsets[i] = top of row i; offsets[items.length] = total height. */
  private offsets = new Float64Array(1);
  private width = -1;
  private readonly rows = new Map<number, HTMLElement>();
  private active = 0;
  /** Renders at the next frame, once per burst of scroll events. */
  private readonly requestRender = onNextFrame(() => this.render());
  private lastRenderTop = 0;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly options: VirtualListOptions<T>) {
    this.spacer = el('div', { class: 'vlist-spacer', 'aria-hidden': 'true' });
    this.element = el('div', { class: 'vlist', role: 'list', 'aria-label': options.label });
    this.element.appendChild(this.spacer);
    this.element.addEventListener('scroll', () => this.requestRender());
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.element.addEventListener('focusin', (event) => this.onFocusIn(event));
    this.resizeObserver = new ResizeObserver(() => {
      if (this.element.clientWidth !== this.width) this.rebuild(true);
      else this.render();
    });
    this.resizeObserver.observe(this.element);
  }

  setItems(items: readonly T[], activeIndex = 0): void {
    this.items = items;
    this.active = Math.max(0, Math.min(activeIndex, items.length - 1));
    this.rebuild(true);
  }

  get activeIndex(): number {
    return this.active;
  }

  /** Scrolls so that row `index` is visible, renders, and optionally focuses it. */
  reveal(index: number, focus: boolean): void {
    if (index < 0 || index >= this.items.length) return;
    this.setActive(index);
    const top = this.offsets[index];
    const bottom = this.offsets[index + 1];
    const viewport = this.element;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (bottom > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = Math.max(0, bottom - viewport.clientHeight);
    this.render();
    if (focus) this.rows.get(index)?.focus({ preventScroll: true });
  }

  /** Rebuilds the rendered rows (e.g. after the selection changed) without a new layout. */
  refresh(): void {
    this.rebuild(false);
  }

  /**
   * Drops the rendered rows, optionally recomputes the row heights, and renders again. Focus stays
   * on the item with the same `ROW_ITEM_ATTRIBUTE` value in the row at the same index (or on that row).
   */
  private rebuild(relayout: boolean): void {
    const focused = document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement) ? document.activeElement : null;
    const focusedRow = focused ? rowOf(focused) : null;
    const focusKey = focused && focused !== focusedRow ? focused.getAttribute(ROW_ITEM_ATTRIBUTE) : null;
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    if (relayout) this.layout();
    this.render();
    if (!focusedRow) return;
    const row = this.rows.get(Number(focusedRow.dataset.index));
    const target = focusKey ? row?.querySelector<HTMLElement>(`[${ROW_ITEM_ATTRIBUTE}="${CSS.escape(focusKey)}"]`) : row;
    (target ?? row)?.focus({ preventScroll: true });
  }

  /** The rendered row of an item, if it is in the DOM now. */
  rowAt(index: number): HTMLElement | undefined {
    return this.rows.get(index);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.element.remove();
  }

  private layout(): void {
    this.width = this.element.clientWidth;
    const offsets = new Float64Array(this.items.length + 1);
    for (let i = 0; i < this.items.length; i++) offsets[i + 1] = offsets[i] + this.options.rowHeight(this.items[i], this.width);
    this.offsets = offsets;
    this.spacer.style.height = `${offsets[this.items.length]}px`;
  }

  /**
   * Renders the rows that intersect the viewport (plus overscan and the active row). After a jump of
   * more than a screen (dragging the scrollbar) only the visible rows are built in that frame; the
   * overscan follows in the next one, when the scrolling has slowed down.
   */
  render(): void {
    const scrollTop = this.element.scrollTop;
    const height = Math.max(this.element.clientHeight, 1);
    const jumped = Math.abs(scrollTop - this.lastRenderTop) > height;
    this.lastRenderTop = scrollTop;
    const overscan = jumped ? 0 : this.options.overscanPx ?? 400;
    if (jumped) this.requestRender();
    const top = scrollTop - overscan;
    const bottom = scrollTop + height + overscan;
    const wanted = new Set<number>();
    for (let i = this.firstRowAt(top); i < this.items.length && this.offsets[i] < bottom; i++) wanted.add(i);
    if (this.items.length > 0) wanted.add(this.active);
    for (const [index, row] of this.rows) {
      if (wanted.has(index)) continue;
      row.remove();
      this.rows.delete(index);
    }
    for (const index of wanted) if (!this.rows.has(index)) this.mountRow(index);
  }

  private mountRow(index: number): void {
    const content = this.options.renderRow(this.items[index], index);
    const row = el('div', { class: 'vlist-row', role: 'listitem', 'aria-label': content.getAttribute('aria-label') });
    content.removeAttribute('aria-label');
    row.appendChild(content);
    row.setAttribute('aria-setsize', String(this.items.length));
    row.setAttribute('aria-posinset', String(index + 1));
    row.dataset.index = String(index);
    row.style.transform = `translateY(${this.offsets[index]}px)`;
    row.style.height = `${this.offsets[index + 1] - this.offsets[index]}px`;
    row.tabIndex = -1;
    if (index === this.active) setTabStops(row, true);
    this.rows.set(index, row);
    this.element.appendChild(row);
  }

  /** Index of the last row whose top is ≤ y (binary search over the prefix sums). */
  private firstRowAt(y: number): number {
    let low = 0;
    let high = this.items.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.offsets[mid] <= y) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  private setActive(index: number): void {
    if (index === this.active) return;
    const previous = this.rows.get(this.active);
    if (previous) setTabStops(previous, false);
    this.active = index;
    const next = this.rows.get(index);
    if (next) setTabStops(next, true);
  }

  private onFocusIn(event: FocusEvent): void {
    const row = rowOf(event.target);
    if (row) this.setActive(Number(row.dataset.index));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const row = rowOf(target);
    if (!row) return;
    const index = Number(row.dataset.index);
    const onRow = target === row;
    const page = Math.max(1, Math.floor(this.element.clientHeight / Math.max(1, this.offsets[index + 1] - this.offsets[index])));
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: this.items.length - 1 };
    const items = [...row.querySelectorAll<HTMLElement>(`[${ROW_ITEM_ATTRIBUTE}]`)];
    if (onRow && event.key in moves) {
      this.reveal(Math.max(0, Math.min(this.items.length - 1, moves[event.key])), true);
    } else if (onRow && event.key === 'Enter' && this.options.activate) {
      this.options.activate(this.items[index], index);
    } else if (onRow && (event.key === 'Enter' || event.key === 'ArrowRight') && items.length > 0) {
      items[0].focus();
    } else if (!onRow && (event.key === 'ArrowRight' || event.key === 'ArrowLeft') && items.includes(target)) {
      const next = items.indexOf(target) + (event.key === 'ArrowRight' ? 1 : -1);
      if (next >= 0 && next < items.length) items[next].focus();
    } else if (!onRow && (event.key === 'Escape' || event.key === 'ArrowUp' || event.key === 'ArrowDown') && items.includes(target)) {
      if (event.key === 'Escape') row.focus();
      else this.reveal(Math.max(0, Math.min(this.items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))), true);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }
}

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('.vlist-row') : null;
}

/** The active row and its items are tab stops; every other row is reachable with the arrow keys. */
function setTabStops(row: HTMLElement, active: boolean): void {
  row.tabIndex = active ? 0 : -1;
  for (const item of row.querySelectorAll<HTMLElement>(`[${ROW_ITEM_ATTRIBUTE}]`)) item.tabIndex = active ? 0 : -1;
}
