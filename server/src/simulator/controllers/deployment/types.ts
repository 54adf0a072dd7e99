import type { SimPod } from '../../model/pod';
import type { SimFinding } from '../../model/source';

/**
 * Where new pods go. The rollout simulator asks it for every pod a ReplicaSet creates and tells it
 * about every pod deleted, so the placer can keep node usage current. Implementations: a thin
 * adapter over the scheduler (`scheduleOne` binds when it places), or `unboundedPlacer()` when no
 * cluster is given. `place` must be deterministic for a given call sequence.
 */
export interface PodPlacer {
  place(pod: SimPod): PlacerVerdict;
  remove(podKey: string): void;
}

export interface PlacerVerdict {
  /** The node the pod was bound to, or null when it fits nowhere. */
  node: string | null;
  /** The scheduler's verdict, e.g. "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules." */
  message: string;
}

export interface RolloutOptions {
  /** Pods of the NEW template never become ready (failing probe, crash loop). */
  neverReady?: boolean;
  /** Ticks from scheduling to availability (readiness + minReadySeconds). Default 1. */
  availabilityDelayTicks?: number;
}

/** The four numbers every step reports (section 3.3 of rollout.md: the `compact` tuple, plus total). */
export interface RolloutCounts {
  /** Σ spec.replicas over the old ReplicaSets. */
  oldReplicas: number;
  /** spec.replicas of the new ReplicaSet (0 before it exists). */
  newReplicas: number;
  /** Available pods over all ReplicaSets. */
  available: number;
  /** max(0, old + new − available). */
  unavailable: number;
  total: number;
}

export type ControllerFunction =
  | 'reconcileNewReplicaSet'
  | 'cleanupUnhealthyReplicas'
  | 'scaleDownOldReplicaSetsForRollingUpdate'
  | 'scale(proportional)'
  | 'scale(activeOrLatest)'
  | 'scale(newRS saturated)'
  | 'scaleDownOldReplicaSetsForRecreate'
  | 'scaleUpNewReplicaSetForRecreate'
  | 'cleanupDeployment';

export interface RolloutAction {
  op: 'create' | 'scale' | 'delete';
  replicaSet: string;
  revision: number;
  from: number;
  to: number;
  /** The upstream function that did it. */
  by: ControllerFunction;
  /** The event text plus why, e.g. "Scaled down replica set web-5d8 to 2 from 3 (available 4 > minAvailable 3)". */
  text: string;
  after: RolloutCounts;
}

export interface ReplicaSetSnapshot {
  name: string;
  revision: number;
  replicas: number;
  available: number;
  isNew: boolean;
}

/** Where one pod of the Deployment is at the end of a step (see podPlacements.ts for the order and bounds). */
export interface RolloutPodPlacement {
  /** "namespace/name" */
  pod: string;
  /** The node the scheduler bound it to, or null while it is Pending (fits nowhere). */
  node: string | null;
  /** It belongs to the new ReplicaSet (the Deployment's current template). */
  isNew: boolean;
  /** It counts as available (ready, and for minReadySeconds); false while pending, starting or never ready. */
  ready: boolean;
}

export interface RolloutStep extends RolloutCounts {
  step: number;
  /** `actions[i].text`, the contract field. */
  actions: string[];
  actionDetails: RolloutAction[];
  /** Pods that fit nowhere at the end of the step: "<ns/pod>: <scheduler message>". */
  pending: string[];
  /** Pods placed during the step: "<ns/pod> → <node>". */
  scheduled: string[];
  /** Pods that became available at the start of the step. */
  becameAvailable: number;
  replicaSets: ReplicaSetSnapshot[];
  availableCondition: 'True' | 'False';
  complete: boolean;
  /** What `kubectl rollout status` would print now. */
  rolloutStatus: string;
  /**
   * Every pod of the Deployment (old and new ReplicaSets) at the end of the step, ReplicaSets in
   * creation order and pods in creation order within each. Absent when the step (or the rollout) is
   * too large to list pod by pod: see podPlacements.ts.
   */
  pods?: RolloutPodPlacement[];
}

export type RolloutOutcome = 'complete' | 'stalled' | 'paused' | 'invalid';

export interface RolloutResult {
  namespace: string;
  name: string;
  strategy: 'RollingUpdate' | 'Recreate';
  replicas: number;
  /** Resolved MaxSurge(d) / MaxUnavailable(d) of the new version. */
  maxSurge: number;
  maxUnavailable: number;
  /** As written (after defaulting), e.g. "25%"; null for Recreate. */
  maxSurgeSpec: string | null;
  maxUnavailableSpec: string | null;
  minReadySeconds: number;
  outcome: RolloutOutcome;
  steps: RolloutStep[];
  /** Why the rollout stopped short, in words (stalled / paused / invalid). */
  stallReason: string | null;
  /** Things the user should know (minReadySeconds, scaling events, unmodelled fields). */
  notes: string[];
  findings: SimFinding[];
  /** The Deployment before the controller's first step (the running version at full size; empty on a first apply). */
  initial?: RolloutSnapshot;
  /** What a new pod waits for before it counts as available, e.g. "readinessProbe initialDelaySeconds 10" (readinessDelay.ts). */
  newPodsWaitFor?: string;
}

/** The Deployment's ReplicaSets and pods at one moment, outside any step (see `RolloutResult.initial`). */
export interface RolloutSnapshot extends RolloutCounts {
  replicaSets: ReplicaSetSnapshot[];
  /** Pods that fit nowhere: "<ns/pod>: <scheduler message>". */
  pending: string[];
  /** Absent over MAX_STEP_POD_PLACEMENTS (podPlacements.ts). */
  pods?: RolloutPodPlacement[];
}
