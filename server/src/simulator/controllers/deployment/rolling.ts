import { cleanupDeployment } from './cleanupDeployment';
import { isDeploymentComplete } from './deploymentStatus';
import { createNewReplicaSet, isActive, splitReplicaSets } from './newReplicaSet';
import { newRSNewReplicas } from './newReplicas';
import { maxScaledDown, planCleanupUnhealthyReplicas, planScaleDownOldReplicaSets, type PlannedScale, type ReplicaSetView } from './rollingMath';
import { availableOf, fencepostsOf, scaleReplicaSetAndRecordEvent } from './rolloutState';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';
import type { ControllerFunction } from './types';

/**
 * One `rolloutRolling` sync (upstream rolling.go):
 *   1. find or create the new RS (creating does NOT end the sync);
 *   2. reconcileNewReplicaSet: if it scaled, the sync ends;
 *   3. reconcileOldReplicaSets over the active old RSs: if it scaled, the sync ends;
 *   4. if complete, history clean-up.
 */
export function rolloutRolling(world: RolloutWorld): void {
  const split = splitReplicaSets(world);
  const newRS = split.newRS ?? createNewReplicaSet(world, split.oldRSs, 'reconcileNewReplicaSet');
  const oldRSs = split.oldRSs;
  if (reconcileNewReplicaSet(world, newRS, oldRSs)) return;
  if (reconcileOldReplicaSets(world, newRS, oldRSs)) return;
  if (isDeploymentComplete(world, newRS)) cleanupDeployment(world, oldRSs, newRS);
}

/** Scale the new RS down to R when above it, else up by the surge headroom (`NewRSNewReplicas`). */
function reconcileNewReplicaSet(world: RolloutWorld, newRS: ReplicaSetState, oldRSs: readonly ReplicaSetState[]): boolean {
  const R = world.deployment.replicas;
  if (newRS.replicas === R) return false;
  if (newRS.replicas > R) return scaleReplicaSetAndRecordEvent(world, newRS, R, 'reconcileNewReplicaSet', newRS);
  const allReplicas = oldRSs.reduce((sum, rs) => sum + rs.replicas, newRS.replicas);
  const target = newRSNewReplicas(R, fencepostsOf(world).surge, allReplicas, newRS.replicas);
  return scaleReplicaSetAndRecordEvent(world, newRS, target, 'reconcileNewReplicaSet', newRS);
}

/** Clean up unavailable old pods, then scale old RSs down while availability stays ≥ minAvailable. */
function reconcileOldReplicaSets(world: RolloutWorld, newRS: ReplicaSetState, oldRSs: readonly ReplicaSetState[]): boolean {
  const active = oldRSs.filter(isActive);
  if (active.length === 0) return false;
  const R = world.deployment.replicas;
  const minAvailable = R - fencepostsOf(world).unavailable;
  const allPods = oldRSs.reduce((sum, rs) => sum + rs.replicas, newRS.replicas);
  const budget = maxScaledDown(allPods, minAvailable, newRS.replicas, availableOf(newRS));
  if (budget <= 0) return false;

  const cleaned = apply(world, active, planCleanupUnhealthyReplicas(views(world, active), budget), 'cleanupUnhealthyReplicas', newRS);
  const availableOverall = [...active, newRS].reduce((sum, rs) => sum + availableOf(rs), 0);
  const scaledDown = apply(world, active, planScaleDownOldReplicaSets(views(world, active), availableOverall, minAvailable), 'scaleDownOldReplicaSetsForRollingUpdate', newRS);
  return cleaned || scaledDown;
}

export function views(world: RolloutWorld, rss: readonly ReplicaSetState[]): ReplicaSetView[] {
  return rss.map((rs) => ({ id: rs.name, replicas: rs.replicas, available: availableOf(rs), created: rs.created }));
}

export function apply(world: RolloutWorld, rss: readonly ReplicaSetState[], plan: readonly PlannedScale[], by: ControllerFunction, newRS: ReplicaSetState | undefined): boolean {
  let scaled = false;
  for (const step of plan) {
    const rs = rss.find((candidate) => candidate.name === step.id);
    if (rs && scaleReplicaSetAndRecordEvent(world, rs, step.to, by, newRS)) scaled = true;
  }
  return scaled;
}
