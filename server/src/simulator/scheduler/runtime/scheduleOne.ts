import * as l10n from '@vscode/l10n';
import { verbatim } from '../../../l10n/verbatim';
import { isRecord } from '../../model/labelSelector';
import type { SimPod } from '../../model/pod';
import { bindPod, compilePod } from '../cache/clusterState';
import { DRA_STATE_NOT_FOUND, fitErrorMessage, NO_NODES_MESSAGE, preFilterStopsBeforeDra, unschedulableMessage } from '../explain/messages';
import type { Cycle, Status } from '../types';
import { arenaInt32 } from './arena';
import { assumePodVolumes } from './assumeVolumes';
import { runFilters, runScores, selectHost, type FilterPass, type ScorePass } from './framework';
import { simplePlacement, type FilterFailures, type PodPlacement, type ScoreTable } from './placement';
import { evaluatePreemption } from './preemption';
import { DEFAULT_SCHEDULER_NAME } from './profile';
import type { SchedulerState } from './schedulerState';

/**
 * One scheduling cycle for one pod (`ScheduleOne` → `schedulePod`), binding it into the state
 * when a node is found:
 *   - a pod naming its node (`spec.nodeName`) is bound there without scheduling (as the kubelet
 *     runs it); an unknown node leaves it Pending;
 *   - another `schedulerName`, or `schedulingGates`, leave it Pending untouched;
 *   - otherwise Filter; no feasible node → Pending with the FitError message (and what preemption
 *     would do); exactly one → that node, **no scoring**; several → Score, highest total wins,
 *     ties broken by the lowest node name (upstream: random) and reported.
 * A pod whose key is already bound is returned as Bound where it is.
 */
export function scheduleOne(state: SchedulerState, pod: SimPod): PodPlacement {
  const existing = state.pods.get(pod.key);
  if (existing) return simplePlacement(pod.key, 'Bound', state.nodes[existing.nodeIndex].name, null, l10n.t('already running on {0}', state.nodes[existing.nodeIndex].name));
  if (pod.nodeName !== null) return bindByName(state, pod, pod.nodeName);
  const schedulerName = typeof pod.spec.schedulerName === 'string' && pod.spec.schedulerName !== '' ? pod.spec.schedulerName : DEFAULT_SCHEDULER_NAME;
  if (schedulerName !== DEFAULT_SCHEDULER_NAME) {
    return simplePlacement(pod.key, 'Pending', null, 'OtherScheduler', l10n.t('waiting for scheduler "{0}", which is not simulated', schedulerName));
  }
  const gates = Array.isArray(pod.spec.schedulingGates) ? pod.spec.schedulingGates.filter(isRecord) : [];
  if (gates.length > 0) {
    const names = gates.map((g) => String(g.name ?? '')).join(', ');
    // The API server's condition message, verbatim, and the gates' names after it.
    return simplePlacement(pod.key, 'Pending', null, 'SchedulingGated', `${verbatim('Scheduling is blocked due to non-empty scheduling gates')} (${names})`);
  }
  if (state.nodes.length === 0) return simplePlacement(pod.key, 'Pending', null, 'Unschedulable', NO_NODES_MESSAGE);
  const info = compilePod(state, pod);
  const cycle: Cycle = { pod: info, cluster: state };
  const pass = runFilters(state, cycle);
  if (pass.feasible.length === 0) {
    const filters = failuresOf(state, pass, true);
    const preemption = evaluatePreemption(state, info, pass);
    const fit = fitErrorMessage(pass, state.nodes.length);
    const message = preFilterStopsBeforeDra(pass) ? `${fit} ${DRA_STATE_NOT_FOUND}` : unschedulableMessage(fit, preemption);
    return { podKey: pod.key, status: 'Pending', node: null, reason: 'Unschedulable', message, filters, scores: null, tie: null, evaluatedNodes: pass.evaluated, feasibleNodes: 0, preemption };
  }
  const filters = failuresOf(state, pass, false);
  let chosen = state.nodes[pass.feasible[0]];
  let scores: ScoreTable | null = null;
  let tied: Int32Array | null = null;
  if (pass.feasible.length > 1) {
    const scored = runScores(state, cycle, pass.feasible);
    const selected = selectHost(state.nodes, state.nameRank, pass.feasible, scored.totals, state.scratch.arena);
    chosen = selected.node;
    tied = selected.tie;
    scores = scoreTable(state, pass, scored);
  }
  if (info.pod.spec.volumes !== undefined) assumePodVolumes(state, info, chosen);
  bindPod(state, info, chosen);
  const message = `Successfully assigned ${pod.namespace}/${pod.name} to ${chosen.name}`;
  // Identical nodes tie often, and by the hundred: their names are listed when first read.
  let tieNames: string[] | null = null;
  const nodes = state.nodes;
  const rank = state.nameRank;
  return {
    podKey: pod.key,
    status: 'Scheduled',
    node: chosen.name,
    reason: null,
    message,
    filters,
    scores,
    get tie(): readonly string[] | null {
      if (tied === null) return null;
      return (tieNames ??= Array.from(tied, (i) => nodes[i]).sort((a, b) => rank[a.index] - rank[b.index]).map((n) => n.name));
    },
    evaluatedNodes: pass.evaluated,
    feasibleNodes: pass.feasible.length,
    preemption: null,
  };
}

