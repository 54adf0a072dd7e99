import type { PreviewConnectionExplanation, PreviewDirectionVerdict, ReachQuery, SourceLocation } from '../../server/src/protocol/preview';
import { el, replaceChildren, setAttributes } from './dom';
import { renderConnectionExplanation } from './connectionExplanation';
import type { ModelIndex } from './modelIndex';
import { buildReachGrid, CELL_GLYPH, CELL_WORD, type ReachGrid } from './reachGrid';
import { VirtualGrid, type CellPosition } from './virtualGrid';

/** px of a cell: the 26px `.reach-cell` and its 1px margins (media/network.css). */
const CELL_SIZE = 28;
const ROW_HEADER_WIDTH = 200;
const COLUMN_HEADER_HEIGHT = 120;
/** Up to 40×40 endpoints every cell is in the DOM; past that only the cells near the viewport. */
const RENDER_ALL_UP_TO = 40 * 40;

const EMPTY_GRID: ReachGrid = { labels: [], members: [], cells: [] };

export interface NetworkActions {
  /** Ask the host why a cell has its verdict (answered with `showConnectionExplanation`). */
  explainConnection(from: string, to: string): void;
  reveal(location: SourceLocation): void;
}

/** What the host answered for a cell: loading, nothing (the endpoints are gone), or the explanation. */
type FetchedExplanation = { state: 'loading' } | { state: 'missing' } | { state: 'loaded'; explanation: PreviewConnectionExplanation };

/**
 * The network tab: the NetworkPolicy reachability matrix as a grid (rows are sources, columns
 * destinations; green ✓ allowed, red ✕ denied, ◐ some ports), and the explanation of a chosen cell.
 * The grid is virtualised in both directions (a workspace of 400 workloads is 160,000 cells).
 * Arrow keys move between cells (one tab stop); Enter or a click explains the cell.
 */
export class NetworkView {
  readonly element = el('section', { class: 'view view-network', 'aria-label': 'Network reachability' });
  private readonly explanation = el('div', { class: 'reach-explanation', 'aria-live': 'polite' });
  private readonly notes = el('ul', { class: 'notes' });
  private readonly view: VirtualGrid;
  private grid: ReachGrid = EMPTY_GRID;
  /** The explained cell, marked wherever it is rendered. */
  private selected: CellPosition | null = null;
  /** The host's explanations of cells of this model, by "from\u0000to" (reset with each model). */
  private readonly fetched = new Map<string, FetchedExplanation>();
  /** Where the selected cell's policies and rules go (refilled when the host answers). */
  private readonly rules = el('section', { class: 'reach-rules', 'aria-label': 'Policies that decide it' });

  constructor(private readonly actions: NetworkActions) {
    this.view = new VirtualGrid({
      label: 'Reachability matrix: rows are sources, columns are destinations',
      className: 'reach-grid',
      cornerLabel: 'From \\ to',
      cellSize: CELL_SIZE,
      rowHeaderWidth: ROW_HEADER_WIDTH,
      columnHeaderHeight: COLUMN_HEADER_HEIGHT,
      renderAllUpTo: RENDER_ALL_UP_TO,
      renderColumnHeader: (c) => el('div', { class: 'reach-col', title: this.grid.labels[c] }, el('span', {}, this.grid.labels[c])),
      renderRowHeader: (r) => el('div', { class: 'reach-row', title: this.grid.labels[r] }, el('span', {}, this.grid.labels[r])),
      renderCell: (r, c) => this.renderCell(r, c),
      activate: (r, c) => this.explain(r, c),
    });
  }

  update(index: ModelIndex): void {
    const reach = index.model.reach;
    this.selected = null;
    this.fetched.clear();
    replaceChildren(this.explanation);
    if (!reach || (reach.queries.length === 0 && !reach.matrix)) {
      this.grid = EMPTY_GRID;
      this.view.setSize(0, 0);
      replaceChildren(this.element, el('p', { class: 'empty' }, 'No reachability result: add NetworkPolicies or connection queries to the previewed manifests.'));
      return;
    }
    this.grid = buildReachGrid(reach);
    replaceChildren(this.notes, ...(reach.notes ?? []).map((note) => el('li', {}, note)));
    this.notes.hidden = this.notes.childElementCount === 0;
    // The grid stays in the page from one model to the next, so it keeps its scroll position.
    if (this.view.element.parentElement !== this.element) {
      replaceChildren(this.element,
        el('p', { class: 'summary' }, 'Rows open connections to columns. Select a cell for the policies that decide it.'),
        renderLegend(),
        this.view.element,
        this.explanation,
        this.notes,
      );
    }
    this.view.setSize(this.grid.labels.length, this.grid.labels.length);
  }

  private renderCell(r: number, c: number): HTMLElement {
    const { labels, cells } = this.grid;
    const cell = cells[r][c];
    const selected = this.selected !== null && this.selected[0] === r && this.selected[1] === c;
    return el('button', {
      type: 'button',
      class: `reach-cell reach-${cell.state}${selected ? ' selected' : ''}`,
      'aria-label': `${labels[r]} to ${labels[c]}: ${CELL_WORD[cell.state]}${cell.state === 'partial' ? ` (${cell.text})` : ''}`,
      'aria-selected': selected ? 'true' : null,
      title: `${labels[r]} → ${labels[c]}: ${cell.text}`,
    }, CELL_GLYPH[cell.state]);
  }

