import * as l10n from '@vscode/l10n';
import { verbatim } from '../../../l10n/verbatim';
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
  // The Deployment controller's event messages, as `kubectl describe deployment` shows them.
  if (op === 'delete') return verbatim(`Deleted replica set ${replicaSet}`);
  if (op === 'create') return verbatim(to > 0 ? `Scaled up replica set ${replicaSet} to ${to}` : `Created replica set ${replicaSet} with 0 replicas`);
  return verbatim(to > from ? `Scaled up replica set ${replicaSet} to ${to} from ${from}` : `Scaled down replica set ${replicaSet} to ${to} from ${from}`);
}

function reason(action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld): string {
  const { replicas: R, strategy, revisionHistoryLimit } = world.deployment;
  const surge = maxSurgeOf(strategy, R);
  const unavailable = maxUnavailableOf(strategy, R);
  switch (action.by) {
    case 'reconcileNewReplicaSet':
      if (action.op === 'create') return l10n.t('new revision {0}; maxSurge {1} allows {2} pods in total', action.revision, surge, R + surge);
      return action.to > action.from ? l10n.t('maxSurge {0} allows {1} pods in total', surge, R + surge) : l10n.t('more than the {0} desired replicas', R);
    case 'cleanupUnhealthyReplicas':
      return l10n.t('removes {0} unavailable old pod(s), which costs no availability', action.from - action.to);
    case 'scaleDownOldReplicaSetsForRollingUpdate':
      return l10n.t('keeps at least {0} of {1} replicas available (maxUnavailable {2})', R - unavailable, R, unavailable);
    case 'scale(proportional)':
      return l10n.t("replicas changed to {0}; extra replicas are shared in proportion to each replica set's size", R);
    case 'scale(activeOrLatest)':
      return l10n.t('replicas changed to {0}; the only active replica set takes them all', R);
    case 'scale(newRS saturated)':
      return l10n.t('the new replica set already has all {0} replicas available', R);
    case 'scaleDownOldReplicaSetsForRecreate':
      return l10n.t('Recreate stops every old pod before starting new ones');
    case 'scaleUpNewReplicaSetForRecreate':
      return l10n.t('no old pod is left');
    case 'cleanupDeployment':
      return l10n.t('revisionHistoryLimit is {0}', revisionHistoryLimit);
  }
}
