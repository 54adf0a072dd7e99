import type { DirectionVerdict, ReachQuery } from '../../server/src/protocol/preview';
import { button, el, replaceChildren } from './dom';
import type { ModelIndex } from './modelIndex';
import { buildReachGrid, CELL_GLYPH, CELL_WORD, type ReachCell, type ReachGrid } from './reachGrid';

/**
 * The network tab: the NetworkPolicy reachability matrix as a grid (rows are sources, columns
 * destinations; green ✓ allowed, red ✕ denied, ◐ some ports), and the explanation of a chosen cell.
 * Arrow keys move between cells (one tab stop); Enter or a click explains the cell.
 */
export class NetworkView {
  readonly element = el('section', { class: 'view view-network', 'aria-label': 'Network reachability' });
  private readonly explanation = el('div', { class: 'reach-explanation', 'aria-live': 'polite' });
  private grid: ReachGrid | null = null;
  private focused: [number, number] = [0, 0];

  update(index: ModelIndex): void {
    const reach = index.model.reach;
    if (!reach || (reach.queries.length === 0 && !reach.matrix)) {
      this.grid = null;
      replaceChildren(this.element, el('p', { class: 'empty' }, 'No reachability result: add NetworkPolicies or connection queries to the previewed manifests.'));
      return;
    }
    this.grid = buildReachGrid(reach);
    const size = this.grid.labels.length;
    this.focused = [Math.min(this.focused[0], size - 1), Math.min(this.focused[1], size - 1)].map((n) => Math.max(0, n)) as [number, number];
    replaceChildren(this.element,
      el('p', { class: 'summary' }, 'Rows open connections to columns. Select a cell for the policies that decide it.'),
      renderLegend(),
      el('div', { class: 'table-scroll' }, this.renderTable(this.grid)),
      this.explanation,
      reach.notes && reach.notes.length > 0 && el('ul', { class: 'notes' }, ...reach.notes.map((note) => el('li', {}, note))),
    );
    replaceChildren(this.explanation);
  }

  private renderTable(grid: ReachGrid): HTMLElement {
    const table = el('table', { class: 'reach-grid', role: 'grid', 'aria-label': 'Reachability matrix: rows are sources, columns are destinations' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'From \\ to')),
        ...grid.labels.map((label) => el('th', { scope: 'col', class: 'reach-col', title: label }, el('span', {}, label))))),
      el('tbody', {}, ...grid.cells.map((row, r) => el('tr', {},
        el('th', { scope: 'row', class: 'reach-row', title: grid.labels[r] }, grid.labels[r]),
        ...row.map((cell, c) => el('td', { role: 'gridcell' }, this.renderCell(grid, cell, r, c))),
      ))),
    );
    table.addEventListener('keydown', (event) => this.onKeyDown(event, table));
    return table;
  }

  private renderCell(grid: ReachGrid, cell: ReachCell, r: number, c: number): HTMLElement {
    const [fr, fc] = this.focused;
    return button(CELL_GLYPH[cell.state], {
      class: `reach-cell reach-${cell.state}`,
      'aria-label': `${grid.labels[r]} to ${grid.labels[c]}: ${CELL_WORD[cell.state]}${cell.state === 'partial' ? ` (${cell.text})` : ''}`,
      title: `${grid.labels[r]} → ${grid.labels[c]}: ${cell.text}`,
      tabindex: r === fr && c === fc ? 0 : -1,
      'data-row': r,
      'data-col': c,
    }, () => this.explain(r, c));
  }

  private onKeyDown(event: KeyboardEvent, table: HTMLElement): void {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('reach-cell') || !this.grid) return;
    const size = this.grid.labels.length;
    let r = Number(target.dataset.row);
    let c = Number(target.dataset.col);
    switch (event.key) {
      case 'ArrowRight': c = Math.min(size - 1, c + 1); break;
      case 'ArrowLeft': c = Math.max(0, c - 1); break;
      case 'ArrowDown': r = Math.min(size - 1, r + 1); break;
      case 'ArrowUp': r = Math.max(0, r - 1); break;
      case 'Home': c = 0; break;
      case 'End': c = size - 1; break;
      default: return;
    }
    event.preventDefault();
    const next = table.querySelector<HTMLElement>(`.reach-cell[data-row="${r}"][data-col="${c}"]`);
    if (!next) return;
    target.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    this.focused = [r, c];
  }

  private explain(r: number, c: number): void {
    const grid = this.grid;
    if (!grid) return;
    this.focused = [r, c];
    for (const cell of this.element.querySelectorAll<HTMLElement>('.reach-cell')) cell.classList.toggle('selected', cell.dataset.row === String(r) && cell.dataset.col === String(c));
    const cell = grid.cells[r][c];
    replaceChildren(this.explanation,
      el('h3', {}, `${grid.labels[r]} → ${grid.labels[c]}`),
      el('p', { class: `verdict reach-text-${cell.state}` }, `${CELL_GLYPH[cell.state]} ${cell.state === 'partial' && reachMatrixText(cell.text) ? `Only ${cell.text}` : cell.text}`),
      grid.members[r].length > 1 && el('p', { class: 'muted' }, `Sources: ${grid.members[r].join(', ')}`),
      grid.members[c].length > 1 && el('p', { class: 'muted' }, `Destinations: ${grid.members[c].join(', ')}`),
      cell.queries.length === 0
        ? el('p', { class: 'muted' }, 'No connection query names this pair, so there is no rule-by-rule explanation.')
        : el('div', {}, ...cell.queries.map(renderQuery)),
    );
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

function directionText(verdict: DirectionVerdict): string {
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
