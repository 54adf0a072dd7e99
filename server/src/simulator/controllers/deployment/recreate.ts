import { cleanupDeployment } from './cleanupDeployment';
import { isDeploymentComplete } from './deploymentStatus';
import { createNewReplicaSet, isActive, splitReplicaSets } from './newReplicaSet';
import { scaleReplicaSetAndRecordEvent } from './rolloutState';
import type { RolloutWorld } from './rolloutWorld';

/**
 * One `rolloutRecreate` sync (upstream recreate.go):
 *   1. scale every active old RS to 0; if anything was scaled, the sync ends;
 *   2. while any old pod still exists, wait (with instant termination this never holds);
 *   3. create the new RS at R if missing, and scale it to R;
 *   4. if complete, history clean-up.
 * No availability guarantee: between 1 and 3 nothing serves.
 */
export function rolloutRecreate(world: RolloutWorld): void {
  const split = splitReplicaSets(world);
  let scaledDown = false;
  for (const rs of split.oldRSs.filter(isActive)) {
    if (scaleReplicaSetAndRecordEvent(world, rs, 0, 'scaleDownOldReplicaSetsForRecreate', split.newRS)) scaledDown = true;
  }
  if (scaledDown) return;
  if (split.oldRSs.some((rs) => rs.pods.length > 0)) return;
  const newRS = split.newRS ?? createNewReplicaSet(world, split.oldRSs, 'scaleUpNewReplicaSetForRecreate');
  scaleReplicaSetAndRecordEvent(world, newRS, world.deployment.replicas, 'scaleUpNewReplicaSetForRecreate', newRS);
  if (isDeploymentComplete(world, newRS)) cleanupDeployment(world, split.oldRSs, newRS);
}
