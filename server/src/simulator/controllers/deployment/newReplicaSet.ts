import { newRSNewReplicas } from './newReplicas';
import { createReplicaSet, fencepostsOf, findNewReplicaSet } from './rolloutState';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';
import type { ControllerFunction } from './types';

/** The new RS (template equal to the Deployment's) and all the others, oldest first. */
export interface ReplicaSetSplit {
  newRS: ReplicaSetState | undefined;
  oldRSs: ReplicaSetState[];
}

export function splitReplicaSets(world: RolloutWorld): ReplicaSetSplit {
  const newRS = findNewReplicaSet(world, world.target.templateKey);
  const oldRSs = world.replicaSets.filter((rs) => rs !== newRS).sort((a, b) => a.created - b.created);
  if (newRS) syncRevision(world, newRS, oldRSs);
  return { newRS, oldRSs };
}

export function isActive(rs: ReplicaSetState): boolean {
  return rs.replicas > 0;
}

function maxRevision(rss: readonly ReplicaSetState[]): number {
  return rss.reduce((max, rs) => Math.max(max, rs.revision), 0);
}

/** A new RS whose revision is below max(old) + 1 is bumped (what a rollback to an old template does). */
function syncRevision(world: RolloutWorld, newRS: ReplicaSetState, oldRSs: readonly ReplicaSetState[]): void {
  const revision = maxRevision(oldRSs) + 1;
  if (newRS.revision < revision) {
    newRS.revision = revision;
    world.dirty = true;
  }
}

/**
 * Upstream `getNewReplicaSet(create=true)`: named `<deployment>-<hash>`, revision max(old) + 1, sized
 * by `NewRSNewReplicas` (R itself for Recreate).
 */
export function createNewReplicaSet(world: RolloutWorld, oldRSs: readonly ReplicaSetState[], by: ControllerFunction): ReplicaSetState {
  const { deployment, target } = world;
  const allReplicas = oldRSs.reduce((sum, rs) => sum + rs.replicas, 0);
  const size = deployment.strategy.type === 'Recreate'
    ? deployment.replicas
    : newRSNewReplicas(deployment.replicas, fencepostsOf(world).surge, allReplicas, 0);
  return createReplicaSet(world, {
    name: `${deployment.name}-${target.hash}`,
    revision: maxRevision(oldRSs) + 1,
    templateKey: target.templateKey,
    template: deployment.template,
    hash: target.hash,
    neverReady: target.neverReady,
  }, size, by);
}
