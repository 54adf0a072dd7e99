import type { SimPod } from '../../model/pod';
import type { DeploymentModel } from './deploymentSpec';
import { maxSurgeOf, maxUnavailableOf } from './fenceposts';
import { addPods, podTemplateParts, removePods } from './podLifecycle';
import type { PodCounts, RolloutPod } from './podRanking';
import type { ControllerFunction, PodPlacer, RolloutAction, RolloutCounts } from './types';

export type { RolloutPod } from './podRanking';

/**
 * The mutable world of one rollout simulation: the Deployment as it is now, its ReplicaSets and
 * their pods (see podLifecycle.ts for how pods come and go). Owned by one `simulateRollout` call;
 * never shared. Every count the controller reads is kept current, so a step costs O(changes), not
 * O(pods).
 */
export interface ReplicaSetState extends PodCounts {
  name: string;
  revision: number;
  /** The `EqualIgnoreHash` key of the template. */
  templateKey: string;
  template: Record<string, unknown>;
  hash: string;
  /** spec.replicas */
  replicas: number;
  /** Creation order (stands for creationTimestamp, ties by name). */
  created: number;
  /** deployment.kubernetes.io/desired-replicas and max-replicas; null when absent. */
  desiredAnnotation: number | null;
  maxAnnotation: number | null;
  /** Pods of this template never become ready. */
  neverReady: boolean;
  /** In creation order. */
  pods: RolloutPod[];
  podNames: Set<string>;
  podCounter: number;
  /** Shared by every pod of the ReplicaSet (the scheduler compiles a template once). */
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  podSpec: SimPod['spec'];
  ownerSelector: NonNullable<SimPod['ownerSelector']>;
}

export interface RolloutWorld {
  deployment: DeploymentModel;
  /** The Deployment's template as a new ReplicaSet would carry it. */
  target: { templateKey: string; hash: string; neverReady: boolean };
  replicaSets: ReplicaSetState[];
  tick: number;
  availabilityDelay: number;
  placer: PodPlacer;
  /** Unscheduled pods, oldest first (a Set keeps insertion order). */
  pending: Set<RolloutPod>;
  /** Step → pods that become available at its start. */
  dueAvailable: Map<number, RolloutPod[]>;
  /** Placed pods waiting for their availability step. */
  awaiting: number;
  /** Actions recorded during the current step. */
  actions: RolloutAction[];
  /** Pods placed during the current step ("<ns/pod> → <node>"). */
  scheduled: string[];
  /** Set whenever anything about the ReplicaSets changes (sizes, annotations, revisions). */
  dirty: boolean;
  nextCreated: number;
  nextPodSeq: number;
  describe: (action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld) => string;
}

export function availableOf(rs: ReplicaSetState): number {
  return rs.available;
}

/** The new RS: the oldest whose template equals the Deployment's (upstream `FindNewReplicaSet`). */
export function findNewReplicaSet(world: RolloutWorld, templateKey: string): ReplicaSetState | undefined {
  return world.replicaSets.find((rs) => rs.templateKey === templateKey);
}

export function countsOf(world: RolloutWorld, newRS: ReplicaSetState | undefined): RolloutCounts {
  let oldReplicas = 0;
  let available = 0;
  for (const rs of world.replicaSets) {
    if (rs !== newRS) oldReplicas += rs.replicas;
    available += rs.available;
  }
  const newReplicas = newRS?.replicas ?? 0;
  const total = oldReplicas + newReplicas;
  return { oldReplicas, newReplicas, available, unavailable: Math.max(0, total - available), total };
}

/** Sets the desired/max annotations to the current R and R + MaxSurge; true when they changed. */
export function refreshAnnotations(world: RolloutWorld, rs: ReplicaSetState): boolean {
  const { replicas, strategy } = world.deployment;
  const max = replicas + maxSurgeOf(strategy, replicas);
  if (rs.desiredAnnotation === replicas && rs.maxAnnotation === max) return false;
  rs.desiredAnnotation = replicas;
  rs.maxAnnotation = max;
  world.dirty = true;
  return true;
}

/**
 * Upstream `scaleReplicaSetAndRecordEvent`: does nothing at all (not even the annotation refresh)
 * when the size is unchanged; otherwise `scaleReplicaSet`. Returns true when it scaled.
 */
export function scaleReplicaSetAndRecordEvent(world: RolloutWorld, rs: ReplicaSetState, to: number, by: ControllerFunction, newRS: ReplicaSetState | undefined): boolean {
  if (rs.replicas === to) return false;
  return scaleReplicaSet(world, rs, to, by, newRS);
}

/**
 * Upstream `scaleReplicaSet`: sets the size (creating or deleting pods) and always refreshes the
 * replica annotations; records an action when the size changed. Returns true when the size changed.
 */
export function scaleReplicaSet(world: RolloutWorld, rs: ReplicaSetState, to: number, by: ControllerFunction, newRS: ReplicaSetState | undefined): boolean {
  refreshAnnotations(world, rs);
  const from = rs.replicas;
  if (from === to) return false;
  resize(world, rs, to);
  record(world, { op: 'scale', replicaSet: rs.name, revision: rs.revision, from, to, by }, newRS);
  return true;
}

/** Creates a ReplicaSet at `replicas` (upstream `getNewReplicaSet` with create=true). */
export function createReplicaSet(
  world: RolloutWorld,
  init: Pick<ReplicaSetState, 'name' | 'revision' | 'templateKey' | 'template' | 'hash' | 'neverReady'>,
  replicas: number,
  by: ControllerFunction,
): ReplicaSetState {
  const rs: ReplicaSetState = {
    ...init, ...podTemplateParts(world, init.template, init.hash),
    replicas: 0, created: world.nextCreated++, desiredAnnotation: null, maxAnnotation: null,
    pods: [], podNames: new Set(), podCounter: 0, available: 0, unscheduled: 0,
  };
  world.replicaSets.push(rs);
  refreshAnnotations(world, rs);
  resize(world, rs, replicas);
  record(world, { op: 'create', replicaSet: rs.name, revision: rs.revision, from: 0, to: replicas, by }, rs);
  return rs;
}

export function deleteReplicaSet(world: RolloutWorld, rs: ReplicaSetState, by: ControllerFunction, newRS: ReplicaSetState | undefined): void {
  resize(world, rs, 0);
  world.replicaSets = world.replicaSets.filter((other) => other !== rs);
  world.dirty = true;
  record(world, { op: 'delete', replicaSet: rs.name, revision: rs.revision, from: rs.replicas, to: 0, by }, newRS);
}

function resize(world: RolloutWorld, rs: ReplicaSetState, to: number): void {
  if (rs.pods.length > to) removePods(world, rs, rs.pods.length - to);
  else if (rs.pods.length < to) addPods(world, rs, to - rs.pods.length);
  rs.replicas = to;
  world.dirty = true;
}

function record(world: RolloutWorld, action: Omit<RolloutAction, 'text' | 'after'>, newRS: ReplicaSetState | undefined): void {
  world.actions.push({ ...action, text: world.describe(action, world), after: countsOf(world, newRS) });
}

/** Unscheduled pods, oldest first. */
export function pendingPods(world: RolloutWorld): RolloutPod[] {
  return [...world.pending];
}

/** Current MaxSurge / MaxUnavailable of the Deployment. */
export function fencepostsOf(world: RolloutWorld): { surge: number; unavailable: number } {
  const { strategy, replicas } = world.deployment;
  return { surge: maxSurgeOf(strategy, replicas), unavailable: maxUnavailableOf(strategy, replicas) };
}
