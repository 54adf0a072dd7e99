import type { SimPod } from '../../model/pod';

/** Live counts a ReplicaSet keeps about its pods, so that no step has to scan every pod. */
export interface PodCounts {
  /** Pods that are available now. */
  available: number;
  /** Pods the scheduler could not place yet. */
  unscheduled: number;
}

/** One pod of a simulated ReplicaSet. */
export interface RolloutPod {
  pod: SimPod;
  /** Creation order over the whole simulation (stands for creationTimestamp). */
  seq: number;
  /** Node it is bound to, null while unschedulable. */
  node: string | null;
  /** The scheduler's message while unschedulable. */
  pendingMessage: string;
  /** Step from which it counts as available; null = not yet scheduled, or never ready. */
  availableAt: number | null;
  available: boolean;
  neverReady: boolean;
  deleted: boolean;
  owner: PodCounts;
}

/**
 * The pods the ReplicaSet controller deletes first on scale-down (upstream `ActivePodsWithRanks`),
 * reduced to what the idealised model distinguishes:
 *   1. unscheduled before scheduled;
 *   2. not available (not ready / pending) before available;
 *   3. newer before older (shorter ready time, newer creation).
 * `pods` must be in creation order (as ReplicaSets keep them); each class is read from the newest
 * end and skipped outright when the owner's counts say it is empty, so the common case (an old
 * ReplicaSet of available pods) costs O(count).
 */
export function pickVictims(pods: readonly RolloutPod[], owner: PodCounts, count: number): RolloutPod[] {
  const victims: RolloutPod[] = [];
  const notAvailable = pods.length - owner.available - owner.unscheduled;
  const classes: Array<[boolean, (pod: RolloutPod) => boolean]> = [
    [owner.unscheduled > 0, (pod) => pod.node === null],
    [notAvailable > 0, (pod) => pod.node !== null && !pod.available],
    [true, (pod) => pod.available],
  ];
  for (const [present, test] of classes) {
    if (!present) continue;
    for (let i = pods.length - 1; i >= 0 && victims.length < count; i--) if (test(pods[i])) victims.push(pods[i]);
    if (victims.length >= count) break;
  }
  return victims;
}
