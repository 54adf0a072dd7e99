import { maxUnavailableOf } from './fenceposts';
import { availableOf } from './rolloutState';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';

/**
 * Deployment status as the controller computes it (rollout.md §2.7), with exact RS status
 * (the idealised model has no stale reads): replicas = Σ pods that exist, updated = pods of the new
 * RS, available = Σ available.
 */
export interface DeploymentStatusCounts {
  replicas: number;
  updatedReplicas: number;
  availableReplicas: number;
}

export function statusOf(world: RolloutWorld, newRS: ReplicaSetState | undefined): DeploymentStatusCounts {
  let replicas = 0;
  let availableReplicas = 0;
  for (const rs of world.replicaSets) {
    replicas += rs.pods.length;
    availableReplicas += availableOf(rs);
  }
  return { replicas, updatedReplicas: newRS?.pods.length ?? 0, availableReplicas };
}

/** Upstream `DeploymentComplete`: updated == R, replicas == R and available == R. */
export function isDeploymentComplete(world: RolloutWorld, newRS: ReplicaSetState | undefined): boolean {
  const R = world.deployment.replicas;
  const status = statusOf(world, newRS);
  return status.updatedReplicas === R && status.replicas === R && status.availableReplicas === R;
}

/** The Available condition: available ≥ R − MaxUnavailable (R for Recreate). */
export function availableCondition(world: RolloutWorld, newRS: ReplicaSetState | undefined): 'True' | 'False' {
  const { replicas, strategy } = world.deployment;
  return statusOf(world, newRS).availableReplicas >= replicas - maxUnavailableOf(strategy, replicas) ? 'True' : 'False';
}

/** What `kubectl rollout status` prints for these counts (checked in kubectl's order). */
export function rolloutStatusText(world: RolloutWorld, newRS: ReplicaSetState | undefined): string {
  const { name, replicas } = world.deployment;
  const status = statusOf(world, newRS);
  if (status.updatedReplicas < replicas) {
    return `Waiting for deployment "${name}" rollout to finish: ${status.updatedReplicas} out of ${replicas} new replicas have been updated...`;
  }
  if (status.replicas > status.updatedReplicas) {
    return `Waiting for deployment "${name}" rollout to finish: ${status.replicas - status.updatedReplicas} old replicas are pending termination...`;
  }
  if (status.availableReplicas < status.updatedReplicas) {
    return `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas} of ${status.updatedReplicas} updated replicas are available...`;
  }
  return `deployment "${name}" successfully rolled out`;
}
