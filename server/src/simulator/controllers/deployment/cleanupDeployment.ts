import { deleteReplicaSet } from './rolloutState';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';

const INT32_MAX = 2_147_483_647;

/**
 * Upstream `cleanupDeployment` (revisionHistoryLimit): sort the old RSs by revision (ties by
 * creation), look at the first `count − limit`, and delete each only if it has no replicas and no
 * pods; a non-empty one is skipped and no other RS is examined in its place. A limit of MaxInt32
 * disables clean-up; 0 deletes every scaled-down old RS (rollback becomes impossible).
 */
export function cleanupDeployment(world: RolloutWorld, oldRSs: readonly ReplicaSetState[], newRS: ReplicaSetState | undefined): void {
  const limit = world.deployment.revisionHistoryLimit;
  if (limit === INT32_MAX) return;
  const diff = oldRSs.length - limit;
  if (diff <= 0) return;
  const ordered = [...oldRSs].sort((a, b) => a.revision - b.revision || a.created - b.created);
  for (const rs of ordered.slice(0, diff)) {
    if (rs.replicas !== 0 || rs.pods.length !== 0) continue;
    deleteReplicaSet(world, rs, 'cleanupDeployment', newRS);
  }
}
