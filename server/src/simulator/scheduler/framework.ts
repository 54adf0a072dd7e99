import type { ClusterState } from './clusterState';
import type { NodeInfo } from './nodeInfo';
import { numFeasibleNodesToFind } from './numNodesToFind';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle, type Plugin, type Status } from './types';

/**
 * The framework runtime (`runtime/framework.go` + `schedule_one.go`): runs PreFilter, Filter on
 * the nodes (starting where the previous pod stopped, stopping once enough feasible nodes are
 * found, and at the first failing plugin per node), then PreScore / Score / NormalizeScore with
 * the profile's weights. Plugins never see weights; the framework clamps each normalized score
 * into 0..100 before weighting.
 */
export interface FilterPass {
  /** A PreFilter rejected the pod before any node was tried. */
  readonly preFilterStatus: Status | null;
  readonly feasible: NodeInfo[];
  /** Nodes tried that failed, in the order they were tried, and the status each failed with. */
  readonly failedNodes: NodeInfo[];
  readonly failedStatuses: Status[];
  /** Nodes a PreFilter ruled out (NodeAffinity's node-name shortcut), with their status. */
  readonly excluded: { readonly count: number; readonly status: Status | null };
  /** Nodes tried (feasible + failed). */
  readonly evaluated: number;
}

export function runFilters(cycle: Cycle): FilterPass {
  const cluster = cycle.cluster;
  const active: Plugin[] = [];
  const states: unknown[] = [];
  let allowed: ReadonlySet<string> | null = null;
  const restricting: string[] = [];
  for (const plugin of cluster.profile.filters) {
    if (!plugin.filter) continue;
    const result = plugin.preFilter ? plugin.preFilter(cycle) : ({ kind: 'run', state: undefined } as const);
    if (result.kind === 'reject') return { preFilterStatus: result.status, feasible: [], failedNodes: [], failedStatuses: [], excluded: { count: 0, status: null }, evaluated: 0 };
    if (result.kind === 'skip') continue;
    active.push(plugin);
    states.push(result.state);
    if (result.nodeNames) {
      allowed = intersect(allowed, result.nodeNames);
      restricting.push(plugin.name);
    }
  }
  const nodes = allowed === null ? cluster.nodes : cluster.nodes.filter((n) => allowed!.has(n.name));
  const excluded = {
    count: cluster.nodes.length - nodes.length,
    status: allowed === null ? null : { code: 'UnschedulableAndUnresolvable' as const, reasons: [`node(s) didn't satisfy plugin(s) [${restricting.sort().join(' ')}]`], plugin: restricting[0] },
  };
  const feasible: NodeInfo[] = [];
  const failedNodes: NodeInfo[] = [];
  const failedStatuses: Status[] = [];
  const toFind = numFeasibleNodesToFind(cluster.percentageOfNodesToScore, nodes.length);
  const start = nodes.length === 0 ? 0 : cluster.nextStartNodeIndex % nodes.length;
  let processed = 0;
  for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
    const node = nodes[(start + i) % nodes.length];
    processed++;
    const status = filterNode(cycle, active, states, node);
    if (status === null) feasible.push(node);
    else {
      failedNodes.push(node);
      failedStatuses.push(status);
    }
  }
  if (cluster.nodes.length > 0) cluster.nextStartNodeIndex = (cluster.nextStartNodeIndex + processed) % cluster.nodes.length;
  return { preFilterStatus: null, feasible, failedNodes, failedStatuses, excluded, evaluated: processed };
}

/** PreFilter node-name results are ANDed across plugins (`PreFilterResult.Merge`). */
function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === null) return b;
  return new Set([...a].filter((n) => b.has(n)));
}

/**
 * PreFilter then Filter for a single node, without moving the rotating start index: what
 * preemption's dry run and the nominated-node check use.
 */
export function checkNode(cycle: Cycle, node: NodeInfo): Status | null {
  const plugins: Plugin[] = [];
  const states: unknown[] = [];
  for (const plugin of cycle.cluster.profile.filters) {
    if (!plugin.filter) continue;
    const result = plugin.preFilter ? plugin.preFilter(cycle) : ({ kind: 'run', state: undefined } as const);
    if (result.kind === 'reject') return result.status;
    if (result.kind === 'skip') continue;
    if (result.nodeNames && !result.nodeNames.has(node.name)) {
      return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${plugin.name}]`], plugin: plugin.name };
    }
    plugins.push(plugin);
    states.push(result.state);
  }
  return filterNode(cycle, plugins, states, node);
}

/** Runs the filters on one node, stopping at the first that fails. */
export function filterNode(cycle: Cycle, plugins: readonly Plugin[], states: readonly unknown[], node: NodeInfo): Status | null {
  for (let p = 0; p < plugins.length; p++) {
    const status = plugins[p].filter!(cycle, states[p], node);
    if (status !== null) return status;
  }
  return null;
}

export interface ScorePass {
  /** Score plugin names, in profile order. */
  readonly plugins: readonly string[];
  readonly weights: readonly number[];
  /** Plugins whose PreScore said "nothing to add" (they score 0 everywhere). */
  readonly skipped: readonly boolean[];
  /** normalized[p][i]: plugin p's 0..100 score of feasible node i (before weighting). */
  readonly normalized: readonly (readonly number[])[];
  /** Σ weight × normalized, per feasible node. */
  readonly totals: readonly number[];
}

export function runScores(cycle: Cycle, feasible: readonly NodeInfo[], cluster: ClusterState = cycle.cluster): ScorePass {
  const scorers = cluster.profile.scorers;
  const totals = new Array<number>(feasible.length).fill(0);
  const normalized: number[][] = [];
  const skipped: boolean[] = [];
  for (const { plugin, weight } of scorers) {
    const state = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
    if (state === SKIP_SCORE || !plugin.score) {
      skipped.push(true);
      normalized.push(new Array<number>(feasible.length).fill(0));
      continue;
    }
    const scores = feasible.map((node) => plugin.score!(cycle, state, node));
    plugin.normalizeScore?.(cycle, state, scores, feasible);
    for (let i = 0; i < scores.length; i++) {
      const clamped = Math.min(MAX_NODE_SCORE, Math.max(0, scores[i]));
      scores[i] = clamped;
      totals[i] += clamped * weight;
    }
    skipped.push(false);
    normalized.push(scores);
  }
  return { plugins: scorers.map((s) => s.plugin.name), weights: scorers.map((s) => s.weight), skipped, normalized, totals };
}

/**
 * selectHost, made deterministic: the highest total wins; when several nodes share it, upstream
 * picks one uniformly at random (reservoir sampling) — we pick the lowest node name (byte order)
 * and report every tied node.
 */
export function selectHost(feasible: readonly NodeInfo[], totals: readonly number[]): { node: NodeInfo; tie: NodeInfo[] } {
  let best = -Infinity;
  for (const t of totals) if (t > best) best = t;
  const top = feasible.filter((_, i) => totals[i] === best).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { node: top[0], tie: top.length > 1 ? top : [] };
}