function bindByName(state: SchedulerState, pod: SimPod, nodeName: string): PodPlacement {
  const node = state.nodeByName.get(nodeName);
  if (!node) return simplePlacement(pod.key, 'Pending', null, 'NodeNotFound', l10n.t('spec.nodeName names node "{0}", which is not in the cluster: the pod never starts', nodeName));
  bindPod(state, compilePod(state, pod), node);
  return simplePlacement(pod.key, 'Bound', nodeName, null, l10n.t('bound to {0} by spec.nodeName (the scheduler is bypassed)', nodeName));
}

/** Node names are resolved when first read (most placements are never explained node by node). */
function scoreTable(state: SchedulerState, pass: FilterPass, scored: ScorePass): ScoreTable {
  const feasible = arenaInt32(state.scratch.arena, pass.feasible.length);
  feasible.set(pass.feasible);
  let names: string[] | undefined;
  const nodes = state.nodes;
  return {
    plugins: scored.plugins,
    weights: scored.weights,
    skipped: scored.skipped,
    get nodes(): readonly string[] {
      return (names ??= Array.from(feasible, (i) => nodes[i].name));
    },
    normalized: scored.normalized,
    totals: scored.totals,
  };
}

/**
 * The nodes that failed, with their statuses. For a pod left Pending, the nodes a PreFilter result
 * ruled out (NodeAffinity's `metadata.name` shortcut) follow, with the status upstream gives them
 * ("node(s) didn't satisfy plugin(s) [NodeAffinity]"); a scheduled pod lists only the nodes tried
 * (a DaemonSet pod would otherwise list every other node).
 */
function failuresOf(state: SchedulerState, pass: FilterPass, withExcluded: boolean): FilterFailures {
  const failed = pass.failedNodes;
  const excludedStatus = withExcluded && pass.excluded.count > 0 ? pass.excluded.status : null;
  let names: string[] | undefined;
  let excluded: number[] | undefined;
  let statuses: readonly Status[] | undefined;
  const nodes = state.nodes;
  const excludedNodes = (): number[] => {
    if (excluded !== undefined) return excluded;
    const tried = new Set(failed);
    return (excluded = excludedStatus === null ? [] : Array.from(state.nodeOrder).filter((i) => !tried.has(i)));
  };
  return {
    get nodes(): readonly string[] {
      return (names ??= [...Array.from(failed, (i) => nodes[i].name), ...excludedNodes().map((i) => nodes[i].name)]);
    },
    get statuses(): readonly Status[] {
      if (excludedStatus === null) return pass.failedStatuses;
      return (statuses ??= [...pass.failedStatuses, ...excludedNodes().map(() => excludedStatus)]);
    },
  };
}
