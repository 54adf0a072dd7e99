/**
 * The operations on a rollout's world (rolloutWorld.ts) that the controller functions share:
 * finding the new ReplicaSet, counting, scaling, creating and deleting ReplicaSets, recording
 * what was done.
 */
import { maxSurgeOf, maxUnavailableOf } from './fenceposts';
import { addPods, podTemplateParts, removePods } from './podLifecycle';
import type { RolloutPod } from './podRanking';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';
import type { ControllerFunction, RolloutAction, RolloutCounts } from './types';

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
