import type { SimPod } from '../../model/pod';
import { isRecord, toLabels, withLabels } from '../../model/labelSelector';
import type { DeploymentModel } from './deploymentSpec';
import { maxSurgeOf, maxUnavailableOf } from './fenceposts';
import { randomSuffix } from '../../workloads/names';
import { rankPodsForDeletion, type RolloutPod } from './podRanking';
import type { ControllerFunction, PodPlacer, RolloutAction, RolloutCounts } from './types';

export type { RolloutPod } from './podRanking';

/**
 * The mutable world of one rollout simulation: the Deployment as it is now, its ReplicaSets and
 * their pods. The ReplicaSet controller is instantaneous (rollout.md §3.1): scaling an RS creates or
 * deletes its pods at once, every new pod goes through the placer at once, and deleted pods vanish
 * (terminationTicks = 0). Owned by one `simulateRollout` call; never shared.
 */
export interface ReplicaSetState {
  name: string;
  revision: number;
  /** Canonical JSON of the template: the `EqualIgnoreHash` key. */
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
  pods: RolloutPod[];
  podCounter: number;
}

export interface RolloutWorld {
  deployment: DeploymentModel;
  /** The Deployment's template as a new ReplicaSet would carry it. */
  target: { templateKey: string; hash: string; neverReady: boolean };
  replicaSets: ReplicaSetState[];
  tick: number;
  availabilityDelay: number;
  placer: PodPlacer;
  /** Actions recorded during the current tick. */
  actions: RolloutAction[];
  /** Pods placed during the current tick ("<ns/pod> → <node>"). */
  scheduled: string[];
  /** Set whenever anything about the ReplicaSets changes (sizes, annotations, revisions). */
  dirty: boolean;
  nextCreated: number;
  nextPodSeq: number;
  describe: (action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld) => string;
}

export function isAvailable(pod: RolloutPod, tick: number): boolean {
  return pod.availableAt !== null && pod.availableAt <= tick;
}

export function availableOf(rs: ReplicaSetState, tick: number): number {
  let count = 0;
  for (const pod of rs.pods) if (isAvailable(pod, tick)) count++;
  return count;
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
    available += availableOf(rs, world.tick);
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
  resizePods(world, rs, to);
  rs.replicas = to;
  world.dirty = true;
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
  const rs: ReplicaSetState = { ...init, replicas: 0, created: world.nextCreated++, desiredAnnotation: null, maxAnnotation: null, pods: [], podCounter: 0 };
  world.replicaSets.push(rs);
  refreshAnnotations(world, rs);
  resizePods(world, rs, replicas);
  rs.replicas = replicas;
  world.dirty = true;
  record(world, { op: 'create', replicaSet: rs.name, revision: rs.revision, from: 0, to: replicas, by }, rs);
  return rs;
}

export function deleteReplicaSet(world: RolloutWorld, rs: ReplicaSetState, by: ControllerFunction, newRS: ReplicaSetState | undefined): void {
  resizePods(world, rs, 0);
  world.replicaSets = world.replicaSets.filter((other) => other !== rs);
  world.dirty = true;
  record(world, { op: 'delete', replicaSet: rs.name, revision: rs.revision, from: rs.replicas, to: 0, by }, newRS);
}

function record(world: RolloutWorld, action: Omit<RolloutAction, 'text' | 'after'>, newRS: ReplicaSetState | undefined): void {
  world.actions.push({ ...action, text: world.describe(action, world), after: countsOf(world, newRS) });
}

function resizePods(world: RolloutWorld, rs: ReplicaSetState, to: number): void {
  if (rs.pods.length > to) {
    const victims = new Set(rankPodsForDeletion(rs.pods, world.tick).slice(0, rs.pods.length - to));
    rs.pods = rs.pods.filter((pod) => !victims.has(pod));
    for (const pod of victims) if (pod.node !== null) world.placer.remove(pod.pod.key);
    // The scheduler retries unschedulable pods when pods go away (freed resources, anti-affinity).
    retryPendingPods(world);
    return;
  }
  while (rs.pods.length < to) rs.pods.push(newPod(world, rs));
}

