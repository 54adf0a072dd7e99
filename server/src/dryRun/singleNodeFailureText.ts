import * as l10n from '@vscode/l10n';
import { readinessDelay } from '../simulator/lifecycle/readiness';
import { DEFAULT_TOLERATION_SECONDS, NODE_MONITOR_GRACE_SECONDS, UNREACHABLE_TAINT_KEY } from '../simulator/lifecycle/timing';
import { noExecuteVerdict, parseTimedTolerations, withDefaultTolerationSeconds } from '../simulator/lifecycle/tolerationSeconds';
import { NO_EXECUTE } from '../simulator/model/taints';
import type { SimPod } from '../simulator/model/pod';
import type { WhatIfDryRunOutput } from './whatIfDryRun';

/** How long a workload whose pods all run on one node goes without a ready pod when that node fails (seconds after the failure). */
export type Outage =
  /** `simulated` false: the lifecycle's defaults, not a what-if run (past singleNodeFailure.ts MAX_SIMULATED_NODES). */
  | { kind: 'replaced'; readyAt: number; tolerationSeconds: number; simulated: boolean }
  | { kind: 'until-node-returns'; reason: string };

/** What the finding says of a workload (singleNodeFailure.ts's Exposed). */
export interface OutageSubject {
  kind: string;
  namespace: string;
  name: string;
  node: string;
  pods: readonly SimPod[];
  pending: number;
}

const UNREACHABLE_NO_EXECUTE = { key: UNREACHABLE_TAINT_KEY, value: '', effect: NO_EXECUTE };

/**
 * The outage the what-if run of `node-down` on the workload's node shows: from the second its ready
 * count falls to 0 to the first second a pod of it is ready again, or why none is until the node is
 * back. Null when its ready count never falls to 0.
 */
export function simulatedOutage(run: WhatIfDryRunOutput, workload: OutageSubject): Outage | null {
  const history = run.whatIf.histories.find((h) => h.kind === workload.kind && h.namespace === workload.namespace && h.name === workload.name);
  if (!history || history.initial === 0) return null;
  const zeroAt = history.changes.find(([, , low]) => low === 0)?.[0];
  if (zeroAt === undefined) return null;
  const back = history.changes.find(([at, ready]) => at >= zeroAt && ready > 0);
  if (back) return { kind: 'replaced', readyAt: back[0], tolerationSeconds: unreachableToleration(workload.pods[0]) ?? DEFAULT_TOLERATION_SECONDS, simulated: true };
  const originals = new Set(workload.pods.map((p) => p.key));
  const group = `${workload.kind} ${workload.namespace}/${workload.name}`;
  const stuck = run.whatIf.pods.find((p) => p.group === group && !originals.has(p.pod.key) && p.phase === 'Pending');
  if (stuck) return { kind: 'until-node-returns', reason: l10n.t('its replacements stay Pending: {0}', stuck.pendingMessage ?? l10n.t('no node fits')) };
  const evicted = run.whatIf.timeline.some((e) => e.type === 'PodEvicted' && originals.has(e.pod));
  if (!evicted) return { kind: 'until-node-returns', reason: notEvictedReason(workload.pods[0]) };
  if (workload.kind === 'StatefulSet') return { kind: 'until-node-returns', reason: statefulSetReason() };
  return { kind: 'until-node-returns', reason: l10n.t('no replacement becomes ready') };
}

/** The outage from the lifecycle's defaults alone: NotReady at the grace period, evicted after the toleration, replaced and Ready after its probes. */
export function estimatedOutage(workload: OutageSubject): Outage {
  const pod = workload.pods[0];
  const toleration = unreachableToleration(pod);
  if (toleration === null) return { kind: 'until-node-returns', reason: notEvictedReason(pod) };
  if (workload.kind === 'StatefulSet') return { kind: 'until-node-returns', reason: statefulSetReason() };
  return { kind: 'replaced', readyAt: NODE_MONITOR_GRACE_SECONDS + toleration + readinessDelay(pod.spec), tolerationSeconds: toleration, simulated: false };
}

