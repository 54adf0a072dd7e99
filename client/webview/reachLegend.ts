import * as l10n from '@vscode/l10n';
import { el } from './dom';
import type { ReachLine } from './reachLines';
import { CELL_GLYPH, type CellState, type ReachGrid } from './reachGrid';

type Meanings = Partial<Record<CellState, [word: string, meaning: string]>>;

/** What each state of a cell means, in the grid of the whole matrix (asked when drawn: in the reader's language). */
function matrixMeaning(): Meanings {
  return {
    allowed: [l10n.t('allowed'), l10n.t('every connection, on every port and protocol.')],
    denied: [l10n.t('denied'), l10n.t('no connection, on any port.')],
    partial: [l10n.t('some ports'), l10n.t('only the ports the cell\'s tooltip lists; select the cell for the policies that decide it.')],
    mixed: [l10n.t('mixed'), l10n.t('a collapsed group whose pairs differ: some allowed, others denied or limited to some ports. Expand the group to see each pair.')],
    self: [l10n.t('same pod'), l10n.t('a pod can always reach itself: NetworkPolicy does not govern it.')],
    na: [l10n.t('not applicable'), l10n.t('both ends are outside the cluster: NetworkPolicy governs neither.')],
  };
}

/** In a grid of connection queries (no matrix), a cell holds the queries asked between two endpoints. */
function queryMeaning(): Meanings {
  return {
    allowed: [l10n.t('allowed'), l10n.t('every port asked about is allowed.')],
    denied: [l10n.t('denied'), l10n.t('every port asked about is denied.')],
    partial: [l10n.t('some ports'), l10n.t('some ports asked about are allowed, others denied.')],
    unknown: [l10n.t('not asked'), l10n.t('no connection query names these two endpoints.')],
  };
}

/** The states that can appear in this grid, whatever is expanded. */
function statesOf(grid: ReachGrid, lines: readonly ReachLine[]): CellState[] {
  if (!grid.endpoints) return ['allowed', 'denied', 'partial', 'unknown'];
  const states: CellState[] = ['allowed', 'denied', 'partial'];
  if (lines.some((line) => line.expanded !== null || line.endpoints.length > 1)) states.push('mixed');
  if (grid.endpoints.some((endpoint) => endpoint.kind === 'pods')) states.push('self');
  if (grid.endpoints.filter((endpoint) => endpoint.kind === 'external').length > 0) states.push('na');
  return states;
}

/** The legend: every state a cell of this grid can have, its glyph, its name and what it means. */
export function renderReachLegend(grid: ReachGrid, lines: readonly ReachLine[]): HTMLElement {
  const meanings = grid.endpoints ? matrixMeaning() : queryMeaning();
  return el('ul', { class: 'legend reach-legend', 'aria-label': l10n.t('Legend: what each cell means') },
    ...statesOf(grid, lines).map((state) => {
      const [word, meaning] = meanings[state] ?? [state, ''];
      return el('li', { class: 'legend-item', 'data-state': state },
        el('span', { class: `reach-cell reach-${state}`, 'aria-hidden': 'true' }, CELL_GLYPH[state]),
        el('span', {}, el('strong', {}, word), `: ${meaning}`));
    }));
}
