import { availableOf, fencepostsOf, scaleReplicaSet, scaleReplicaSetAndRecordEvent } from './rolloutState';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';
import { isActive, splitReplicaSets } from './newReplicaSet';
import { planProportionalScale } from './proportion';

/**
 * Upstream `sync()` → `scale()`: runs on a scaling event (an active RS whose desired-replicas
 * annotation differs from R) and on every paused sync. It never creates the new RS.
 *   1. at most one active RS (or none: the newest) → that RS straight to R (nothing, not even the
 *      annotation refresh, when it already has R);
 *   2. the new RS is saturated (R replicas, desired annotation R, R available) → old RSs to 0;
 *   3. RollingUpdate → proportional scaling (see proportion.ts); every active RS gets fresh annotations.
 */
export function scaleDeployment(world: RolloutWorld): void {
  const { newRS, oldRSs } = splitReplicaSets(world);
  const R = world.deployment.replicas;
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (single.replicas !== R) scaleReplicaSetAndRecordEvent(world, single, R, 'scale(activeOrLatest)', newRS);
    return;
  }
  if (newRS && newRS.replicas === R && newRS.desiredAnnotation === R && availableOf(newRS) === R) {
    for (const rs of oldRSs.filter(isActive)) scaleReplicaSetAndRecordEvent(world, rs, 0, 'scale(newRS saturated)', newRS);
    return;
  }
  if (world.deployment.strategy.type !== 'RollingUpdate') return;
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter(isActive);
  const statusReplicas = world.replicaSets.reduce((sum, rs) => sum + rs.pods.length, 0);
  const plan = planProportionalScale(
    active.map((rs) => ({ id: rs.name, replicas: rs.replicas, created: rs.created, maxAnnotation: rs.maxAnnotation })),
    R, fencepostsOf(world).surge, statusReplicas,
  );
  for (const step of plan) {
    const rs = active.find((candidate) => candidate.name === step.id);
    if (rs) scaleReplicaSet(world, rs, step.to, 'scale(proportional)', newRS);
  }
}

/** Upstream `FindActiveOrLatest`: the only active RS, or the newest when none is active; else none. */
function findActiveOrLatest(newRS: ReplicaSetState | undefined, oldRSs: readonly ReplicaSetState[]): ReplicaSetState | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => b.created - a.created);
  const active = [...newestFirst, ...(newRS ? [newRS] : [])].filter(isActive);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** Upstream `isScalingEvent`: an active RS's desired-replicas annotation differs from R. */
export function isScalingEvent(world: RolloutWorld): boolean {
  const R = world.deployment.replicas;
  return world.replicaSets.some((rs) => isActive(rs) && rs.desiredAnnotation !== null && rs.desiredAnnotation !== R);
}
