import * as l10n from '@vscode/l10n';
import type { SimPod } from '../../model/pod';
import type { SimFinding } from '../../model/source';
import { blamePath } from './blame';
import type { PendingReason, PodPlacement } from '../runtime/placement';

/**
 * Findings for pods that did not get a node, one per workload and distinct message, pinned on the
 * most specific line (see blame.ts). Codes:
 *   sim/unschedulable   warning      no node passes the filters: the lead sentence (leadSentence.ts), then the
 *                                    scheduler's event message verbatim ("Pod x cannot be scheduled: <lead>. 0/6 nodes…")
 *   sim/unknown-node    warning      spec.nodeName names a node the cluster does not have
 *   sim/pending-gated   information  spec.schedulingGates holds the pod back
 *   sim/other-scheduler information  spec.schedulerName is not default-scheduler
 *   sim/preempted       information  evicted by a higher-priority pod and not placed again
 */
export interface PlacedPod {
  readonly pod: SimPod;
  readonly placement: PodPlacement;
  /** The cause in plain words (leadSentence.ts), for an Unschedulable pod. */
  readonly lead?: string | null;
}

const CODES: Record<PendingReason, { code: string; severity: SimFinding['severity'] }> = {
  Unschedulable: { code: 'sim/unschedulable', severity: 'warning' },
  NodeNotFound: { code: 'sim/unknown-node', severity: 'warning' },
  SchedulingGated: { code: 'sim/pending-gated', severity: 'information' },
  OtherScheduler: { code: 'sim/other-scheduler', severity: 'information' },
  Preempted: { code: 'sim/preempted', severity: 'information' },
};

/** "<subject> <verb>: <text>", one whole sentence per verb (the subject comes from subject()). */
function sentence(reason: PendingReason, subject: string, text: string): string {
  switch (reason) {
    case 'Unschedulable':
      return l10n.t('{0} cannot be scheduled: {1}', subject, text);
    case 'NodeNotFound':
      return l10n.t('{0} never starts: {1}', subject, text);
    case 'Preempted':
      return l10n.t('{0} was preempted: {1}', subject, text);
    default:
      return l10n.t('{0} stays Pending: {1}', subject, text);
  }
}

export function placementFindings(placed: readonly PlacedPod[], nodeLabels: (node: string) => Readonly<Record<string, string>> | undefined): SimFinding[] {
  const totals = new Map<string, number>();
  for (const { pod } of placed) totals.set(sourceKey(pod), (totals.get(sourceKey(pod)) ?? 0) + 1);
  const groups = new Map<string, PlacedPod[]>();
  for (const item of placed) {
    const reason = item.placement.reason;
    if (item.placement.status !== 'Pending' || reason === null) continue;
    const key = `${sourceKey(item.pod)}\u0000${reason}\u0000${item.placement.message}\u0000${item.lead ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const findings: SimFinding[] = [];
  for (const group of groups.values()) {
    const { pod, placement, lead } = group[0];
    const { code, severity } = CODES[placement.reason!];
    const total = totals.get(sourceKey(pod)) ?? group.length;
    // A lead that only repeats upstream's reason (a PreFilter's, a volume plugin's) is left out.
    // The lead is ours (translated); the scheduler's message after it stays as kube-scheduler words it.
    const text = lead && !placement.message.includes(lead) ? l10n.t('{0}. {1}', lead, placement.message) : placement.message;
    findings.push({ source: pod.source, path: blamePath(pod, placement, nodeLabels), severity, code, message: sentence(placement.reason!, subject(group, total), text) });
  }
  return findings;
}

function subject(group: readonly PlacedPod[], total: number): string {
  const pod = group[0].pod;
  const workload = pod.workload ?? pod.owner;
  if (group.length === 1 && total === 1) return l10n.t('Pod {0}', pod.name);
  const names = group.slice(0, 3).map((p) => p.pod.name).join(', ') + (group.length > 3 ? ', ...' : '');
  return workload ? l10n.t('{0} of {1} pods of {2} {3} ({4})', group.length, total, workload.kind, workload.name, names) : l10n.t('{0} of {1} pods ({2})', group.length, total, names);
}

function sourceKey(pod: SimPod): string {
  return `${pod.source.file}\u0000${pod.source.document}\u0000${pod.source.path.join('/')}`;
}
