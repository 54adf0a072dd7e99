import * as l10n from '@vscode/l10n';
import { availableCondition, isDeploymentComplete, rolloutStatusText } from './deploymentStatus';
import { splitReplicaSets } from './newReplicaSet';
import { advanceAvailability, retryPendingPods } from './podLifecycle';
import { podPlacementRecorder, type PodPlacementRecorder } from './podPlacements';
import { availableOf, countsOf, pendingPods } from './rolloutState';
import type { RolloutWorld } from './rolloutWorld';
import { syncDeployment } from './sync';
import type { RolloutStep } from './types';

/**
 * The idealised step loop (rollout.md §3.2). For step t = 0, 1, 2, …:
 *   1. time passes: pods whose availability time is t become available, and unschedulable pods are
 *      offered to the scheduler again;
 *   2. the controller runs `syncDeployment` again and again until a pass changes nothing;
 *   3. the step is recorded, with every pod of the Deployment where it is now (podPlacements.ts).
 * Ends `complete` (complete, not paused), or `stalled` / `paused` at the first step t > 0 in which
 * nothing happened and nothing is pending; that step is not recorded.
 */
export interface StepRun {
  steps: RolloutStep[];
  outcome: 'complete' | 'stalled' | 'paused';
  /** Set when the loop hit one of its bounds rather than a real end. */
  boundHit: string | null;
}

/** Sync passes per step before giving up: a healthy controller settles in a handful. */
const MAX_PASSES_PER_STEP = 1_000;

export function runSteps(world: RolloutWorld, maxSteps: number): StepRun {
  const steps: RolloutStep[] = [];
  const placements = podPlacementRecorder();
  for (let tick = 0; ; tick++) {
    if (tick > maxSteps) {
      listLastStep(world, steps, placements);
      return { steps, outcome: 'stalled', boundHit: l10n.t('stopped after {0} steps without finishing', maxSteps) };
    }
    world.tick = tick;
    world.actions = [];
    world.scheduled = [];
    const becameAvailable = advanceAvailability(world, tick);
    world.dirty = false;
    if (tick > 0) retryPendingPods(world);
    let changed = world.dirty;
    let passes = 0;
    do {
      world.dirty = false;
      syncDeployment(world);
      changed ||= world.dirty;
      if (++passes > MAX_PASSES_PER_STEP) return { steps, outcome: 'stalled', boundHit: l10n.t('the controller did not settle within {0} syncs in step {1}', MAX_PASSES_PER_STEP, tick) };
    } while (world.dirty);

    const { newRS } = splitReplicaSets(world);
    const complete = isDeploymentComplete(world, newRS);
    const availabilityPending = world.awaiting > 0;
    const idle = tick > 0 && !changed && becameAvailable === 0 && !availabilityPending;
    if (idle && (!complete || world.deployment.paused)) {
      // Nothing changed in this (unrecorded) tick, so the pods are where the last step left them.
      listLastStep(world, steps, placements);
      return { steps, outcome: world.deployment.paused ? 'paused' : 'stalled', boundHit: null };
    }
    const ends = complete && !world.deployment.paused;
    steps.push(snapshot(world, tick, becameAvailable, complete, placements, ends));
    if (ends) return { steps, outcome: 'complete', boundHit: null };
  }
}

function snapshot(world: RolloutWorld, tick: number, becameAvailable: number, complete: boolean, placements: PodPlacementRecorder, last: boolean): RolloutStep {
  const { newRS } = splitReplicaSets(world);
  const step: RolloutStep = {
    step: tick,
    ...countsOf(world, newRS),
    actions: world.actions.map((action) => action.text),
    actionDetails: world.actions,
    pending: pendingPods(world).map((pod) => `${pod.pod.key}: ${pod.pendingMessage}`),
    scheduled: world.scheduled,
    becameAvailable,
    replicaSets: [...world.replicaSets]
      .sort((a, b) => a.created - b.created)
      .map((rs) => ({ name: rs.name, revision: rs.revision, replicas: rs.replicas, available: availableOf(rs), isNew: rs === newRS })),
    availableCondition: availableCondition(world, newRS),
    complete,
    rolloutStatus: rolloutStatusText(world, newRS),
  };
  setPods(step, placements.record(world, newRS, last));
  return step;
}

/**
 * Lists the pods of the last recorded step if the rollout budget had dropped them (podPlacements.ts),
 * so the step where a rollout stops always shows them. Only called when nothing has changed since
 * that step was recorded.
 */
function listLastStep(world: RolloutWorld, steps: RolloutStep[], placements: PodPlacementRecorder): void {
  const last = steps[steps.length - 1];
  if (last && !last.pods) setPods(last, placements.record(world, splitReplicaSets(world).newRS, true));
}

/** `pods` is left out (not set to undefined) when over a bound, so JSON and deep-equal see no key. */
function setPods(step: RolloutStep, pods: RolloutStep['pods']): void {
  if (pods) step.pods = pods;
}
