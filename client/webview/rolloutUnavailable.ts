import * as l10n from '@vscode/l10n';
import type { DeploymentRollout, PreviewRolloutStep } from '../../server/src/protocol/preview';

/**
 * Why a step has unavailable pods, one sentence per cause, so that "unavailable 1" is not read as a
 * pod lost: new pods scheduled but not ready yet (and what they wait for, the manifest's own fields:
 * "1 new pod not ready yet: readinessProbe initialDelaySeconds 10"), new pods that never become ready
 * (the never-ready simulation), pods that fit no node, old pods not available. Empty when every pod
 * is available. Pure: counted from the step's pods, else from its ReplicaSets.
 */
export function unavailableReasons(rollout: DeploymentRollout, step: PreviewRolloutStep, neverReady: boolean): string[] {
  if (step.unavailable <= 0) return [];
  const counts = step.pods ? countPods(step) : countReplicaSets(step);
  const reasons: string[] = [];
  const { newStarting, newPending, oldPending, oldStarting } = counts;
  if (newStarting > 0 && neverReady) {
    reasons.push(newStarting === 1
      ? l10n.t('1 new pod never becomes ready (simulated: "New pods never become ready")')
      : l10n.t('{0} new pods never become ready (simulated: "New pods never become ready")', newStarting));
  } else if (newStarting > 0) {
    const waitFor = rollout.newPodsWaitFor ?? l10n.t('containers to start');
    reasons.push(newStarting === 1 ? l10n.t('1 new pod not ready yet: {0}', waitFor) : l10n.t('{0} new pods not ready yet: {1}', newStarting, waitFor));
  }
  if (newPending > 0) reasons.push(newPending === 1 ? l10n.t('1 new pod pending: no node fits it (see PENDING)') : l10n.t('{0} new pods pending: no node fits them (see PENDING)', newPending));
  if (oldPending > 0) reasons.push(oldPending === 1 ? l10n.t('1 old pod pending: no node fits it (see PENDING)') : l10n.t('{0} old pods pending: no node fits them (see PENDING)', oldPending));
  if (oldStarting > 0) reasons.push(oldStarting === 1 ? l10n.t('1 old pod not available yet') : l10n.t('{0} old pods not available yet', oldStarting));
  return reasons;
}

interface UnavailableCounts {
  newStarting: number;
  newPending: number;
  oldStarting: number;
  oldPending: number;
}

function countPods(step: PreviewRolloutStep): UnavailableCounts {
  const counts: UnavailableCounts = { newStarting: 0, newPending: 0, oldStarting: 0, oldPending: 0 };
  for (const pod of step.pods ?? []) {
    if (pod.ready) continue;
    if (pod.node === null) counts[pod.isNew ? 'newPending' : 'oldPending']++;
    else counts[pod.isNew ? 'newStarting' : 'oldStarting']++;
  }
  return counts;
}

/** Without the pod list: not-available replicas per side (pending ones cannot be told apart). */
function countReplicaSets(step: PreviewRolloutStep): UnavailableCounts {
  const counts: UnavailableCounts = { newStarting: 0, newPending: 0, oldStarting: 0, oldPending: 0 };
  for (const rs of step.replicaSets ?? []) counts[rs.isNew ? 'newStarting' : 'oldStarting'] += Math.max(0, rs.replicas - rs.available);
  return counts;
}
