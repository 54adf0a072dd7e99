/**
 * The arithmetic of `reconcileOldReplicaSets` (upstream rolling.go), as pure functions over
 * ReplicaSet views so that the upstream unit-test tables can be checked directly.
 *
 *   maxScaledDown = allPods − minAvailable − (newRS.replicas − newRS.available)
 *
 * Subtracting the new RS's unavailable pods keeps a broken new RS from "using up" the unavailability
 * budget again on later syncs. Worked example (the comment in rolling.go, 10 replicas, surge 3,
 * unavailable 2, new pods crash-looping): old 8 + new 5 = 13 pods, minAvailable 8, new unavailable 5
 * → 13 − 8 − 5 = 0: nothing more is scaled down, and the rollout settles at old 8 / new 5.
 */

export interface ReplicaSetView {
  id: string;
  replicas: number;
  available: number;
  /** Creation order; ties broken by id (upstream `ReplicaSetsByCreationTimestamp`). */
  created: number;
}

export interface PlannedScale {
  id: string;
  from: number;
  to: number;
}

export function maxScaledDown(allPods: number, minAvailable: number, newReplicas: number, newAvailable: number): number {
  return allPods - minAvailable - (newReplicas - newAvailable);
}

export function byCreation(a: { created: number; id: string }, b: { created: number; id: string }): number {
  return a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * `cleanupUnhealthyReplicas`: oldest first, skip empty and fully available RSs, remove
 * min(budget left, replicas − available) from each: only unavailable pods, so availability does not drop.
 *
 * Worked examples (upstream `TestDeploymentController_cleanupUnhealthyReplicas`, old RS 10 with 8
 * ready): budget 1 → removes 1; budget 3 → removes 2; budget 0 → 0. With 10 ready and budget 3 → 0.
 */
export function planCleanupUnhealthyReplicas(oldRSs: readonly ReplicaSetView[], maxCleanupCount: number): PlannedScale[] {
  const plan: PlannedScale[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanupCount) break;
    if (rs.replicas === 0 || rs.replicas === rs.available) continue;
    const count = Math.min(maxCleanupCount - total, rs.replicas - rs.available);
    plan.push({ id: rs.id, from: rs.replicas, to: rs.replicas - count });
    total += count;
  }
  return plan;
}

/**
 * `scaleDownOldReplicaSetsForRollingUpdate`: when more than minAvailable pods are available overall,
 * remove up to (available − minAvailable) replicas from the old RSs, oldest first.
 *
 * Worked examples (upstream table, one old RS of 10, no new RS): maxUnavailable 0 (→ 1 by the
 * both-zero rule) with 10 ready → 9; maxUnavailable 2 with 10 ready → 8; with 8 ready → nothing.
 */
export function planScaleDownOldReplicaSets(oldRSs: readonly ReplicaSetView[], availableOverall: number, minAvailable: number): PlannedScale[] {
  if (availableOverall <= minAvailable) return [];
  const plan: PlannedScale[] = [];
  const target = availableOverall - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (rs.replicas === 0) continue;
    const count = Math.min(rs.replicas, target - total);
    plan.push({ id: rs.id, from: rs.replicas, to: rs.replicas - count });
    total += count;
  }
  return plan;
}
