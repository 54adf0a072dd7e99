import type { SimPod } from '../../model/pod';

/** One pod of a simulated ReplicaSet. */
export interface RolloutPod {
  pod: SimPod;
  /** Creation order over the whole simulation (stands for creationTimestamp). */
  seq: number;
  /** Node it is bound to, null while unschedulable. */
  node: string | null;
  /** The scheduler's message while unschedulable. */
  pendingMessage: string;
  /** Tick from which it counts as available; null = not yet scheduled, or never ready. */
  availableAt: number | null;
  neverReady: boolean;
}

/**
 * The order in which the ReplicaSet controller deletes pods on scale-down (upstream
 * `ActivePodsWithRanks`), reduced to what the idealised model distinguishes:
 *   1. unscheduled before scheduled;
 *   2. not available (not ready / pending) before available;
 *   3. newer before older (shorter ready time, newer creation).
 * Deterministic: creation order breaks every tie.
 */
export function rankPodsForDeletion(pods: readonly RolloutPod[], tick: number): RolloutPod[] {
  const rank = (pod: RolloutPod): number => (pod.node === null ? 0 : pod.availableAt !== null && pod.availableAt <= tick ? 2 : 1);
  return [...pods].sort((a, b) => rank(a) - rank(b) || b.seq - a.seq);
}
