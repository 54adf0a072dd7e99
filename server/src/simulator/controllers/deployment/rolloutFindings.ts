import * as l10n from '@vscode/l10n';
import type { SimFinding } from '../../model/source';
import type { DeploymentModel } from './deploymentSpec';
import { pendingPods } from './rolloutState';
import type { RolloutWorld } from './rolloutWorld';
import type { StepRun } from './steps';

/**
 * What a finished rollout simulation tells the user beyond its steps: why it stopped, notes, and
 * the findings on the Deployment:
 *   - `sim/rollout-stalled` (error when pods fit nowhere: a real outage cause; warning when it is
 *     the never-ready assumption);
 *   - `sim/rollout-initial-unschedulable` (warning): the running version itself does not fit the
 *     given cluster, so the starting point is not a steady state.
 */
export interface RolloutReport {
  stallReason: string | null;
  notes: string[];
  findings: SimFinding[];
}

export interface RolloutReportInput {
  world: RolloutWorld;
  run: StepRun;
  old: DeploymentModel | null;
  templateChanged: boolean;
  initiallyPending: number;
  neverReady: boolean;
}

export function rolloutFindings(input: RolloutReportInput): RolloutReport {
  const { world, run, old, templateChanged, initiallyPending } = input;
  const deployment = world.deployment;
  const { source } = deployment.manifest;
  const notes = describeChange(deployment, old, templateChanged);
  const findings: SimFinding[] = [];
  if (initiallyPending > 0) {
    findings.push({
      source, path: ['spec', 'template', 'spec'], severity: 'warning', code: 'sim/rollout-initial-unschedulable',
      message: l10n.t('{0} pod(s) of the running version fit on no node of the cluster, so the rollout does not start from a fully available state', initiallyPending),
    });
  }
  if (run.outcome !== 'stalled' && run.outcome !== 'paused') return { stallReason: null, notes, findings };

  const last = run.steps[run.steps.length - 1];
  const where = last ? l10n.t('old {0} / new {1} (available {2} of {3})', last.oldReplicas, last.newReplicas, last.available, deployment.replicas) : l10n.t('the start');
  if (run.outcome === 'paused') {
    return { stallReason: l10n.t('the Deployment is paused: no new replica set is rolled out; it stays at {0}', where), notes, findings };
  }
  const pending = pendingPods(world);
  const reasons: string[] = [];
  if (pending.length > 0) {
    reasons.push(l10n.t('{0} pod(s) cannot be scheduled ({1})', pending.length, pending[0].pendingMessage || l10n.t('no node fits')));
  }
  const neverReadyPods = world.replicaSets.some((rs) => rs.neverReady && rs.pods.some((pod) => pod.node !== null));
  if (neverReadyPods) reasons.push(l10n.t('the new pods never become ready'));
  if (run.boundHit) reasons.push(run.boundHit);
  if (reasons.length === 0) reasons.push(l10n.t('the controller has nothing left to do'));
  const stallReason = l10n.t(
    'the rollout stalls at {0}: {1}. After progressDeadlineSeconds ({2}s) the Deployment reports Progressing=False (ProgressDeadlineExceeded); the controller never rolls back by itself',
    where,
    reasons.join('; '),
    deployment.progressDeadlineSeconds,
  );
  const unschedulable = pending.length > 0;
  findings.push({
    source,
    path: unschedulable ? ['spec', 'template', 'spec'] : ['spec', 'strategy'],
    severity: unschedulable || !input.neverReady ? 'error' : 'warning',
    code: 'sim/rollout-stalled',
    message: stallReason,
  });
  return { stallReason, notes, findings };
}

function describeChange(deployment: DeploymentModel, old: DeploymentModel | null, templateChanged: boolean): string[] {
  const notes: string[] = [];
  if (!old) notes.push(l10n.t('no running version: this is the first rollout, the new replica set starts at its full size'));
  else if (!templateChanged && old.replicas === deployment.replicas) notes.push(l10n.t('the pod template and replicas are unchanged: nothing is rolled out'));
  else if (!templateChanged) notes.push(l10n.t('only replicas change (from {0} to {1}): a scaling event, no new replica set', old.replicas, deployment.replicas));
  else if (old.replicas !== deployment.replicas) {
    notes.push(
      l10n.t(
        'replicas change together with the template (from {0} to {1}): the controller first scales the running replica set (a scaling event), then rolls; pods added to an old replica set may be removed again while still unavailable',
        old.replicas,
        deployment.replicas,
      ),
    );
  }
  if (old && old.strategy.type !== deployment.strategy.type) notes.push(l10n.t('the strategy changes from {0} to {1}; the new strategy drives this rollout', old.strategy.type, deployment.strategy.type));
  if (deployment.minReadySeconds > 0) {
    notes.push(l10n.t('minReadySeconds is {0}: a new pod counts as available only after being ready for {0}s, so every step lasts at least that long', deployment.minReadySeconds));
  }
  if (deployment.strategy.type === 'Recreate') notes.push(l10n.t('Recreate: no pod serves between the old pods stopping and the new ones becoming ready'));
  return notes;
}
