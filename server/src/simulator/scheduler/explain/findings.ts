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

const CODES: Record<PendingReason, { code: string; severity: SimFinding['severity']; verb: string }> = {
  Unschedulable: { code: 'sim/unschedulable', severity: 'warning', verb: 'cannot be scheduled' },
  NodeNotFound: { code: 'sim/unknown-node', severity: 'warning', verb: 'never starts' },
  SchedulingGated: { code: 'sim/pending-gated', severity: 'information', verb: 'stays Pending' },
  OtherScheduler: { code: 'sim/other-scheduler', severity: 'information', verb: 'stays Pending' },
  Preempted: { code: 'sim/preempted', severity: 'information', verb: 'was preempted' },
};

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
    const { code, severity, verb } = CODES[placement.reason!];
    const total = totals.get(sourceKey(pod)) ?? group.length;
    // A lead that only repeats upstream's reason (a PreFilter's, a volume plugin's) is left out.
    const text = lead && !placement.message.includes(lead) ? `${lead}. ${placement.message}` : placement.message;
    findings.push({ source: pod.source, path: blamePath(pod, placement, nodeLabels), severity, code, message: `${subject(group, total)} ${verb}: ${text}` });
  }
  return findings;
}

function subject(group: readonly PlacedPod[], total: number): string {
  const pod = group[0].pod;
  const workload = pod.workload ?? pod.owner;
  if (group.length === 1 && total === 1) return `Pod ${pod.name}`;
  const names = group.slice(0, 3).map((p) => p.pod.name).join(', ') + (group.length > 3 ? ', …' : '');
  const of = workload ? `of ${workload.kind} ${workload.name} ` : '';
  return `${group.length} of ${total} pods ${of}(${names})`;
}

function sourceKey(pod: SimPod): string {
  return `${pod.source.file}\u0000${pod.source.document}\u0000${pod.source.path.join('/')}`;
}
