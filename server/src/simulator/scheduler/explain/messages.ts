import type { FilterPass } from '../runtime/framework';
import type { PreemptionOutcome } from '../runtime/placement';

/**
 * The text kube-scheduler puts in a FailedScheduling event and in the pod's PodScheduled condition.
 *
 * `FitError.Error()`: "0/N nodes are available: <histogram>." where the histogram counts every
 * reason of every node's status ("<count> <reason>"), sorted as strings (so "10 …" sorts before
 * "2 …"), joined with ", ". When a PreFilter rejected the pod its message replaces the histogram.
 * Then the PostFilter plugins' messages, joined with ", ": DynamicResources (on by default since
 * 1.34) says "no new claims to deallocate" for a pod without claims, DefaultPreemption says
 * "preemption: " + its own FitError (nodes where preemption cannot help count as "Preemption is
 * not helpful for scheduling"). A preemption that succeeds adds nothing.
 *
 * Worked example: 6 nodes, 2 short of cpu, 4 tainted →
 * "0/6 nodes are available: 2 Insufficient cpu, 4 node(s) had untolerated taint(s). no new claims
 * to deallocate, preemption: 0/6 nodes are available: 2 No preemption victims found for incoming
 * pod, 4 Preemption is not helpful for scheduling."
 */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';
export const NO_CLAIMS_MESSAGE = 'no new claims to deallocate';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** The FitError part: "0/N nodes are available: …." */
export function fitErrorMessage(pass: FilterPass, numAllNodes: number): string {
  const head = `0/${numAllNodes} nodes are available:`;
  if (pass.preFilterStatus) return `${head} ${pass.preFilterStatus.reasons.join(', ')}.`;
  const histogram = new Map<string, number>();
  for (const status of pass.failedStatuses) for (const reason of status.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const absent = numAllNodes - pass.failedStatuses.length;
  if (absent > 0 && pass.excluded.status) for (const reason of pass.excluded.status.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + absent);
  return histogramMessage(head, histogram);
}

/** "<head> 3 a, 4 b." with the entries sorted as Go's sort.Strings sorts them. */
export function histogramMessage(head: string, histogram: ReadonlyMap<string, number>): string {
  const entries = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(compareBytes);
  return entries.length === 0 ? head : `${head} ${entries.join(', ')}.`;
}

/** The PostFilter part, or '' when preemption succeeds. */
export function postFilterMessage(outcome: PreemptionOutcome): string {
  if (outcome.kind === 'preempts') return '';
  if (outcome.kind === 'not-eligible') return `${NO_CLAIMS_MESSAGE}, preemption: ${outcome.reason}`;
  const histogram = new Map<string, number>();
  for (const reasons of outcome.statuses.values()) for (const reason of reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const absent = outcome.numAllNodes - outcome.statuses.size;
  if (absent > 0) histogram.set(NOT_HELPFUL, (histogram.get(NOT_HELPFUL) ?? 0) + absent);
  return `${NO_CLAIMS_MESSAGE}, preemption: ${histogramMessage(`0/${outcome.numAllNodes} nodes are available:`, histogram)}`;
}

/**
 * A volume plugin's PreFilter rejection ends PreFilter before DynamicResources' PreFilter stores its
 * state; DynamicResources' PostFilter then fails reading it (`fwk.ErrNotFound`) and the framework
 * returns that error before DefaultPreemption runs (volumes.md §7): the PostFilter part is
 * "not found." — e.g. "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.
 * not found." (1.34+, DRA on by default).
 */
export const DRA_STATE_NOT_FOUND = 'not found.';
const STOPS_BEFORE_DRA = new Set(['VolumeRestrictions', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone']);

export function preFilterStopsBeforeDra(pass: FilterPass): boolean {
  return pass.preFilterStatus !== null && STOPS_BEFORE_DRA.has(pass.preFilterStatus.plugin);
}

export function unschedulableMessage(fit: string, outcome: PreemptionOutcome): string {
  const post = postFilterMessage(outcome);
  return post === '' ? fit : `${fit} ${post}`;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
