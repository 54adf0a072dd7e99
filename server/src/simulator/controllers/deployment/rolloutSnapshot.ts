import { MAX_STEP_POD_PLACEMENTS, podPlacementsOf } from './podPlacements';
import { availableOf, countsOf, findNewReplicaSet, pendingPods } from './rolloutState';
import type { RolloutWorld } from './rolloutWorld';
import type { RolloutSnapshot } from './types';

/**
 * The Deployment as it stands before the controller's first step: the running version's ReplicaSet
 * at full size with its pods where the scheduler put them (nothing on a first apply). Read without
 * side effects (no revision sync), so taking it changes nothing the steps will do.
 */
export function rolloutSnapshot(world: RolloutWorld): RolloutSnapshot {
  const newRS = findNewReplicaSet(world, world.target.templateKey);
  const podCount = world.replicaSets.reduce((sum, rs) => sum + rs.pods.length, 0);
  const snapshot: RolloutSnapshot = {
    ...countsOf(world, newRS),
    replicaSets: [...world.replicaSets]
      .sort((a, b) => a.created - b.created)
      .map((rs) => ({ name: rs.name, revision: rs.revision, replicas: rs.replicas, available: availableOf(rs), isNew: rs === newRS })),
    pending: pendingPods(world).map((pod) => `${pod.pod.key}: ${pod.pendingMessage}`),
  };
  if (podCount <= MAX_STEP_POD_PLACEMENTS) snapshot.pods = podPlacementsOf(world, newRS);
  return snapshot;
}
