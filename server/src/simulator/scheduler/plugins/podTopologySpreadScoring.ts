import type { DomainCounter, NodeCounter } from '../cache/counters/domainCounter';
import type { NodeInfo } from '../cache/nodeInfo';
import { HOSTNAME_KEY, type SpreadConstraint } from '../cache/podSpread';
import { topologyOf } from '../cache/clusterState';
import type { TopologyIndex } from '../cache/topologyIndex';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle } from '../types';
import { domainCounterFor, nodeCounterFor, resolvedOnce } from './spreadCounters';

/**
 * PodTopologySpread score (ScheduleAnyway constraints, or the system defaults), weight 2:
 *   ignored   = feasible nodes lacking a constraint key (only for the pod's own constraints)
 *   size_i    = distinct values of key_i over the other feasible nodes (hostname: their number;
 *               with the system defaults a node without the key counts as the value "")
 *   w_i       = ln(size_i + 2)
 *   raw(X)    = round( Σ_i [ count_i(X) · w_i + (maxSkew_i − 1) ] )   over constraints whose key X has
 *   count_i   = matching pods in X's domain on eligible nodes (hostname: on X itself)
 *   score(X)  = 100 · (max + min − raw) / max over non-ignored nodes (100 when max is 0; ignored 0)
 *
 * Worked example (upstream): hostname, maxSkew 1, matching pods a:2, b:1, c:0, d:3, w = ln 6 →
 * raw 4, 2, 0, 5 → 20, 60, 100, 0.
 */
interface SpreadScoreCounters {
  readonly constraints: readonly SpreadConstraint[];
  readonly topologies: readonly TopologyIndex[];
  readonly domainCounters: ReadonlyArray<DomainCounter | null>;
  readonly nodeCounters: ReadonlyArray<NodeCounter | null>;
}

// The per-constraint arrays are plain arrays: one or two constraints per pod, prepared every cycle,
// and a small typed array costs far more to allocate than it saves.
export interface SpreadScoreState extends SpreadScoreCounters {
  readonly weights: number[];
  /** Per node index: 1 when the node is ignored; null when no node is (the usual case). */
  readonly ignored: Uint8Array | null;
  readonly ignoredCount: number;
  /** Per constraint: the counts to read, by domain id (or by node index when `perNode[i]` is 1). */
  readonly sources: readonly Int32Array[];
  readonly perNode: boolean[];
  /** maxSkew − 1 per constraint. */
  readonly skews: number[];
}

const MAX_SCORE = MAX_NODE_SCORE;
const HOSTNAME = HOSTNAME_KEY;

export function prepareSpreadScore(cycle: Cycle, feasible: Int32Array): SpreadScoreState | typeof SKIP_SCORE {
  const spread = cycle.pod.spread;
  const constraints = spread.score;
  if (constraints.length === 0 || feasible.length === 0) return SKIP_SCORE;
  const requireAll = spread.explicit;
  const counters = resolvedOnce(cycle, constraints, (): SpreadScoreCounters => {
    const keys = constraints.map((c) => c.topologyKey);
    return {
      constraints,
      topologies: keys.map((k) => topologyOf(cycle.cluster, k)),
      domainCounters: constraints.map((c) => (c.topologyKey === HOSTNAME ? null : domainCounterFor(cycle, c, requireAll ? keys : [c.topologyKey], 'score'))),
      nodeCounters: constraints.map((c) => (c.topologyKey === HOSTNAME ? nodeCounterFor(cycle, c) : null)),
    };
  });
  const topologies = counters.topologies;
  const k = topologies.length;
  let ignored: Uint8Array | null = null;
  let ignoredCount = 0;
  if (requireAll) {
    for (let n = 0; n < feasible.length; n++) {
      for (let i = 0; i < k; i++) {
        if (topologies[i].domainOf[feasible[n]] < 0) {
          ignored ??= new Uint8Array(cycle.cluster.nodes.length);
          ignored[feasible[n]] = 1;
          ignoredCount++;
          break;
        }
      }
    }
  }
  const weights: number[] = [];
  const sources: Int32Array[] = [];
  const perNode: boolean[] = [];
  const skews: number[] = [];
  for (let i = 0; i < k; i++) {
    const hostname = constraints[i].topologyKey === HOSTNAME;
    weights.push(Math.log((hostname ? feasible.length - ignoredCount : domainCount(topologies[i].domainOf, topologies[i].values, feasible, ignored)) + 2));
    sources.push(hostname ? counters.nodeCounters[i]!.perNode : counters.domainCounters[i]!.counts);
    perNode.push(hostname);
    skews.push(constraints[i].maxSkew - 1);
  }
  return {
    constraints,
    topologies,
    domainCounters: counters.domainCounters,
    nodeCounters: counters.nodeCounters,
    weights,
    ignored,
    ignoredCount,
    sources,
    perNode,
    skews,
  };
}