function newPod(world: RolloutWorld, rs: ReplicaSetState): RolloutPod {
  const { deployment } = world;
  // Named as the workload expansion names replicas (`<rs>-<5 chars>` from namespace/rs/index/attempt),
  // so the running version's pods carry the names `drydock simulate` shows.
  const existing = new Set(rs.pods.map((pod) => pod.pod.name));
  const index = rs.podCounter++;
  let name: string;
  let attempt = 0;
  do name = `${rs.name}-${randomSuffix(`${deployment.namespace}/${rs.name}/${index}/${attempt++}`)}`; while (existing.has(name));
  const meta = isRecord(rs.template.metadata) ? rs.template.metadata : {};
  const spec = (isRecord(rs.template.spec) ? rs.template.spec : {}) as SimPod['spec'];
  const selector = isRecord(deployment.selector) ? deployment.selector : {};
  const matchLabels = isRecord(selector.matchLabels) ? toLabels(selector.matchLabels) : toLabels({});
  const sim: SimPod = {
    key: `${deployment.namespace}/${name}`,
    namespace: deployment.namespace,
    name,
    labels: withLabels(toLabels(meta.labels), { 'pod-template-hash': rs.hash }),
    annotations: toLabels(meta.annotations),
    owner: { kind: 'ReplicaSet', name: rs.name },
    // The new RS's selector is the Deployment's plus pod-template-hash (default topology spreading reads it).
    ownerSelector: { matchLabels: withLabels(matchLabels, { 'pod-template-hash': rs.hash }), matchExpressions: Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [] },
    workload: { kind: 'Deployment', name: deployment.name },
    origin: 'manifest',
    spec,
    priority: typeof spec.priority === 'number' ? spec.priority : 0,
    phase: null,
    ready: false,
    nodeName: null,
    source: deployment.manifest.source,
    specPath: ['spec', 'template', 'spec'],
  };
  const pod: RolloutPod = { pod: sim, seq: world.nextPodSeq++, node: null, pendingMessage: '', availableAt: null, neverReady: rs.neverReady };
  tryPlace(world, pod);
  return pod;
}

function tryPlace(world: RolloutWorld, pod: RolloutPod): boolean {
  const placement = world.placer.place(pod.pod);
  if (placement.node === null) {
    pod.pendingMessage = placement.message;
    return false;
  }
  pod.node = placement.node;
  pod.pod = { ...pod.pod, nodeName: placement.node };
  pod.pendingMessage = '';
  pod.availableAt = pod.neverReady ? null : world.tick + world.availabilityDelay;
  world.scheduled.push(`${pod.pod.key} → ${placement.node}`);
  world.dirty = true;
  return true;
}

/** Offers every unscheduled pod to the placer again, oldest first. Returns how many got placed. */
export function retryPendingPods(world: RolloutWorld): number {
  const pending = world.replicaSets.flatMap((rs) => rs.pods.filter((pod) => pod.node === null));
  pending.sort((a, b) => a.seq - b.seq);
  let placed = 0;
  for (const pod of pending) if (tryPlace(world, pod)) placed++;
  return placed;
}

export function pendingPods(world: RolloutWorld): RolloutPod[] {
  return world.replicaSets.flatMap((rs) => rs.pods.filter((pod) => pod.node === null)).sort((a, b) => a.seq - b.seq);
}

/** Current MaxSurge / MaxUnavailable of the Deployment. */
export function fencepostsOf(world: RolloutWorld): { surge: number; unavailable: number } {
  const { strategy, replicas } = world.deployment;
  return { surge: maxSurgeOf(strategy, replicas), unavailable: maxUnavailableOf(strategy, replicas) };
}
