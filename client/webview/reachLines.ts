import * as l10n from '@vscode/l10n';
import type { ReachMatrixEndpoint, ReachQuery } from '../../server/src/protocol/preview';
import { podCount } from './counts';
import type { CellState, ReachCell, ReachGrid } from './reachGrid';

/**
 * The rows (and, the same, the columns) of the reachability grid as groups: namespace, then workload
 * (its pods collapse into one line with a count, expandable), then the addresses outside the cluster,
 * named by the ipBlocks that cut them (ranges named alike collapse into one line). A group's cell
 * combines its pairs' verdicts. A namespace of one workload, or a single group of ranges, gets no
 * header of its own: there would be nothing to collapse.
 */
export type ReachLineKind = 'namespace' | 'workload' | 'pod' | 'outside' | 'ipBlocks' | 'endpoint';

export interface ReachLine {
  /** Stable across models: what expansion is remembered by. */
  key: string;
  kind: ReachLineKind;
  /** The full name (cells' aria-labels, the explanation's title). */
  label: string;
  /** What the header shows (under a group, without the group's prefix). */
  text: string;
  /** The header's tooltip: the full name, and for outside addresses the raw ranges. */
  title: string;
  /** A group's size: "4 workloads, 9 pods", "4 ranges", "3 pods" (unless the label says it: "shop/web (3 pods)"); null for the others. */
  count: string | null;
  depth: number;
  /** null: nothing to expand. */
  expanded: boolean | null;
  /** Indexes into the grid's endpoints (each once). */
  endpoints: number[];
  /** Set on the line of one pod of a group. */
  pod: string | null;
  /** What to ask the host to explain (a matrix label or a pod key); null when the line stands for several groups. */
  explainAs: string | null;
}

/** What groups are expanded, by line key; a key absent: namespaces and the outside addresses open, workloads and ipBlocks closed. */
export type Expansion = ReadonlyMap<string, boolean>;

/** The verdicts a group's pairs are counted by, in the order a mixed cell names them (self and n/a are not governed). */
const VERDICT_ORDER: readonly CellState[] = ['allowed', 'denied', 'partial', 'unknown'];
const OPEN_BY_DEFAULT: ReadonlySet<ReachLineKind> = new Set(['namespace', 'outside']);
const GROUPS: ReadonlySet<ReachLineKind> = new Set(['namespace', 'outside', 'ipBlocks']);

/** A group before it is laid out: its line when collapsed, and its children. */
interface Node {
  line: Omit<ReachLine, 'depth' | 'expanded' | 'text'> & { shortText: string };
  children: Node[];
}

export function reachLines(grid: ReachGrid, expansion: Expansion): ReachLine[] {
  if (!grid.endpoints) {
    return grid.labels.map((label, i) => ({ key: `endpoint:${label}`, kind: 'endpoint', label, text: label, title: label, count: null, depth: 0, expanded: null, endpoints: [i], pod: null, explainAs: label }));
  }
  const lines: ReachLine[] = [];
  const lay = (node: Node, depth: number, parent: Node | null) => {
    const expandable = node.children.length > 0;
    const expanded = expandable ? expansion.get(node.line.key) ?? OPEN_BY_DEFAULT.has(node.line.kind) : null;
    const { shortText, ...line } = node.line;
    // A group's header names it without its kind; a top-level line gives its full name.
    lines.push({ ...line, text: parent || GROUPS.has(line.kind) ? shortText : line.label, depth, expanded });
    if (expanded) for (const child of node.children) lay(child, depth + 1, node);
  };
  for (const top of topNodes(grid.endpoints)) lay(top, 0, null);
  return lines;
}

function topNodes(endpoints: readonly ReachMatrixEndpoint[]): Node[] {
  const namespaces = new Map<string, Map<string, number[]>>();
  const outside = new Map<string, number[]>();
  endpoints.forEach((endpoint, i) => {
    if (endpoint.kind === 'external') {
      const name = rangeName(endpoint);
      outside.set(name, [...(outside.get(name) ?? []), i]);
      return;
    }
    const namespace = endpoint.namespace ?? endpoint.pods[0]?.split('/')[0] ?? '';
    const workloads = namespaces.get(namespace) ?? new Map<string, number[]>();
    const workload = endpoint.workload ?? `${endpoint.label}\u0000`;
    workloads.set(workload, [...(workloads.get(workload) ?? []), i]);
    namespaces.set(namespace, workloads);
  });
  const tops: Node[] = [];
  // In the matrix's order (by label, so by namespace): a namespace where its first group is.
  for (const [namespace, workloads] of namespaces) {
    const children = [...workloads].map(([workload, members]) => workloadNode(endpoints, workload, members, namespace));
    if (children.length === 1) {
      tops.push(children[0]);
      continue;
    }
    const pods = children.reduce((sum, child) => sum + podsOf(endpoints, child.line.endpoints), 0);
    const count = pods === 1 ? l10n.t('{0} workloads, 1 pod', children.length) : l10n.t('{0} workloads, {1} pods', children.length, pods);
    tops.push(group('namespace', `namespace:${namespace}`, l10n.t('namespace {0}', namespace), namespace, count, children));
  }
  const ranges = [...outside].map(([name, members]) => rangesNode(endpoints, name, members));
  if (ranges.length > 1) {
    // Several groups of ranges: two ranges at least.
    const count = l10n.t('{0} ranges', ranges.reduce((sum, node) => sum + node.line.endpoints.length, 0));
    tops.push(group('outside', 'outside', l10n.t('outside the cluster'), l10n.t('outside the cluster'), count, ranges));
  } else tops.push(...ranges);
  return tops;
}

