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
      message: `${initiallyPending} pod(s) of the running version fit on no node of the cluster, so the rollout does not start from a fully available state`,
    });
  }
  if (run.outcome !== 'stalled' && run.outcome !== 'paused') return { stallReason: null, notes, findings };

  const last = run.steps[run.steps.length - 1];
  const where = last ? `old ${last.oldReplicas} / new ${last.newReplicas} (available ${last.available} of ${deployment.replicas})` : 'the start';
  if (run.outcome === 'paused') {
    return { stallReason: `the Deployment is paused: no new replica set is rolled out; it stays at ${where}`, notes, findings };
  }
  const pending = pendingPods(world);
  const reasons: string[] = [];
  if (pending.length > 0) {
    reasons.push(`${pending.length} pod(s) cannot be scheduled (${pending[0].pendingMessage || 'no node fits'})`);
  }
  const neverReadyPods = world.replicaSets.some((rs) => rs.neverReady && rs.pods.some((pod) => pod.node !== null));
  if (neverReadyPods) reasons.push('the new pods never become ready');
  if (run.boundHit) reasons.push(run.boundHit);
  if (reasons.length === 0) reasons.push('the controller has nothing left to do');
  const stallReason = `the rollout stalls at ${where}: ${reasons.join('; ')}. After progressDeadlineSeconds (${deployment.progressDeadlineSeconds}s) the Deployment reports Progressing=False (ProgressDeadlineExceeded); the controller never rolls back by itself`;
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
  if (!old) notes.push('no running version: this is the first rollout, the new replica set starts at its full size');
  else if (!templateChanged && old.replicas === deployment.replicas) notes.push('the pod template and replicas are unchanged: nothing is rolled out');
  else if (!templateChanged) notes.push(`only replicas change (${old.replicas} → ${deployment.replicas}): a scaling event, no new replica set`);
  else if (old.replicas !== deployment.replicas) {
    notes.push(`replicas change together with the template (${old.replicas} → ${deployment.replicas}): the controller first scales the running replica set (a scaling event), then rolls; pods added to an old replica set may be removed again while still unavailable`);
  }
  if (old && old.strategy.type !== deployment.strategy.type) notes.push(`the strategy changes from ${old.strategy.type} to ${deployment.strategy.type}; the new strategy drives this rollout`);
  if (deployment.minReadySeconds > 0) {
    notes.push(`minReadySeconds is ${deployment.minReadySeconds}: a new pod counts as available only after being ready for ${deployment.minReadySeconds}s, so every step lasts at least that long`);
  }
  if (deployment.strategy.type === 'Recreate') notes.push('Recreate: no pod serves between the old pods stopping and the new ones becoming ready');
  return notes;
}
