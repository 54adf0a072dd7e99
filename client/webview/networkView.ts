import * as l10n from '@vscode/l10n';
import type { PreviewConnectionExplanation, PreviewDirectionVerdict, ReachQuery, SourceLocation } from '../../server/src/protocol/preview';
import { el, replaceChildren, setAttributes } from './dom';
import { renderConnectionExplanation } from './connectionExplanation';
import type { ModelIndex } from './modelIndex';
import { reachEmptyState } from './reachEmptyState';
import { buildReachGrid, CELL_GLYPH, cellWord, type ReachCell, type ReachGrid } from './reachGrid';
import { renderReachHeader } from './reachHeaders';
import { renderReachLegend } from './reachLegend';
import { combinedCell, rangeName, reachLines, type ReachLine } from './reachLines';
import { VirtualGrid } from './virtualGrid';

/** px of a cell: the 26px `.reach-cell` and its 1px margins (media/network.css). */
const CELL_SIZE = 28;
const ROW_HEADER_WIDTH = 200;
const COLUMN_HEADER_HEIGHT = 120;
/** Up to 40×40 endpoints every cell is in the DOM; past that only the cells near the viewport. */
const RENDER_ALL_UP_TO = 40 * 40;

const EMPTY_GRID: ReachGrid = { labels: [], members: [], cells: [], endpoints: null };
/** The pairs a group cell lists, and the pods a side lists. */
const LISTED_PAIRS = 12;
const LISTED_PODS = 20;

export interface NetworkActions {
  /** Ask the host why a cell has its verdict (answered with `showConnectionExplanation`). */
  explainConnection(from: string, to: string): void;
  reveal(location: SourceLocation): void;
}

/** What the host answered for a cell: loading, nothing (the endpoints are gone), or the explanation. */
type FetchedExplanation = { state: 'loading' } | { state: 'missing' } | { state: 'loaded'; explanation: PreviewConnectionExplanation };

/**
 * The network tab: the NetworkPolicy reachability matrix as a grid (rows are sources, columns
 * destinations; the legend defines each state a cell can have), and the explanation of a chosen cell.
 * Rows and columns are grouped by namespace, then workload, then the ipBlocks that name outside
 * addresses (reachLines.ts); a header's button expands or collapses its group on both axes, and a
 * collapsed group's cell combines its pairs. The grid is virtualised in both directions (a workspace
 * of 400 workloads is 160,000 cells). Arrow keys move between cells (one tab stop) and onto the
 * headers; Enter or a click explains the cell. Without pods, or without a policy selecting any, the
 * tab says so and what to add instead of drawing a grid.
 */
export class NetworkView {
  readonly element = el('section', { class: 'view view-network' });
  private readonly explanation = el('div', { class: 'reach-explanation', 'aria-live': 'polite' });
  private readonly notes = el('ul', { class: 'notes' });
  private readonly view: VirtualGrid;
  private grid: ReachGrid = EMPTY_GRID;
  /** The rows (and columns) as laid out now, and where each line key is. */
  private lines: ReachLine[] = [];
  private lineIndex = new Map<string, number>();
  /** What the user expanded or collapsed, by line key: kept from one model to the next. */
  private readonly expansion = new Map<string, boolean>();
  /** The cells of the current layout, by row × lines + column (a group's cell combines many). */
  private readonly cells = new Map<number, ReachCell>();
  private readonly legend = el('div', { class: 'reach-legend-slot' });
  /** The explained cell by its lines' keys, marked wherever it is rendered. */
  private selected: { row: string; col: string } | null = null;
  /** The host's explanations of cells of this model, by "from\u0000to" (reset with each model). */
  private readonly fetched = new Map<string, FetchedExplanation>();
  /** Where the selected cell's policies and rules go (refilled when the host answers). */
  private readonly rules = el('section', { class: 'reach-rules' });

  constructor(private readonly actions: NetworkActions) {
    this.view = new VirtualGrid({
      label: () => l10n.t('Reachability matrix: rows are sources, columns are destinations'),
      className: 'reach-grid',
      cornerLabel: () => l10n.t('From \\ to'),
      cellSize: CELL_SIZE,
      rowHeaderWidth: ROW_HEADER_WIDTH,
      columnHeaderHeight: COLUMN_HEADER_HEIGHT,
      renderAllUpTo: RENDER_ALL_UP_TO,
      renderColumnHeader: (c) => renderReachHeader(this.lines[c], 'col', (line) => this.toggle(line, 'col')),
      renderRowHeader: (r) => renderReachHeader(this.lines[r], 'row', (line) => this.toggle(line, 'row')),
      renderCell: (r, c) => this.renderCell(r, c),
      activate: (r, c) => this.explain(r, c),
    });
  }