  private explain(r: number, c: number): void {
    const grid = this.grid;
    if (this.selected) markSelected(this.view.cellAt(...this.selected), false);
    this.selected = [r, c];
    markSelected(this.view.cellAt(r, c), true);
    const cell = grid.cells[r][c];
    replaceChildren(this.explanation,
      el('h3', {}, `${grid.labels[r]} → ${grid.labels[c]}`),
      el('p', { class: `verdict reach-text-${cell.state}` }, `${CELL_GLYPH[cell.state]} ${cell.state === 'partial' && reachMatrixText(cell.text) ? `Only ${cell.text}` : cell.text}`),
      grid.members[r].length > 1 && el('p', { class: 'muted' }, `Sources: ${grid.members[r].join(', ')}`),
      grid.members[c].length > 1 && el('p', { class: 'muted' }, `Destinations: ${grid.members[c].join(', ')}`),
      cell.queries.length > 0 && el('div', {}, ...cell.queries.map(renderQuery)),
      this.rules,
    );
    if (cell.state === 'na' || cell.state === 'self') {
      replaceChildren(this.rules, el('p', { class: 'muted' }, cell.state === 'self'
        ? 'A pod can always reach itself: NetworkPolicy does not govern it.'
        : 'Neither side is in the cluster: NetworkPolicy does not govern it.'));
      return;
    }
    const key = `${grid.labels[r]}\u0000${grid.labels[c]}`;
    let fetched = this.fetched.get(key);
    if (!fetched) {
      fetched = { state: 'loading' };
      this.fetched.set(key, fetched);
      this.actions.explainConnection(grid.labels[r], grid.labels[c]);
    }
    this.renderRules(fetched);
  }

  /** The host's answer to `explainConnection`, kept for the model's life; true when it was drawn (it is for the selected cell). */
  showConnectionExplanation(from: string, to: string, explanation: PreviewConnectionExplanation | null): boolean {
    const key = `${from}\u0000${to}`;
    if (this.fetched.get(key)?.state !== 'loading') return false;
    const fetched: FetchedExplanation = explanation ? { state: 'loaded', explanation } : { state: 'missing' };
    this.fetched.set(key, fetched);
    const selected = this.selected;
    if (!selected || this.grid.labels[selected[0]] !== from || this.grid.labels[selected[1]] !== to) return false;
    this.renderRules(fetched);
    return true;
  }

  private renderRules(fetched: FetchedExplanation): void {
    if (fetched.state === 'loading') replaceChildren(this.rules, el('p', { class: 'muted' }, 'Loading the policies and rules that decide it…'));
    else if (fetched.state === 'missing') replaceChildren(this.rules, el('p', { class: 'muted' }, 'The explanation is not available: the simulation changed, or the language server is not running.'));
    else replaceChildren(this.rules, renderConnectionExplanation(fetched.explanation, this.actions.reveal));
  }
}

function renderQuery(query: ReachQuery): HTMLElement {
  return el('article', { class: `reach-query ${query.allowed ? 'reach-query-allowed' : 'reach-query-denied'}` },
    el('h4', {}, `${query.protocol} ${query.port}: ${query.allowed ? '✓ allowed' : '✕ denied'}`),
    query.explanation && el('p', {}, query.explanation),
    el('dl', { class: 'facts' },
      el('dt', {}, `Egress of ${query.from}`), el('dd', {}, directionText(query.egress)),
      el('dt', {}, `Ingress of ${query.to}`), el('dd', {}, directionText(query.ingress)),
    ),
  );
}

function directionText(verdict: PreviewDirectionVerdict): string {
  if (verdict.explanation) return verdict.explanation;
  if (!verdict.isolated) return 'not isolated: allowed by default';
  if (verdict.allowedBy.length > 0) return `allowed by ${verdict.allowedBy.join(', ')}`;
  return `isolated${verdict.isolatedBy?.length ? ` by ${verdict.isolatedBy.join(', ')}` : ''}, and no rule allows it`;
}

function renderLegend(): HTMLElement {
  const item = (state: 'allowed' | 'denied' | 'partial' | 'self', text: string) =>
    el('span', { class: 'legend-item' }, el('span', { class: `reach-cell reach-${state}`, 'aria-hidden': 'true' }, CELL_GLYPH[state]), text);
  return el('div', { class: 'legend', 'aria-label': 'Legend' }, item('allowed', 'allowed'), item('denied', 'denied'), item('partial', 'some ports'), item('self', 'self'));
}

/** Whether a cell's text is a port list from the matrix (as opposed to a list of query verdicts). */
function reachMatrixText(text: string): boolean {
  return /^(TCP|UDP|SCTP) /.test(text) && !/ (allowed|denied)/.test(text);
}

function markSelected(cell: HTMLElement | undefined, selected: boolean): void {
  if (!cell) return;
  cell.classList.toggle('selected', selected);
  setAttributes(cell, { 'aria-selected': selected ? 'true' : null });
}
