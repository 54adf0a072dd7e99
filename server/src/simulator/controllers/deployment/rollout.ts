import * as l10n from '@vscode/l10n';
import type { Manifest, SimFinding } from '../../model/source';
import { podTemplateHash } from '../../workloads/names';
import { templateKey } from './templateKey';
import { describeAction } from './actionText';
import { readDeployment, MAX_SIMULATED_REPLICAS, type DeploymentModel } from './deploymentSpec';
import { maxSurgeOf, maxUnavailableOf } from './fenceposts';
import { formatIntOrPercent } from './intOrPercent';
import { createReplicaSet, pendingPods } from './rolloutState';
import type { RolloutWorld } from './rolloutWorld';
import { runSteps } from './steps';
import { rolloutFindings } from './rolloutFindings';
import { rolloutSnapshot } from './rolloutSnapshot';
import { newPodsWaitFor } from './newPodsWaitFor';
import { selectorTemplateMismatch } from '../workloadSelector';
import type { PodPlacer, RolloutOptions, RolloutResult } from './types';

/**
 * Simulates the Deployment controller rolling `oldManifest` (the version running now; null for a
 * first apply) over to `newManifest`, in the idealised step model of rollout.md §3, with every new
 * pod placed by `placer`.
 *
 * Pure: no IO, no clock, no randomness; the placer is the only collaborator and is called in a
 * deterministic order (old pods first, then new pods in creation order; pending pods are retried
 * oldest first at the start of each step and after every scale-down). Never throws: problems are
 * findings, and a spec the API server would reject gives outcome `invalid` with no steps.
 */
export function simulateRollout(oldManifest: Manifest | null, newManifest: Manifest, placer: PodPlacer, options: RolloutOptions = {}): RolloutResult {
  const read = readDeployment(newManifest);
  const next = read.deployment;
  const findings: SimFinding[] = [...read.findings];
  const mismatch = selectorTemplateMismatch(newManifest);
  if (mismatch) findings.push(mismatch);
  const old = oldManifest ? readDeployment(oldManifest).deployment : null;
  if (old && templateKey(old.selector) !== templateKey(next.selector)) {
    findings.push({
      source: newManifest.source, path: ['spec', 'selector'], severity: 'error', code: 'sim/deployment-selector-immutable',
      message: l10n.t('spec.selector of an apps/v1 Deployment is immutable: the API server rejects this update (delete and re-create the Deployment instead)'),
    });
  }
  const base = resultBase(next);
  const blocking = findings.find((f) => f.severity === 'error' || f.code === 'sim/rollout-too-large');
  if (blocking || (old && old.replicas > MAX_SIMULATED_REPLICAS)) {
    return { ...base, outcome: 'invalid', stallReason: blocking?.message ?? l10n.t('the old version has more than {0} replicas', MAX_SIMULATED_REPLICAS), findings };
  }

  const key = templateKey(next.template);
  const templateChanged = !old || templateKey(old.template) !== key;
  const world: RolloutWorld = {
    deployment: next,
    target: { templateKey: key, hash: podTemplateHash(next.template), neverReady: templateChanged && options.neverReady === true },
    replicaSets: [],
    tick: 0,
    availabilityDelay: 0,
    placer,
    pending: new Set(),
    dueAvailable: new Map(),
    awaiting: 0,
    actions: [],
    scheduled: [],
    dirty: false,
    nextCreated: 0,
    nextPodSeq: 0,
    describe: describeAction,
  };
  if (old) seedOldReplicaSet(world, old);
  const initiallyPending = pendingPods(world).length;
  const initial = rolloutSnapshot(world);
  world.availabilityDelay = Math.max(1, Math.floor(options.availabilityDelayTicks ?? 1));
  world.actions = [];
  world.scheduled = [];

  const maxSteps = Math.max(50, ((old?.replicas ?? 0) + next.replicas) * (world.availabilityDelay + 1) + 20);
  const run = runSteps(world, maxSteps);
  const result: RolloutResult = { ...base, outcome: run.outcome, steps: run.steps, findings, initial, newPodsWaitFor: newPodsWaitFor(next.template, next.minReadySeconds) };
  const extra = rolloutFindings({ world, run, old, templateChanged, initiallyPending, neverReady: options.neverReady === true });
  result.stallReason = extra.stallReason;
  result.notes.push(...extra.notes);
  findings.push(...extra.findings);
  return result;
}

/** The running version: one RS at revision 1, all pods placed and available, annotations current. */
function seedOldReplicaSet(world: RolloutWorld, old: DeploymentModel): void {
  const hash = podTemplateHash(old.template);
  const rs = createReplicaSet(world, {
    name: `${old.name}-${hash}`,
    revision: 1,
    templateKey: templateKey(old.template),
    template: old.template,
    hash,
    neverReady: false,
  }, old.replicas, 'reconcileNewReplicaSet');
  rs.desiredAnnotation = old.replicas;
  rs.maxAnnotation = old.replicas + maxSurgeOf(old.strategy, old.replicas);
}

function resultBase(deployment: DeploymentModel): RolloutResult {
  const { strategy, replicas } = deployment;
  const rolling = strategy.type === 'RollingUpdate';
  return {
    namespace: deployment.namespace,
    name: deployment.name,
    strategy: strategy.type,
    replicas,
    maxSurge: maxSurgeOf(strategy, replicas),
    maxUnavailable: maxUnavailableOf(strategy, replicas),
    maxSurgeSpec: rolling && strategy.maxSurge ? formatIntOrPercent(strategy.maxSurge) : null,
    maxUnavailableSpec: rolling && strategy.maxUnavailable ? formatIntOrPercent(strategy.maxUnavailable) : null,
    minReadySeconds: deployment.minReadySeconds,
    outcome: 'invalid',
    steps: [],
    stallReason: null,
    notes: [],
    findings: [],
  };
}