/**
 * Distinct values of the key over the non-ignored feasible nodes; with the system defaults a node
 * without the key counts as the value "" (one more domain, unless a node has the value "").
 */
function domainCount(domainOf: Int32Array, values: readonly string[], feasible: Int32Array, ignored: Uint8Array | null): number {
  const seen = new Uint8Array(values.length);
  let size = 0;
  let missing = false;
  for (let n = 0; n < feasible.length; n++) {
    if (ignored !== null && ignored[feasible[n]] === 1) continue;
    const domain = domainOf[feasible[n]];
    if (domain < 0) missing = true;
    else if (seen[domain] === 0) {
      seen[domain] = 1;
      size++;
    }
  }
  if (missing && !values.some((v, id) => v === '' && seen[id] === 1)) size++;
  return size;
}

function scoreAt(state: SpreadScoreState, index: number): number {
  if (state.ignored !== null && state.ignored[index] === 1) return 0;
  let score = 0;
  const topologies = state.topologies;
  for (let i = 0; i < topologies.length; i++) {
    const domain = topologies[i].domainOf[index];
    if (domain < 0) continue;
    const count = state.sources[i][state.perNode[i] ? index : domain];
    score += count * state.weights[i] + state.skews[i];
  }
  return Math.round(score);
}

export function spreadScore(_cycle: Cycle, state: SpreadScoreState, node: NodeInfo): number {
  return scoreAt(state, node.index);
}

/**
 * The batch form, one constraint at a time with everything it reads in locals (the common
 * hostname + zone pair would otherwise reload the same arrays from the state for every node).
 */
export function spreadScoreNodes(_cycle: Cycle, state: SpreadScoreState, nodes: Int32Array, out: Float64Array): void {
  const n = nodes.length;
  out.fill(0, 0, n);
  for (let c = 0; c < state.topologies.length; c++) addConstraint(state.topologies[c].domainOf, state.sources[c], state.perNode[c], state.weights[c], state.skews[c], nodes, out);
  const ignored = state.ignored;
  for (let i = 0; i < n; i++) out[i] = ignored !== null && ignored[nodes[i]] === 1 ? 0 : Math.round(out[i]);
}

function addConstraint(domainOf: Int32Array, counts: Int32Array, perNode: boolean, weight: number, skew: number, nodes: Int32Array, out: Float64Array): void {
  for (let i = 0; i < nodes.length; i++) {
    const index = nodes[i];
    const domain = domainOf[index];
    if (domain < 0) continue;
    out[i] += counts[perNode ? index : domain] * weight + skew;
  }
}

export function normalizeSpreadScores(_cycle: Cycle, state: SpreadScoreState, scores: Float64Array, feasible: Int32Array): void {
  const ignored = state.ignored;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (ignored !== null && ignored[feasible[i]] === 1) continue;
    if (scores[i] < min) min = scores[i];
    if (scores[i] > max) max = scores[i];
  }
  for (let i = 0; i < scores.length; i++) {
    if (ignored !== null && ignored[feasible[i]] === 1) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_SCORE;
    else scores[i] = Math.trunc((MAX_SCORE * (max + min - scores[i])) / max);
  }
}
