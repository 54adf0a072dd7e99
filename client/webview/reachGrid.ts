import * as l10n from '@vscode/l10n';
import type { ReachMatrixEndpoint, ReachQuery, ReachResults } from '../../server/src/protocol/preview';

/** `mixed`: a collapsed group whose pairs differ (reachLines.ts). */
export type CellState = 'allowed' | 'denied' | 'partial' | 'mixed' | 'self' | 'na' | 'unknown';

export interface ReachCell {
  state: CellState;
  /** What the matrix or the queries say, e.g. "All connections" or "TCP 80 allowed, TCP 5432 denied". */
  text: string;
  /** The explained queries between this row and column. */
  queries: ReachQuery[];
}

/** The reachability matrix as a square grid: rows are sources, columns destinations. */
export interface ReachGrid {
  labels: string[];
  /** Pod keys of each row/column (empty for an external range or a query endpoint). */
  members: string[][];
  cells: ReachCell[][];
  /** The matrix's endpoints (namespace, workload, ipBlocks: what rows are grouped by); null for a grid of queries. */
  endpoints: ReachMatrixEndpoint[] | null;
}

/**
 * Builds the grid from the simulator's matrix when there is one (each query is attached to the cell
 * of its endpoints), else from the queries alone (one row/column per endpoint named in a query).
 */
export function buildReachGrid(reach: ReachResults): ReachGrid {
  const matrix = reach.matrix;
  if (matrix && matrix.endpoints.length > 0) {
    const labels = matrix.endpoints.map((endpoint) => endpoint.label);
    const members = matrix.endpoints.map((endpoint) => endpoint.pods);
    const cells = matrix.connections.map((row) => row.map((text) => ({ state: stateOfConnections(text), text, queries: [] as ReachQuery[] })));
    for (const query of reach.queries) {
      const row = endpointIndex(query.from, labels, members);
      const column = endpointIndex(query.to, labels, members);
      if (row >= 0 && column >= 0) cells[row][column].queries.push(query);
    }
    return { labels, members, cells, endpoints: matrix.endpoints };
  }
  const labels = [...new Set(reach.queries.flatMap((query) => [query.from, query.to]))].sort();
  const position = new Map(labels.map((label, i) => [label, i]));
  const cells: ReachCell[][] = labels.map(() => labels.map(() => ({ state: 'unknown' as CellState, text: l10n.t('Not asked'), queries: [] as ReachQuery[] })));
  for (const query of reach.queries) cells[position.get(query.from) as number][position.get(query.to) as number].queries.push(query);
  for (const row of cells) {
    for (const cell of row) {
      if (cell.queries.length === 0) continue;
      const allowed = cell.queries.filter((query) => query.allowed).length;
      cell.state = allowed === cell.queries.length ? 'allowed' : allowed === 0 ? 'denied' : 'partial';
      cell.text = cell.queries.map((query) => (query.allowed ? l10n.t('{0} {1} allowed', query.protocol, query.port) : l10n.t('{0} {1} denied', query.protocol, query.port))).join(', ');
    }
  }
  return { labels, members: labels.map(() => []), cells, endpoints: null };
}

function stateOfConnections(text: string): CellState {
  if (text === 'All connections') return 'allowed';
  if (text === 'No connections') return 'denied';
  if (text === 'self') return 'self';
  if (text === 'n/a') return 'na';
  return 'partial';
}

function endpointIndex(endpoint: string, labels: readonly string[], members: readonly string[][]): number {
  const byLabel = labels.indexOf(endpoint);
  return byLabel >= 0 ? byLabel : members.findIndex((pods) => pods.includes(endpoint));
}

export const CELL_GLYPH: Record<CellState, string> = { allowed: '✓', denied: '✕', partial: '◐', mixed: '±', self: '·', na: '–', unknown: '?' };

/** A cell's state in words (its aria-label), in the reader's language. */
export function cellWord(state: CellState): string {
  switch (state) {
    case 'allowed': return l10n.t('allowed');
    case 'denied': return l10n.t('denied');
    case 'partial': return l10n.t('some ports allowed');
    case 'mixed': return l10n.t('mixed');
    case 'self': return l10n.t('self (not governed by NetworkPolicy)');
    case 'na': return l10n.t('not applicable');
    case 'unknown': return l10n.t('not evaluated');
  }
}
