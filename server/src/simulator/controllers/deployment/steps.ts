import { availableCondition, isDeploymentComplete, rolloutStatusText } from './deploymentStatus';
import { splitReplicaSets } from './newReplicaSet';
import { advanceAvailability, retryPendingPods } from './podLifecycle';
import { availableOf, countsOf, pendingPods, type RolloutWorld } from './rolloutState';
import { syncDeployment } from './sync';
import type { RolloutStep } from './types';

/**
 * The idealised step loop (rollout.md §3.2). For step t = 0, 1, 2, …:
 *   1. time passes: pods whose availability time is t become available, and unschedulable pods are
 *      offered to the scheduler again;
 *   2. the controller runs `syncDeployment` again and again until a pass changes nothing;
 *   3. the step is recorded.
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
  for (let tick = 0; ; tick++) {
    if (tick > maxSteps) return { steps, outcome: 'stalled', boundHit: `stopped after ${maxSteps} steps without finishing` };
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
      if (++passes > MAX_PASSES_PER_STEP) return { steps, outcome: 'stalled', boundHit: `the controller did not settle within ${MAX_PASSES_PER_STEP} syncs in step ${tick}` };
    } while (world.dirty);

    const { newRS } = splitReplicaSets(world);
    const complete = isDeploymentComplete(world, newRS);
    const availabilityPending = world.awaiting > 0;
    const idle = tick > 0 && !changed && becameAvailable === 0 && !availabilityPending;
    if (idle && (!complete || world.deployment.paused)) {
      return { steps, outcome: world.deployment.paused ? 'paused' : 'stalled', boundHit: null };
    }
    steps.push(snapshot(world, tick, becameAvailable, complete));
    if (complete && !world.deployment.paused) return { steps, outcome: 'complete', boundHit: null };
  }
}

function snapshot(world: RolloutWorld, tick: number, becameAvailable: number, complete: boolean): RolloutStep {
  const { newRS } = splitReplicaSets(world);
  return {
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
}
