import type { DomainCounter } from '../cache/counters/domainCounter';
import type { SpreadConstraint } from '../cache/podSpread';
import { definePlugin, makeStatus, SKIP_RESULT, type Status } from '../types';
import { normalizeSpreadScores, prepareSpreadScore, spreadScore, spreadScoreNodes, type SpreadScoreState } from './podTopologySpreadScoring';
import { domainCounterFor, resolvedOnce } from './spreadCounters';

/**
 * PodTopologySpread.
 * Filter (DoNotSchedule constraints), for each constraint c on node X:
 *   fail "(missing required label)" when X lacks c.topologyKey;
 *   minMatch = 0 when fewer than c.minDomains domains exist, else the smallest domain count;
 *   skew = count(X's domain) + (1 if the pod matches its own selector) − minMatch;
 *   fail when skew > c.maxSkew.
 * Domains and counts come from eligible nodes only: nodes with every constraint key that pass
 * the inclusion policies (nodeAffinityPolicy Honor by default, nodeTaintsPolicy Ignore).
 *
 * Worked example: zones a (n1, n2), b (n3, n4); matching pods n1:2, n2:1, n3:1; maxSkew 1 →
 * a=3, b=1, min 1 → zone a skew 3+1−1 = 3 > 1 (n1, n2 fail), zone b skew 1 (n3, n4 pass).
 * Score: see podTopologySpreadScoring.
 */
export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';

const MISSING_LABEL = makeStatus(POD_TOPOLOGY_SPREAD, 'UnschedulableAndUnresolvable', "node(s) didn't match pod topology spread constraints (missing required label)");
const SKEW = makeStatus(POD_TOPOLOGY_SPREAD, 'Unschedulable', "node(s) didn't match pod topology spread constraints");

interface SpreadFilterState {
  constraints: readonly SpreadConstraint[];
  counters: DomainCounter[];
  selfMatch: boolean[];
}

function filterAt(state: SpreadFilterState, index: number): Status | null {
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const counter = state.counters[i];
    const domain = counter.topology.domainOf[index];
    if (domain < 0) return MISSING_LABEL;
    const minMatch = counter.domains < c.minDomains ? 0 : counter.min();
    const skew = counter.counts[domain] + (state.selfMatch[i] ? 1 : 0) - minMatch;
    if (skew > c.maxSkew) return SKEW;
  }
  return null;
}

export const podTopologySpreadPlugin = definePlugin<SpreadFilterState, SpreadScoreState>({
  name: POD_TOPOLOGY_SPREAD,
  preFilter(cycle) {
    const constraints = cycle.pod.spread.filter;
    if (constraints.length === 0) return SKIP_RESULT;
    const state = resolvedOnce(cycle, constraints, (): SpreadFilterState => {
      const allKeys = constraints.map((c) => c.topologyKey);
      return {
        constraints,
        counters: constraints.map((c) => domainCounterFor(cycle, c, allKeys, 'filter')),
        selfMatch: constraints.map((c) => c.selector.matches(cycle.pod.labels)),
      };
    });
    return { kind: 'run', state };
  },
  filter: (_cycle, state, node) => filterAt(state, node.index),
  filterNodes(_cycle, state, nodes, from, to, statuses) {
    // Constraint by constraint (each with its arrays in locals); a node keeps its first failure.
    for (let k = 0; k < state.constraints.length; k++) {
      const c = state.constraints[k];
      const counter = state.counters[k];
      const domainOf = counter.topology.domainOf;
      const counts = counter.counts;
      const limit = c.maxSkew + (counter.domains < c.minDomains ? 0 : counter.min()) - (state.selfMatch[k] ? 1 : 0);
      for (let i = from; i < to; i++) {
        if (statuses[i] !== null) continue;
        const domain = domainOf[nodes[i]];
        if (domain < 0) statuses[i] = MISSING_LABEL;
        else if (counts[domain] > limit) statuses[i] = SKEW;
      }
    }
  },
  preScore: prepareSpreadScore,
  score: spreadScore,
  scoreNodes: spreadScoreNodes,
  normalizeScore: normalizeSpreadScores,
});