/** One workload: its one group (or its groups, when policies tell its pods apart), expandable into its pods. */
function workloadNode(endpoints: readonly ReachMatrixEndpoint[], workload: string, members: number[], namespace: string): Node {
  const pods = members.flatMap((i) => endpoints[i].pods.map((pod) => ({ pod, endpoint: i })));
  const counted = podCount(pods.length);
  const label = members.length === 1 ? endpoints[members[0]].label : `${workload} (${counted})`;
  const children = pods.length > 1
    ? pods.map(({ pod, endpoint }): Node => leaf('pod', `pod:${pod}`, pod, withoutNamespace(pod, namespace), pod, [endpoint], pod))
    : [];
  const node = leaf('workload', `workload:${workload}`, label, withoutNamespace(label, namespace), label, members, null);
  node.line.explainAs = members.length === 1 ? label : null;
  // The matrix's label may say it already (in English: it is the engine's).
  if (pods.length > 1 && !label.endsWith(` (${pods.length} pods)`) && !label.endsWith(` (${counted})`)) node.line.count = counted;
  node.children = children;
  return node;
}

/** The ranges one set of ipBlocks names alike: one line, expandable into each range when there are several. */
function rangesNode(endpoints: readonly ReachMatrixEndpoint[], name: string, members: number[]): Node {
  const raw = members.map((i) => endpoints[i].label);
  if (members.length === 1) return leaf('endpoint', `range:${raw[0]}`, name, name, `${name}\n${raw[0]}`, members, raw[0]);
  const children = members.map((i, n): Node => leaf('endpoint', `range:${raw[n]}`, l10n.t('{0}, range {1}', name, raw[n]), raw[n], `${name}\n${raw[n]}`, [i], raw[n]));
  const node = group('ipBlocks', `ipBlocks:${name}`, name, name, l10n.t('{0} ranges', members.length), children);
  node.line.title = `${name}\n${raw.join('\n')}`;
  return node;
}

/** An external range's name: the ipBlocks that contain it, else that none does (the raw range when the model does not say). */
export function rangeName(endpoint: ReachMatrixEndpoint): string {
  if (!endpoint.blocks) return endpoint.label;
  return endpoint.blocks.length > 0 ? endpoint.blocks.join('; ') : l10n.t('addresses in no ipBlock');
}

function leaf(kind: ReachLineKind, key: string, label: string, shortText: string, title: string, endpoints: number[], explainAs: string | null): Node {
  return { line: { key, kind, label, shortText, title, count: null, endpoints, pod: kind === 'pod' ? label : null, explainAs }, children: [] };
}

function group(kind: ReachLineKind, key: string, label: string, shortText: string, count: string, children: Node[]): Node {
  const endpoints = children.flatMap((child) => child.line.endpoints);
  return { line: { key, kind, label, shortText, title: `${label} (${count})`, count, endpoints: [...new Set(endpoints)], pod: null, explainAs: null }, children };
}

function podsOf(endpoints: readonly ReachMatrixEndpoint[], members: readonly number[]): number {
  return members.reduce((sum, i) => sum + endpoints[i].pods.length, 0);
}

function withoutNamespace(name: string, namespace: string): string {
  return name.startsWith(`${namespace}/`) ? name.slice(namespace.length + 1) : name;
}

/**
 * The cell of two lines. One group each: the matrix's cell (a pod to itself: self). Several: the
 * pairs' verdicts combined: one verdict when they agree (a pod group to itself and two outside ranges
 * are not governed, so they do not count), else `mixed` with how many pairs have each.
 */
export function combinedCell(grid: ReachGrid, row: ReachLine, col: ReachLine): ReachCell {
  if (row.pod !== null && row.pod === col.pod) return { state: 'self', text: 'self', queries: [] };
  if (row.endpoints.length === 1 && col.endpoints.length === 1) return grid.cells[row.endpoints[0]][col.endpoints[0]];
  const counts = new Map<CellState, number>();
  const texts = new Set<string>();
  const queries: ReachQuery[] = [];
  for (const r of row.endpoints) {
    for (const c of col.endpoints) {
      const cell = grid.cells[r][c];
      counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
      if (cell.state !== 'self' && cell.state !== 'na') texts.add(cell.text);
      queries.push(...cell.queries);
    }
  }
  const governed = VERDICT_ORDER.flatMap((state): Array<[CellState, number]> => (counts.has(state) ? [[state, counts.get(state) as number]] : []));
  if (governed.length === 0) return counts.has('na') ? { state: 'na', text: 'n/a', queries } : { state: 'self', text: 'self', queries };
  if (governed.length === 1) {
    const [state] = governed[0];
    return { state, text: texts.size === 1 ? [...texts][0] : l10n.t('the ports differ from pair to pair'), queries };
  }
  return { state: 'mixed', text: governed.map(([state, n]) => pairsText(state, n)).join(', '), queries };
}

/** One verdict of a mixed cell with its count of pairs: "allowed for 2 pairs". */
function pairsText(state: CellState, n: number): string {
  switch (state) {
    case 'allowed': return n === 1 ? l10n.t('allowed for 1 pair') : l10n.t('allowed for {0} pairs', n);
    case 'denied': return n === 1 ? l10n.t('denied for 1 pair') : l10n.t('denied for {0} pairs', n);
    case 'partial': return n === 1 ? l10n.t('some ports for 1 pair') : l10n.t('some ports for {0} pairs', n);
    default: return n === 1 ? l10n.t('not asked for 1 pair') : l10n.t('not asked for {0} pairs', n);
  }
}