/**
 * "all 3 ready pods of Deployment web run on worker-1a: if that node fails, web has no ready pod
 * until replacements are ready (~6 min: node-monitor grace period 50 s + tolerationSeconds 300)".
 */
export function singleNodeFailureMessage(workload: OutageSubject, outage: Outage): string {
  const count = workload.pods.length;
  const name = workload.namespace === 'default' ? workload.name : `${workload.namespace}/${workload.name}`;
  const subject = count === 1 ? l10n.t('the only ready pod of {0} {1} runs on {2}', workload.kind, name, workload.node) : l10n.t('all {0} ready pods of {1} {2} run on {3}', count, workload.kind, name, workload.node);
  const pending = workload.pending === 0 ? '' : workload.pending === 1 ? l10n.t(' (1 more is Pending)') : l10n.t(' ({0} more are Pending)', workload.pending);
  return l10n.t('{0}{1}: if that node fails, {2} has no ready pod {3}', subject, pending, workload.name, outageText(workload, outage));
}

function outageText(workload: OutageSubject, outage: Outage): string {
  if (outage.kind === 'until-node-returns') return l10n.t('from {0} s after the failure (node-monitor grace period) until {1} is back: {2}', NODE_MONITOR_GRACE_SECONDS, workload.node, outage.reason);
  const parts = [l10n.t('node-monitor grace period {0} s', NODE_MONITOR_GRACE_SECONDS), `tolerationSeconds ${outage.tolerationSeconds}`];
  const toReady = outage.readyAt - NODE_MONITOR_GRACE_SECONDS - outage.tolerationSeconds;
  if (toReady > 0) parts.push(l10n.t('{0} s to Ready', toReady));
  const one = workload.pods.length === 1;
  const sum = parts.join(' + ');
  // Not simulated: the replacements may also stay Pending (a nodeSelector on the failed node), so a floor only.
  if (!outage.simulated) {
    return one
      ? l10n.t('until a replacement is ready (at least ~{0}: {1}; not simulated: too many nodes to fail in one dry run)', approximately(outage.readyAt), sum)
      : l10n.t('until replacements are ready (at least ~{0}: {1}; not simulated: too many nodes to fail in one dry run)', approximately(outage.readyAt), sum);
  }
  return one ? l10n.t('until a replacement is ready (~{0}: {1})', approximately(outage.readyAt), sum) : l10n.t('until replacements are ready (~{0}: {1})', approximately(outage.readyAt), sum);
}

/** `tolerationSeconds` of the toleration the taint-eviction controller uses for `unreachable:NoExecute` after admission (null: tolerated forever). */
export function unreachableToleration(pod: SimPod): number | null {
  const verdict = noExecuteVerdict([UNREACHABLE_NO_EXECUTE], withDefaultTolerationSeconds(parseTimedTolerations(pod.spec.tolerations)));
  if (verdict.kind === 'after') return verdict.seconds;
  if (verdict.kind === 'now') return 0;
  return verdict.kind === 'never' ? null : DEFAULT_TOLERATION_SECONDS;
}

function statefulSetReason(): string {
  return l10n.t("a StatefulSet recreates a pod only once the old one is gone, and the evicted pod stays Terminating until the node's kubelet is back");
}

function notEvictedReason(pod: SimPod): string {
  return unreachableToleration(pod) === null
    ? l10n.t('its pods tolerate {0}:NoExecute without tolerationSeconds, so they are never evicted', UNREACHABLE_TAINT_KEY)
    : l10n.t('the node controller evicts no pod while every zone is fully disrupted');
}

function approximately(seconds: number): string {
  return seconds < 120 ? l10n.t('{0} s', seconds) : l10n.t('{0} min', Math.round(seconds / 60));
}
