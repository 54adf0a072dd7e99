import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';
import type { RolloutPodPlacement } from './types';

/**
 * Beyond this many pods (old + new, pending included) at the end of a step, the step carries no
 * `pods`: the preview then shows counts only for it (it draws one square per pod up to the same
 * number, client/webview/rolloutStep.ts). Keeps a very large Deployment's steps small.
 */
export const MAX_STEP_POD_PLACEMENTS = 2_000;

/**
 * Pod placements listed over a whole rollout. A long, fine-grained rollout (say 1,000 replicas with
 * maxSurge 1: ~1,000 steps of ~1,000 pods) would otherwise produce a million entries (tens of MB of
 * JSON for the preview and the CLI) and cost O(pods) per step, where the rest of the simulation costs
 * O(changes). Once a step does not fit in what is left, that step and every later one carry no
 * `pods` (counts only), except the last step (where the rollout completes, stalls or pauses), which
 * is always listed when it is within MAX_STEP_POD_PLACEMENTS.
 */
export const MAX_ROLLOUT_POD_PLACEMENTS = 50_000;

/** Lists the pods at the end of each step of one rollout, within the bounds above. */
export interface PodPlacementRecorder {
  /**
   * Every pod of the Deployment now, or undefined when the step is over a bound. `last`: this is the
   * rollout's last step, listed whatever the rollout budget says.
   */
  record(world: RolloutWorld, newRS: ReplicaSetState | undefined, last: boolean): RolloutPodPlacement[] | undefined;
}

export function podPlacementRecorder(): PodPlacementRecorder {
  let budget = MAX_ROLLOUT_POD_PLACEMENTS;
  return {
    record(world, newRS, last) {
      let count = 0;
      for (const rs of world.replicaSets) count += rs.pods.length;
      if (count > MAX_STEP_POD_PLACEMENTS) return undefined;
      if (!last) {
        if (count > budget) {
          budget = 0;
          return undefined;
        }
        budget -= count;
      }
      return podPlacementsOf(world, newRS);
    },
  };
}

/**
 * The pods the simulation holds right now, read from its own state (each pod's node is what the
 * placer, i.e. the scheduler, bound it to; null while it fits nowhere). Deterministic order:
 * ReplicaSets in creation order (the running version first, as in `replicaSets`), and within each
 * ReplicaSet its pods in creation order. `ready` is availability in the idealised model (ready for
 * minReadySeconds): a pending, still starting or never-ready pod is not ready.
 */
export function podPlacementsOf(world: RolloutWorld, newRS: ReplicaSetState | undefined): RolloutPodPlacement[] {
  const placements: RolloutPodPlacement[] = [];
  const byCreation = [...world.replicaSets].sort((a, b) => a.created - b.created);
  for (const rs of byCreation) {
    const isNew = rs === newRS;
    for (const pod of rs.pods) placements.push({ pod: pod.pod.key, node: pod.node, isNew, ready: pod.available });
  }
  return placements;
}
