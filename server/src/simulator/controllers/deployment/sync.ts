import { cleanupDeployment } from './cleanupDeployment';
import { splitReplicaSets } from './newReplicaSet';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import type { RolloutWorld } from './rolloutWorld';
import { isScalingEvent, scaleDeployment } from './scale';

/**
 * One `syncDeployment` pass (rollout.md §2.1), for a Deployment that passed validation:
 * paused → proportional scale + history clean-up; scaling event → proportional scale;
 * otherwise the strategy. Sets `world.dirty` when anything changed.
 */
export function syncDeployment(world: RolloutWorld): void {
  if (world.deployment.paused) {
    scaleDeployment(world);
    const { newRS, oldRSs } = splitReplicaSets(world);
    cleanupDeployment(world, oldRSs, newRS);
    return;
  }
  if (isScalingEvent(world)) {
    scaleDeployment(world);
    return;
  }
  if (world.deployment.strategy.type === 'Recreate') rolloutRecreate(world);
  else rolloutRolling(world);
}
