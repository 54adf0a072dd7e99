import type { NodeInfo } from '../cache/nodeInfo';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle, type Plugin, type Status } from '../types';
import { arenaInt32, arenaUint8, type Arena } from './arena';
import { numFeasibleNodesToFind } from './numNodesToFind';
import type { SchedulerState } from './schedulerState';
import { FILTER_CHUNK, scoreScratch } from './scratch';
import { statusId } from './statusTable';

/**
 * The framework runtime (`runtime/framework.go` + `schedule_one.go`): runs PreFilter, Filter on
 * the nodes (starting where the previous pod stopped, stopping once enough feasible nodes are
 * found, and at the first failing plugin per node), then PreScore / Score / NormalizeScore with
 * the profile's weights. Plugins never see weights; the framework clamps each normalized score
 * into 0..100 before weighting. Nodes are handled by index (`cluster.nodes[i].index === i`).
 * `scheduler` is the one running the cycle (`cycle.cluster` is its snapshot): its profile, its
 * rotating start index and its scratch buffers.
 */
const MAX_SCORE = MAX_NODE_SCORE;
const SKIPPED = SKIP_SCORE;
const MIN_CHUNK = 8;

export interface FilterPass {
  /** A PreFilter rejected the pod before any node was tried. */
  readonly preFilterStatus: Status | null;
  /** Indices of the feasible nodes, in the order they were found. */
  readonly feasible: Int32Array;
  /** Indices of the nodes tried that failed, in the order they were tried, and their statuses. */
  readonly failedNodes: Int32Array;
  readonly failedStatuses: readonly Status[];
  /** Nodes a PreFilter ruled out (NodeAffinity's node-name shortcut), with their status. */
  readonly excluded: { readonly count: number; readonly status: Status | null };
  /** Nodes tried (feasible + failed). */
  readonly evaluated: number;
}

const NONE: Int32Array = new Int32Array(0);

export function runFilters(scheduler: SchedulerState, cycle: Cycle): FilterPass {
  const cluster = cycle.cluster;
  const scratch = scheduler.scratch;
  const active: Plugin[] = [];
  const states: unknown[] = [];
  let allowed: ReadonlySet<string> | null = null;
  const restricting: string[] = [];
  for (const plugin of scheduler.profile.filters) {
    if (!plugin.filter) continue;
    const result = plugin.preFilter ? plugin.preFilter(cycle) : ({ kind: 'run', state: undefined } as const);
    // A PreFilter rejection becomes every node's status (`NodeToStatus.SetAbsentNodesStatus`).
    if (result.kind === 'reject') return { preFilterStatus: result.status, feasible: NONE, failedNodes: cluster.nodeOrder, failedStatuses: new Array<Status>(cluster.nodes.length).fill(result.status), excluded: { count: 0, status: null }, evaluated: 0 };
    if (result.kind === 'skip') continue;
    active.push(plugin);
    states.push(result.state);
    if (result.nodeNames) {
      allowed = intersect(allowed, result.nodeNames);
      restricting.push(plugin.name);
    }
  }
  const nodes = allowed === null ? cluster.nodeOrder : Int32Array.from(cluster.nodes.filter((n) => allowed!.has(n.name)).map((n) => n.index));
  const excluded = {
    count: cluster.nodes.length - nodes.length,
    status: allowed === null ? null : { code: 'UnschedulableAndUnresolvable' as const, reasons: [`node(s) didn't satisfy plugin(s) [${restricting.sort().join(' ')}]`], plugin: restricting[0] },
  };
  const toFind = numFeasibleNodesToFind(scheduler.percentageOfNodesToScore, nodes.length);
  const feasible = scratch.feasibleBuffer;
  let found = 0;
  // Failures go to scratch buffers first: a pod that fails on hundreds of nodes would otherwise grow
  // (and the collector copy) two arrays per cycle; only exact-size copies are kept.
  const failedBuffer = scratch.failedBuffer;
  const failedStatusBuffer = scratch.failedStatusBuffer;
  let failed = 0;
  const start = nodes.length === 0 ? 0 : scheduler.nextStartNodeIndex % nodes.length;
  // Nodes are filtered a chunk at a time, plugin by plugin (each plugin loops over the chunk),
  // then taken in order until enough feasible nodes are found: the same outcome as trying one
  // node after the other, without calling every plugin through one polymorphic call site.
  const chunk = scratch.filterChunk;
  const statuses = scratch.filterStatuses;
  let processed = 0;
  let next = 0;
  let position = start;
  while (next < nodes.length && found < toFind) {
    // Near the end a chunk shrinks to what is still needed (plus a little): nodes past the last one
    // needed would be filtered for nothing.
    const size = Math.min(FILTER_CHUNK, nodes.length - next, Math.max(MIN_CHUNK, toFind - found));
    for (let j = 0; j < size; j++) {
      chunk[j] = nodes[position];
      statuses[j] = null;
      if (++position === nodes.length) position = 0;
    }
    next += size;
    for (let p = 0; p < active.length; p++) filterChunk(cycle, active[p], states[p], chunk, size, statuses);
    for (let j = 0; j < size && found < toFind; j++) {
      processed++;
      const status = statuses[j];
      if (status === null) feasible[found++] = chunk[j];
      else {
        failedBuffer[failed] = chunk[j];
        failedStatusBuffer[failed++] = status;
      }
    }
  }
  if (cluster.nodes.length > 0) scheduler.nextStartNodeIndex = (scheduler.nextStartNodeIndex + processed) % cluster.nodes.length;
  let failedNodes: Int32Array = NONE;
  let statusIds: Int32Array = NONE;
  if (failed > 0) {
    failedNodes = arenaInt32(scratch.arena, failed);
    failedNodes.set(failedBuffer.subarray(0, failed));
    statusIds = arenaInt32(scratch.arena, failed);
    for (let k = 0; k < failed; k++) {
      statusIds[k] = statusId(scratch.statusTable, failedStatusBuffer[k]!);
      failedStatusBuffer[k] = null;
    }
  }
  const table = scratch.statusTable.statuses;
  let failedStatuses: readonly Status[] | undefined;
  return {
    preFilterStatus: null,
    feasible: feasible.subarray(0, found),
    failedNodes,
    // Kept as numbers; listed when first read (most placements are never explained node by node).
    get failedStatuses(): readonly Status[] {
      return (failedStatuses ??= Array.from(statusIds, (id) => table[id]));
    },
    excluded,
    evaluated: processed,
  };
}

