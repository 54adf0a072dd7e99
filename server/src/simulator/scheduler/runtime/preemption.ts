import { verbatim } from '../../../l10n/verbatim';
import { bindPod, unbindPod } from '../cache/clusterState';
import type { NodeInfo } from '../cache/nodeInfo';
import type { PodInfo } from '../cache/podInfo';
import { NO_VICTIMS } from '../explain/messages';
import type { Cycle } from '../types';
import { checkNode, type FilterPass } from './framework';
import type { PreemptionOutcome } from './placement';
import type { SchedulerState } from './schedulerState';

/**
 * DefaultPreemption's PostFilter, as a dry run (`preemption.Evaluator`):
 *   - a pod with `preemptionPolicy: Never` is not eligible;
 *   - only nodes that failed with `Unschedulable` (not `…AndUnresolvable`) can be helped;
 *   - on such a node every lower-priority pod is a potential victim; none → "No preemption victims
 *     found for incoming pod"; with all of them removed the pod must pass the filters (else that
 *     node's status is the filters' reasons); then victims are reprieved, most important first,
 *     while the pod still fits;
 *   - among the candidates the node with the lowest highest-victim priority, then the smallest
 *     sum of victim priorities, then the fewest victims wins (PodDisruptionBudgets are not
 *     simulated; upstream first minimizes PDB violations). The first candidate in node order wins a tie.
 * The cluster state is restored before returning: the caller decides whether to evict.
 */
export function evaluatePreemption(state: SchedulerState, pod: PodInfo, pass: FilterPass): PreemptionOutcome {
  if (pod.pod.spec.preemptionPolicy === 'Never') return { kind: 'not-eligible', reason: verbatim('not eligible due to preemptionPolicy=Never.') };
  const statuses = new Map<string, readonly string[]>();
  const numAllNodes = state.nodes.length;
  if (pass.preFilterStatus) return { kind: 'failed', statuses, numAllNodes };
  const potential = Array.from(pass.failedNodes, (node) => state.nodes[node]).filter((_, i) => pass.failedStatuses[i].code === 'Unschedulable');
  const wanted = Math.min(potential.length, Math.max(Math.trunc(potential.length / 10), 100));
  const candidates: Candidate[] = [];
  for (const node of potential) {
    if (candidates.length >= wanted) break;
    const victims = node.pods.filter((p) => p.priority < pod.priority);
    if (victims.length === 0) {
      statuses.set(node.name, [NO_VICTIMS]);
      continue;
    }
    const result = selectVictims(state, pod, node, victims);
    if (Array.isArray(result)) candidates.push({ node, victims: result });
    else statuses.set(node.name, result.reasons);
  }
  if (candidates.length === 0) return { kind: 'failed', statuses, numAllNodes };
  const best = candidates.reduce((a, b) => (compareCandidates(a, b) <= 0 ? a : b));
  return { kind: 'preempts', node: best.node.name, victims: best.victims.map((v) => v.key) };
}

interface Candidate {
  node: NodeInfo;
  victims: PodInfo[];
}

function selectVictims(state: SchedulerState, pod: PodInfo, node: NodeInfo, potential: PodInfo[]): PodInfo[] | { reasons: readonly string[] } {
  const cycle: Cycle = { pod, cluster: state };
  const startIndex = state.nextStartNodeIndex;
  for (const victim of potential) unbindPod(state, victim.key);
  const status = checkNode(state, cycle, node);
  if (status) {
    for (const victim of potential) bindPod(state, victim, node);
    state.nextStartNodeIndex = startIndex;
    return { reasons: status.reasons };
  }
  // Reprieve the most important pods first (higher priority; upstream then prefers older pods).
  const ordered = [...potential].sort((a, b) => b.priority - a.priority);
  const victims: PodInfo[] = [];
  for (const candidate of ordered) {
    bindPod(state, candidate, node);
    if (checkNode(state, cycle, node) !== null) {
      unbindPod(state, candidate.key);
      victims.push(candidate);
    }
  }
  for (const victim of victims) bindPod(state, victim, node);
  state.nextStartNodeIndex = startIndex;
  return victims;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const highest = (c: Candidate): number => Math.max(...c.victims.map((v) => v.priority));
  // Upstream adds MaxInt32+1 to every priority before summing, so that negative priorities still count.
  const sum = (c: Candidate): number => c.victims.reduce((total, v) => total + v.priority + 2147483648, 0);
  return highest(a) - highest(b) || sum(a) - sum(b) || a.victims.length - b.victims.length;
}