  update(index: ModelIndex): void {
    const reach = index.model.reach;
    // Labelled on each model: the page's language comes with the first one.
    setAttributes(this.element, { 'aria-label': l10n.t('Network reachability') });
    setAttributes(this.rules, { 'aria-label': l10n.t('Policies that decide it') });
    this.selected = null;
    this.fetched.clear();
    replaceChildren(this.explanation);
    replaceChildren(this.notes, ...(reach?.notes ?? []).map((note) => el('li', {}, note)));
    this.notes.hidden = this.notes.childElementCount === 0;
    const empty = reachEmptyState(reach);
    if (!reach || empty) {
      this.grid = EMPTY_GRID;
      this.layOut();
      this.view.setSize(0, 0);
      replaceChildren(this.element, empty, this.notes);
      return;
    }
    this.grid = buildReachGrid(reach);
    this.layOut();
    replaceChildren(this.legend, renderReachLegend(this.grid, this.lines));
    // The grid stays in the page from one model to the next, so it keeps its scroll position.
    if (this.view.element.parentElement !== this.element) {
      replaceChildren(this.element,
        el('p', { class: 'summary' }, l10n.t('Rows open connections to columns. Select a cell for the policies that decide it; a header\'s button expands or collapses its group.')),
        this.legend,
        this.view.element,
        this.explanation,
        this.notes,
      );
    }
    this.view.setSize(this.lines.length, this.lines.length);
  }

  /** Lays the grid's lines out for the current expansion (the cells are combined again on demand). */
  private layOut(): void {
    this.lines = reachLines(this.grid, this.expansion);
    this.lineIndex = new Map(this.lines.map((line, i) => [line.key, i]));
    this.cells.clear();
  }

  /** A header's button: expand or collapse its group on both axes; the focus stays on that button. */
  private toggle(line: ReachLine, axis: 'row' | 'col'): void {
    this.expansion.set(line.key, !line.expanded);
    this.layOut();
    this.view.setSize(this.lines.length, this.lines.length);
    const index = this.lineIndex.get(line.key);
    if (index !== undefined) this.view.focusHeader(axis, index);
  }

  private cellOf(r: number, c: number): ReachCell {
    const key = r * this.lines.length + c;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = combinedCell(this.grid, this.lines[r], this.lines[c])));
    return cell;
  }

  private renderCell(r: number, c: number): HTMLElement {
    const [row, col] = [this.lines[r], this.lines[c]];
    const cell = this.cellOf(r, c);
    const selected = this.selected !== null && this.selected.row === row.key && this.selected.col === col.key;
    const label = cell.state === 'partial' || cell.state === 'mixed'
      ? l10n.t('{0} to {1}: {2} ({3})', row.label, col.label, cellWord(cell.state), cell.text)
      : l10n.t('{0} to {1}: {2}', row.label, col.label, cellWord(cell.state));
    return el('button', {
      type: 'button',
      class: `reach-cell reach-${cell.state}${selected ? ' selected' : ''}`,
      'aria-label': label,
      'aria-selected': selected ? 'true' : null,
      title: `${row.label} → ${col.label}: ${cell.text}`,
    }, CELL_GLYPH[cell.state]);
  }

  private explain(r: number, c: number): void {
    const [row, col] = [this.lines[r], this.lines[c]];
    const previous = this.selected && [this.lineIndex.get(this.selected.row), this.lineIndex.get(this.selected.col)];
    if (previous && previous[0] !== undefined && previous[1] !== undefined) markSelected(this.view.cellAt(previous[0], previous[1]), false);
    this.selected = { row: row.key, col: col.key };
    markSelected(this.view.cellAt(r, c), true);
    const cell = this.cellOf(r, c);
    replaceChildren(this.explanation,
      el('h3', {}, `${row.label} → ${col.label}`),
      el('p', { class: `verdict reach-text-${cell.state}` }, `${CELL_GLYPH[cell.state]} ${verdictText(cell, this.grid.endpoints !== null)}`),
      this.podsOf(row, 'sources'),
      this.podsOf(col, 'destinations'),
      cell.queries.length > 0 && el('div', {}, ...cell.queries.map(renderQuery)),
      this.rules,
    );
    if (cell.state === 'na' || cell.state === 'self') {
      replaceChildren(this.rules, el('p', { class: 'muted' }, cell.state === 'self'
        ? l10n.t('A pod can always reach itself: NetworkPolicy does not govern it.')
        : l10n.t('Neither side is in the cluster: NetworkPolicy does not govern it.')));
      return;
    }
    if (row.explainAs === null || col.explainAs === null) {
      replaceChildren(this.rules, this.groupPairs(row, col));
      return;
    }
    const key = `${row.explainAs}\u0000${col.explainAs}`;
    let fetched = this.fetched.get(key);
    if (!fetched) {
      fetched = { state: 'loading' };
      this.fetched.set(key, fetched);
      this.actions.explainConnection(row.explainAs, col.explainAs);
    }
    this.renderRules(fetched);
  }

  /** "Sources: a, b, c" when a side stands for several pods (at most LISTED_PODS of them named). */
  private podsOf(line: ReachLine, side: 'sources' | 'destinations'): HTMLElement | null {
    if (line.pod !== null) return null;
    const pods = line.endpoints.flatMap((i) => this.grid.members[i]);
    if (pods.length < 2) return null;
    const listed = pods.slice(0, LISTED_PODS).join(', ');
    const more = pods.length - LISTED_PODS;
    const text = side === 'sources'
      ? (more > 0 ? l10n.t('Sources: {0}, and {1} more', listed, more) : l10n.t('Sources: {0}', listed))
      : (more > 0 ? l10n.t('Destinations: {0}, and {1} more', listed, more) : l10n.t('Destinations: {0}', listed));
    return el('p', { class: 'muted' }, text);
  }

  /** A group's cell: the verdict of each pair of groups it combines (the host explains one pair, once expanded). */
  private groupPairs(row: ReachLine, col: ReachLine): HTMLElement {
    const name = (i: number) => {
      const endpoint = this.grid.endpoints?.[i];
      return endpoint?.kind === 'external' && endpoint.blocks ? `${rangeName(endpoint)} (${endpoint.label})` : this.grid.labels[i];
    };
    const pairs = row.endpoints.flatMap((r) => col.endpoints.map((c) => [r, c] as const));
    const listed = pairs.slice(0, LISTED_PAIRS).map(([r, c]) => {
      const cell = this.grid.cells[r][c];
      return el('li', { class: `reach-text-${cell.state}` }, `${CELL_GLYPH[cell.state]} ${name(r)} → ${name(c)}: ${cell.text}`);
    });
    return el('div', { class: 'reach-group-pairs' },
      el('p', {}, l10n.t('This cell combines {0} pairs. Expand the groups, then select the cell of one pair for the policies that decide it.', pairs.length)),
      el('ul', {}, ...listed),
      pairs.length > LISTED_PAIRS && el('p', { class: 'muted' }, l10n.t('and {0} more pairs', pairs.length - LISTED_PAIRS)));
  }

  /** The host's answer to `explainConnection`, kept for the model's life; true when it was drawn (it is for the selected cell). */
  showConnectionExplanation(from: string, to: string, explanation: PreviewConnectionExplanation | null): boolean {
    const key = `${from}\u0000${to}`;
    if (this.fetched.get(key)?.state !== 'loading') return false;
    const fetched: FetchedExplanation = explanation ? { state: 'loaded', explanation } : { state: 'missing' };
    this.fetched.set(key, fetched);
    const selected = this.selected && [this.lines[this.lineIndex.get(this.selected.row) ?? -1], this.lines[this.lineIndex.get(this.selected.col) ?? -1]];
    if (!selected?.[0] || !selected[1] || selected[0].explainAs !== from || selected[1].explainAs !== to) return false;
    this.renderRules(fetched);
    return true;
  }

  private renderRules(fetched: FetchedExplanation): void {
    if (fetched.state === 'loading') replaceChildren(this.rules, el('p', { class: 'muted' }, l10n.t('Loading the policies and rules that decide it…')));
    else if (fetched.state === 'missing') replaceChildren(this.rules, el('p', { class: 'muted' }, l10n.t('The explanation is not available: the simulation changed, or the language server is not running.')));
    else replaceChildren(this.rules, renderConnectionExplanation(fetched.explanation, this.actions.reveal));
  }
}