function filterChunk(cycle: Cycle, plugin: Plugin, state: unknown, chunk: Int32Array, size: number, statuses: Array<Status | null>): void {
  if (plugin.filterNodes) {
    plugin.filterNodes(cycle, state, chunk, 0, size, statuses);
    return;
  }
  const nodes = cycle.cluster.nodes;
  for (let j = 0; j < size; j++) if (statuses[j] === null) statuses[j] = plugin.filter!(cycle, state, nodes[chunk[j]]);
}

/** PreFilter node-name results are ANDed across plugins (`PreFilterResult.Merge`). */
function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === null) return b;
  return new Set([...a].filter((n) => b.has(n)));
}

/**
 * PreFilter then Filter for a single node, without moving the rotating start index: what
 * preemption's dry run uses.
 */
export function checkNode(scheduler: SchedulerState, cycle: Cycle, node: NodeInfo): Status | null {
  for (const plugin of scheduler.profile.filters) {
    if (!plugin.filter) continue;
    const result = plugin.preFilter ? plugin.preFilter(cycle) : ({ kind: 'run', state: undefined } as const);
    if (result.kind === 'reject') return result.status;
    if (result.kind === 'skip') continue;
    if (result.nodeNames && !result.nodeNames.has(node.name)) {
      return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${plugin.name}]`], plugin: plugin.name };
    }
    const status = plugin.filter(cycle, result.state, node);
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
  /** normalized[p * nodes + i]: plugin p's 0..100 score of feasible node i (before weighting). */
  readonly normalized: Uint8Array;
  /** Σ weight × normalized, per feasible node. */
  readonly totals: Int32Array;
}

export function runScores(scheduler: SchedulerState, cycle: Cycle, feasible: Int32Array): ScorePass {
  const scorers = scheduler.profile.scorers;
  const n = feasible.length;
  const width = scorers.length;
  const totals = arenaInt32(scheduler.scratch.arena, n);
  const normalized = arenaUint8(scheduler.scratch.arena, n * width);
  const skipped: boolean[] = [];
  const scores = scoreScratch(scheduler.scratch, n, cycle.cluster.nodes.length);
  for (let p = 0; p < width; p++) {
    const { plugin, weight } = scorers[p];
    const state = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
    if (state === SKIPPED || !plugin.score) {
      skipped.push(true);
      continue;
    }
    const uniform = plugin.uniformScore?.(cycle, state);
    if (uniform !== undefined) {
      const clamped = uniform > MAX_SCORE ? MAX_SCORE : uniform < 0 ? 0 : uniform;
      normalized.fill(clamped, p * n, p * n + n);
      const added = clamped * weight;
      for (let i = 0; i < n; i++) totals[i] += added;
      skipped.push(false);
      continue;
    }
    if (plugin.scoreNodes) plugin.scoreNodes(cycle, state, feasible, scores);
    else for (let i = 0; i < n; i++) scores[i] = plugin.score(cycle, state, cycle.cluster.nodes[feasible[i]]);
    plugin.normalizeScore?.(cycle, state, scores, feasible);
    const base = p * n;
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      const clamped = s > MAX_SCORE ? MAX_SCORE : s < 0 ? 0 : s;
      normalized[base + i] = clamped;
      totals[i] += clamped * weight;
    }
    skipped.push(false);
  }
  const { names, weights } = scheduler.scoreColumns;
  return { plugins: names, weights, skipped, normalized, totals };
}

/**
 * selectHost, made deterministic: the highest total wins; when several nodes share it, upstream
 * picks one uniformly at random (reservoir sampling) — we pick the lowest node name (byte order)
 * and report every tied node: `tie` holds their indices (in the arena, in the order found; sort
 * them by `rank` to list them), null without a tie.
 */
export function selectHost(nodes: readonly NodeInfo[], rank: Int32Array, feasible: Int32Array, totals: Int32Array, arena: Arena): { node: NodeInfo; tie: Int32Array | null } {
  let best = -Infinity;
  let count = 0;
  let chosen = feasible[0];
  for (let i = 0; i < feasible.length; i++) {
    const t = totals[i];
    const index = feasible[i];
    if (t > best) {
      best = t;
      count = 1;
      chosen = index;
    } else if (t === best) {
      count++;
      if (rank[index] < rank[chosen]) chosen = index;
    }
  }
  if (count === 1) return { node: nodes[chosen], tie: null };
  const tie = arenaInt32(arena, count);
  for (let i = 0, k = 0; i < feasible.length; i++) if (totals[i] === best) tie[k++] = feasible[i];
  return { node: nodes[chosen], tie };
}
