import { maxSurgeOf, maxUnavailableOf } from './fenceposts';
import type { RolloutWorld } from './rolloutWorld';
import type { RolloutAction } from './types';

/**
 * An action in words: the event `kubectl describe deployment` shows, then the upstream function and
 * why it acted. E.g. "Scaled down replica set web-5d8 to 2 from 3 (scaleDownOldReplicaSetsForRollingUpdate:
 * keeps at least 3 of 3 replicas available)".
 */
export function describeAction(action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld): string {
  return `${eventText(action)} (${action.by}: ${reason(action, world)})`;
}

function eventText(action: Omit<RolloutAction, 'text' | 'after'>): string {
  const { op, replicaSet, from, to } = action;
  if (op === 'delete') return `Deleted replica set ${replicaSet}`;
  if (op === 'create') return to > 0 ? `Scaled up replica set ${replicaSet} to ${to}` : `Created replica set ${replicaSet} with 0 replicas`;
  return to > from ? `Scaled up replica set ${replicaSet} to ${to} from ${from}` : `Scaled down replica set ${replicaSet} to ${to} from ${from}`;
}

function reason(action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld): string {
  const { replicas: R, strategy, revisionHistoryLimit } = world.deployment;
  const surge = maxSurgeOf(strategy, R);
  const unavailable = maxUnavailableOf(strategy, R);
  switch (action.by) {
    case 'reconcileNewReplicaSet':
      if (action.op === 'create') return `new revision ${action.revision}; maxSurge ${surge} allows ${R + surge} pods in total`;
      return action.to > action.from ? `maxSurge ${surge} allows ${R + surge} pods in total` : `more than the ${R} desired replicas`;
    case 'cleanupUnhealthyReplicas':
      return `removes ${action.from - action.to} unavailable old pod(s), which costs no availability`;
    case 'scaleDownOldReplicaSetsForRollingUpdate':
      return `keeps at least ${R - unavailable} of ${R} replicas available (maxUnavailable ${unavailable})`;
    case 'scale(proportional)':
      return `replicas changed to ${R}; extra replicas are shared in proportion to each replica set's size`;
    case 'scale(activeOrLatest)':
      return `replicas changed to ${R}; the only active replica set takes them all`;
    case 'scale(newRS saturated)':
      return `the new replica set already has all ${R} replicas available`;
    case 'scaleDownOldReplicaSetsForRecreate':
      return 'Recreate stops every old pod before starting new ones';
    case 'scaleUpNewReplicaSetForRecreate':
      return 'no old pod is left';
    case 'cleanupDeployment':
      return `revisionHistoryLimit is ${revisionHistoryLimit}`;
  }
}
