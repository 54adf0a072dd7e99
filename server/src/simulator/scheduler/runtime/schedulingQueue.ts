import { verbatim } from '../../../l10n/verbatim';
import type { SimPod } from '../../model/pod';
import { unbindPod } from '../cache/clusterState';
import { NO_FAILURES, type PodPlacement } from './placement';
import { SamePendingOutcome } from './samePendingOutcome';
import { scheduleOne } from './scheduleOne';
import type { SchedulerState } from './schedulerState';

/**
 * Places a batch of new pods one at a time, each seeing the placements before it, in the order
 * the active queue pops them (`PrioritySort`): pods naming their node first (they bypass the
 * scheduler), then higher `priority`, then earlier creation (here: document order).
 *
 * Preemption: when DefaultPreemption finds a node where evicting lower-priority pods makes room,
 * the victims are evicted (their placement becomes Pending/Preempted and, as their controller
 * recreates them, they are queued again) and the pod is tried once more.
 * StatefulSet `OrderedReady`: once a pod of such a set stays Pending, its later ordinals are not
 * created at all (`notCreated`).
 */
export interface QueuedPod {
  readonly pod: SimPod;
  /** Creation order (document order); earlier pops first among equal priorities. */
  readonly order: number;
  /** Pods of one OrderedReady StatefulSet share a group. */
  readonly orderedGroup?: string;
}

export interface QueueRun {
  readonly placements: Map<string, PodPlacement>;
  /** Pods never created because an earlier ordinal of their StatefulSet is not running. */
  readonly notCreated: SimPod[];
  /** Evictions done for preemption: victim key → the pod that preempted it. */
  readonly preempted: Map<string, { by: string; node: string }>;
}

export function runSchedulingQueue(state: SchedulerState, pods: readonly QueuedPod[]): QueueRun {
  const queue = [...pods].sort(compareQueued);
  const placements = new Map<string, PodPlacement>();
  const notCreated: SimPod[] = [];
  const preempted = new Map<string, { by: string; node: string }>();
  const blockedGroups = new Set<string>();
  const retried = new Set<string>();
  // Replicas left Pending on an unchanged cluster: the first one's cycle answers for the others (samePendingOutcome.ts).
  const samePending = new SamePendingOutcome();
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i];
    if (item.orderedGroup && blockedGroups.has(item.orderedGroup)) {
      notCreated.push(item.pod);
      continue;
    }
    let placement = samePending.find(item.pod) ?? scheduleOne(state, item.pod);
    if (placement.preemption?.kind === 'preempts' && !retried.has(item.pod.key)) {
      retried.add(item.pod.key);
      const node = placement.preemption.node;
      for (const victimKey of placement.preemption.victims) {
        const victim = unbindPod(state, victimKey);
        if (!victim) continue;
        preempted.set(victimKey, { by: item.pod.key, node });
        placements.set(victimKey, { ...(placements.get(victimKey) ?? emptyPlacement(victimKey)), status: 'Pending', node: null, reason: 'Preempted', message: verbatim(`Preempted by ${item.pod.key} on node ${node}`) });
        if (victim.pod.owner) insertSorted(queue, i + 1, { pod: replacementOf(victim.pod), order: pods.find((p) => p.pod.key === victimKey)?.order ?? Number.MAX_SAFE_INTEGER });
      }
      placement = scheduleOne(state, item.pod);
    }
    // Bound, or victims evicted for it: the cluster changed. Else the cycle changed nothing.
    if (placement.status !== 'Pending' || retried.has(item.pod.key)) samePending.clusterChanged();
    else samePending.remember(item.pod, placement);
    placements.set(item.pod.key, placement);
    if (item.orderedGroup && placement.status === 'Pending') blockedGroups.add(item.orderedGroup);
  }
  return { placements, notCreated, preempted };
}

/** The pod its controller creates in place of an evicted one: the same template, not yet on a node. */
function replacementOf(pod: SimPod): SimPod {
  const spec = { ...pod.spec };
  delete spec.nodeName;
  return { ...pod, spec, nodeName: null, phase: null };
}

function compareQueued(a: QueuedPod, b: QueuedPod): number {
  const bypassA = a.pod.nodeName !== null ? 0 : 1;
  const bypassB = b.pod.nodeName !== null ? 0 : 1;
  return bypassA - bypassB || b.pod.priority - a.pod.priority || a.order - b.order;
}

function insertSorted(queue: QueuedPod[], from: number, item: QueuedPod): void {
  let at = from;
  while (at < queue.length && compareQueued(queue[at], item) <= 0) at++;
  queue.splice(at, 0, item);
}

function emptyPlacement(podKey: string): PodPlacement {
  return { podKey, status: 'Pending', node: null, reason: null, message: '', filters: NO_FAILURES, scores: null, tie: null, evaluatedNodes: 0, feasibleNodes: 0, preemption: null };
}
