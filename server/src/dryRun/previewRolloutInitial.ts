import type { PreviewRolloutStep } from '../protocol/preview';
import type { RolloutSnapshot } from '../simulator/controllers/deployment/types';

/**
 * The preview's step 0 of a rollout: the Deployment before the controller's first tick (the running
 * version's ReplicaSet at full size, its pods where the scheduler put them; nothing on a first apply).
 * It has no `step` (tick) number and no actions; the preview numbers its steps by position.
 */
export function previewInitialStep(initial: RolloutSnapshot): PreviewRolloutStep {
  return {
    initial: true,
    oldReplicas: initial.oldReplicas,
    newReplicas: initial.newReplicas,
    available: initial.available,
    unavailable: initial.unavailable,
    actions: [],
    pending: initial.pending,
    replicaSets: initial.replicaSets.map((rs) => ({ ...rs })),
    ...(initial.pods ? { pods: initial.pods.map((p) => ({ pod: p.pod, node: p.node, isNew: p.isNew, ready: p.ready })) } : {}),
  };
}
