import { isRecord, toLabels, withLabels } from '../../model/labelSelector';
import type { SimPod } from '../../model/pod';
import { randomSuffix } from '../../workloads/names';
import { pickVictims, type RolloutPod } from './podRanking';
import type { ReplicaSetState, RolloutWorld } from './rolloutWorld';

/**
 * Pods of the simulated ReplicaSets, as the instantaneous ReplicaSet controller and the scheduler
 * treat them (rollout.md §3.1): created and offered to the placer at once, available
 * `availabilityDelay` steps after being placed (never, for a never-ready template), deleted at once
 * (freeing their node, after which unschedulable pods are retried, oldest first).
 */
export function addPods(world: RolloutWorld, rs: ReplicaSetState, count: number): void {
  for (let i = 0; i < count; i++) {
    const pod = newPod(world, rs);
    rs.pods.push(pod);
    rs.unscheduled++;
    world.pending.add(pod);
    tryPlace(world, pod);
  }
}

export function removePods(world: RolloutWorld, rs: ReplicaSetState, count: number): void {
  const victims = pickVictims(rs.pods, rs, count);
  const doomed = new Set(victims);
  for (const pod of victims) {
    pod.deleted = true;
    if (pod.available) rs.available--;
    else if (pod.node === null) {
      rs.unscheduled--;
      world.pending.delete(pod);
    } else if (pod.availableAt !== null) world.awaiting--;
    if (pod.node !== null) world.placer.remove(pod.pod.key);
    rs.podNames.delete(pod.pod.name);
  }
  const tail = rs.pods.length - victims.length;
  if (rs.pods.slice(tail).every((pod) => doomed.has(pod))) rs.pods.length = tail;
  else rs.pods = rs.pods.filter((pod) => !doomed.has(pod));
  // The scheduler retries unschedulable pods when pods go away (freed resources, anti-affinity).
  if (victims.some((pod) => pod.node !== null)) retryPendingPods(world);
}

/** Offers every unscheduled pod to the placer again, oldest first. Returns how many got placed. */
export function retryPendingPods(world: RolloutWorld): number {
  let placed = 0;
  for (const pod of [...world.pending]) if (tryPlace(world, pod)) placed++;
  return placed;
}

/** Start of a step: pods whose availability time has come become available. Returns how many. */
export function advanceAvailability(world: RolloutWorld, tick: number): number {
  const due = world.dueAvailable.get(tick) ?? [];
  world.dueAvailable.delete(tick);
  let count = 0;
  for (const pod of due) {
    if (pod.deleted) continue;
    pod.available = true;
    pod.owner.available++;
    world.awaiting--;
    count++;
  }
  return count;
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
  pod.owner.unscheduled--;
  world.pending.delete(pod);
  world.scheduled.push(`${pod.pod.key} → ${placement.node}`);
  world.dirty = true;
  if (!pod.neverReady) {
    pod.availableAt = world.tick + world.availabilityDelay;
    if (world.availabilityDelay === 0) {
      pod.available = true;
      pod.owner.available++;
    } else {
      world.awaiting++;
      const due = world.dueAvailable.get(pod.availableAt);
      if (due) due.push(pod);
      else world.dueAvailable.set(pod.availableAt, [pod]);
    }
  }
  return true;
}

function newPod(world: RolloutWorld, rs: ReplicaSetState): RolloutPod {
  const { deployment } = world;
  // Named as the workload expansion names replicas (`<rs>-<5 chars>` from namespace/rs/index/attempt),
  // so the running version's pods carry the names `drydock simulate` shows.
  const index = rs.podCounter++;
  let name: string;
  let attempt = 0;
  do name = `${rs.name}-${randomSuffix(`${deployment.namespace}/${rs.name}/${index}/${attempt++}`)}`; while (rs.podNames.has(name));
  rs.podNames.add(name);
  const sim: SimPod = {
    key: `${deployment.namespace}/${name}`,
    namespace: deployment.namespace,
    name,
    labels: rs.podLabels,
    annotations: rs.podAnnotations,
    owner: { kind: 'ReplicaSet', name: rs.name },
    // The new RS's selector is the Deployment's plus pod-template-hash (default topology spreading reads it).
    ownerSelector: rs.ownerSelector,
    workload: { kind: 'Deployment', name: deployment.name },
    spec: rs.podSpec,
    priority: typeof rs.podSpec.priority === 'number' ? rs.podSpec.priority : 0,
    phase: null,
    ready: false,
    nodeName: null,
    source: deployment.manifest.source,
    specPath: ['spec', 'template', 'spec'],
    origin: 'manifest',
  };
  return { pod: sim, seq: world.nextPodSeq++, node: null, pendingMessage: '', availableAt: null, available: false, neverReady: rs.neverReady, deleted: false, owner: rs };
}

/** What every pod of a ReplicaSet shares: labels (with pod-template-hash), spec, owner selector. */
export function podTemplateParts(world: RolloutWorld, template: Record<string, unknown>, hash: string): Pick<ReplicaSetState, 'podLabels' | 'podAnnotations' | 'podSpec' | 'ownerSelector'> {
  const meta = isRecord(template.metadata) ? template.metadata : {};
  const selector = isRecord(world.deployment.selector) ? world.deployment.selector : {};
  const matchLabels = isRecord(selector.matchLabels) ? toLabels(selector.matchLabels) : toLabels({});
  return {
    podLabels: withLabels(toLabels(meta.labels), { 'pod-template-hash': hash }),
    podAnnotations: toLabels(meta.annotations),
    podSpec: (isRecord(template.spec) ? template.spec : {}) as SimPod['spec'],
    ownerSelector: { matchLabels: withLabels(matchLabels, { 'pod-template-hash': hash }), matchExpressions: Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [] },
  };
}