function renderQuery(query: ReachQuery): HTMLElement {
  return el('article', { class: `reach-query ${query.allowed ? 'reach-query-allowed' : 'reach-query-denied'}` },
    el('h4', {}, query.allowed ? l10n.t('{0} {1}: ✓ allowed', query.protocol, query.port) : l10n.t('{0} {1}: ✕ denied', query.protocol, query.port)),
    query.explanation && el('p', {}, query.explanation),
    el('dl', { class: 'facts' },
      el('dt', {}, l10n.t('Egress of {0}', query.from)), el('dd', {}, directionText(query.egress)),
      el('dt', {}, l10n.t('Ingress of {0}', query.to)), el('dd', {}, directionText(query.ingress)),
    ),
  );
}

function directionText(verdict: PreviewDirectionVerdict): string {
  if (verdict.explanation) return verdict.explanation;
  if (!verdict.isolated) return l10n.t('not isolated: allowed by default');
  if (verdict.allowedBy.length > 0) return l10n.t('allowed by {0}', verdict.allowedBy.join(', '));
  return verdict.isolatedBy?.length ? l10n.t('isolated by {0}, and no rule allows it', verdict.isolatedBy.join(', ')) : l10n.t('isolated, and no rule allows it');
}

/**
 * The explanation's verdict line: "Only TCP 80" for a port list of the matrix (a grid of queries lists
 * their verdicts instead), "Mixed: allowed for 2 pairs, …" for a group.
 */
function verdictText(cell: ReachCell, matrix: boolean): string {
  if (cell.state === 'partial' && matrix && /^(TCP|UDP|SCTP) /.test(cell.text)) return l10n.t('Only {0}', cell.text);
  return cell.state === 'mixed' ? l10n.t('Mixed: {0}', cell.text) : cell.text;
}

function markSelected(cell: HTMLElement | undefined, selected: boolean): void {
  if (!cell) return;
  cell.classList.toggle('selected', selected);
  setAttributes(cell, { 'aria-selected': selected ? 'true' : null });
}
