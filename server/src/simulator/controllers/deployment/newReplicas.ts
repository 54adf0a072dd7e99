/**
 * Upstream `NewRSNewReplicas` for RollingUpdate: the size the new ReplicaSet may grow to now.
 * It depends only on the surge headroom, never on availability:
 *
 *   maxTotalPods = R + surge
 *   current      = Σ spec.replicas over ALL ReplicaSets (old and new, available or not)
 *   current ≥ maxTotalPods → unchanged
 *   otherwise    → newRS + min(maxTotalPods − current, R − newRS)
 *
 * Worked examples (upstream `TestNewRSNewReplicas`, one other RS at 5):
 *   R=1, new=5, surge=1  → current 10 ≥ 2           → 5 (cannot scale up)
 *   R=6, new=2, surge=10 → min(16 − 7, 6 − 2) = 4  → 6 (capped at R)
 * And the 10/3/2 rollout: R=10, surge=3, old=10, new=0 → min(13 − 10, 10) = 3.
 *
 * Note: upstream converts maxSurge here directly, not through ResolveFenceposts; the number is the same.
 * For Recreate the answer is simply R.
 */
export function newRSNewReplicas(replicas: number, surge: number, allReplicas: number, newRSReplicas: number): number {
  const maxTotalPods = replicas + surge;
  if (allReplicas >= maxTotalPods) return newRSReplicas;
  const scaleUpCount = Math.min(maxTotalPods - allReplicas, replicas - newRSReplicas);
  return newRSReplicas + scaleUpCount;
}
