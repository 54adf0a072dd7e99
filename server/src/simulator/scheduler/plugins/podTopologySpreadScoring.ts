import { counterFor } from '../counters/counterRegistry';
import { createNodeCounter, type DomainCounter, type NodeCounter } from '../counters/domainCounter';
import type { NodeInfo } from '../nodeInfo';
import { HOSTNAME_KEY, type SpreadConstraint } from '../podSpread';
import { MAX_NODE_SCORE, SKIP_SCORE, type Cycle } from '../types';
import { domainCounterFor } from './spreadCounters';

/**
 * PodTopologySpread score (ScheduleAnyway constraints, or the system defaults), weight 2:
 *   ignored   = feasible nodes lacking a constraint key (only for the pod's own constraints)
 *   size_i    = distinct values of key_i over the other feasible nodes (hostname: their number)
 *   w_i       = ln(size_i + 2)
 *   raw(X)    = round( Σ_i [ count_i(X) · w_i + (maxSkew_i − 1) ] )   over constraints whose key X has
 *   count_i   = matching pods in X's domain (hostname: on X itself)
 *   score(X)  = 100 · (max + min − raw) / max over non-ignored nodes (100 when max is 0; ignored 0)
 *
 * Worked example (upstream): hostname, maxSkew 1, matching pods a:2, b:1, c:0, d:3, w = ln 6 →
 * raw 4, 2, 0, 5 → 20, 60, 100, 0.
 */
export interface SpreadScoreState {
  constraints: readonly SpreadConstraint[];
  weights: number[];
  domainCounters: Array<DomainCounter | null>;
  nodeCounters: Array<NodeCounter | null>;
  ignored: Set<number>;
}

export function prepareSpreadScore(cycle: Cycle, feasible: readonly NodeInfo[]): SpreadScoreState | typeof SKIP_SCORE {
  const spread = cycle.pod.spread;
  const constraints = spread.score;
  if (constraints.length === 0 || feasible.length === 0) return SKIP_SCORE;
  const requireAll = spread.explicit;
  const allKeys = constraints.map((c) => c.topologyKey);
  const ignored = new Set<number>();
  const domains = constraints.map(() => new Set<string>());
  for (const node of feasible) {
    if (requireAll && allKeys.some((k) => node.labels[k] === undefined)) {
      ignored.add(node.index);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey !== HOSTNAME_KEY) domains[i].add(node.labels[c.topologyKey] ?? '');
    });
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME_KEY ? feasible.length - ignored.size : domains[i].size) + 2));
  const ns = cycle.pod.namespace;
  return {
    constraints,
    weights,
    ignored,
    domainCounters: constraints.map((c) => (c.topologyKey === HOSTNAME_KEY ? null : domainCounterFor(cycle, c, requireAll ? allKeys : [c.topologyKey], 'score'))),
    nodeCounters: constraints.map((c) =>
      c.topologyKey !== HOSTNAME_KEY ? null : counterFor(cycle.cluster.counters, cycle.cluster.nodes, `nodes|${ns}|${c.selector.key}`, () => createNodeCounter(ns, c.selector, cycle.cluster.nodes.length)),
    ),
  };
}

export function spreadScore(_cycle: Cycle, state: SpreadScoreState, node: NodeInfo): number {
  if (state.ignored.has(node.index)) return 0;
  let score = 0;
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const value = node.labels[c.topologyKey];
    if (value === undefined) continue;
    const domainCounter = state.domainCounters[i];
    const count = domainCounter ? (domainCounter.counts.get(value) ?? 0) : state.nodeCounters[i]!.perNode[node.index];
    score += count * state.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

export function normalizeSpreadScores(_cycle: Cycle, state: SpreadScoreState, scores: number[], feasible: readonly NodeInfo[]): void {
  let min = Infinity;
  let max = 0;
  feasible.forEach((node, i) => {
    if (state.ignored.has(node.index)) return;
    if (scores[i] < min) min = scores[i];
    if (scores[i] > max) max = scores[i];
  });
  feasible.forEach((node, i) => {
    if (state.ignored.has(node.index)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  });
}
