import * as l10n from '@vscode/l10n';
import type { SimPod } from '../model/pod';
import { createClusterState, scheduleOne } from '../scheduler';
import { addPod, type LivePod, type WhatIfState } from './lifecycleState';
import { setReady, syncEndpoints } from './readyTracking';
import { readinessDelay } from './readiness';
import { randomSuffix } from '../workloads/names';

/**
 * The workload controllers' reactions and the scheduler (node-lifecycle.md §6, §9): a ReplicaSet
 * (ReplicationController, Job) replaces a pod as soon as its deletion starts; a StatefulSet only once
 * the old object is gone (same name); DaemonSet and bare pods are not replaced. New pods go through
 * the dry run's scheduler and turn Ready after their probes.
 */
const REPLACED_AT_ONCE = new Set(['ReplicaSet', 'ReplicationController', 'Job']);

export function controllersReact(state: WhatIfState): void {
  const gone = state.gone.sort((a, b) => a.pod.order - b.pod.order);
  state.gone = [];
  for (const { pod, removed } of gone) {
    const owner = pod.pod.owner;
    if (owner === null || pod.replaced) continue;
    if (REPLACED_AT_ONCE.has(owner.kind)) {
      create(state, pod, generatedName(state, pod.pod.namespace, owner.name, pod.order));
    } else if (owner.kind === 'StatefulSet' && removed) {
      create(state, pod, pod.pod.name);
    }
  }
}

/** `<owner>-<5 chars>` as the controller's generateName, derived from the old pod's order (deterministic) and unused. */
function generatedName(state: WhatIfState, namespace: string, base: string, seed: number): string {
  for (let attempt = 0; ; attempt++) {
    const name = `${base}-${randomSuffix(`${namespace}/${base}/whatif/${seed}/${attempt}`)}`;
    const key = `${namespace}/${name}`;
    if (!state.pods.has(key) && !state.deletedKeys.has(key)) return name;
  }
}

function create(state: WhatIfState, old: LivePod, name: string): void {
  const why = name === old.pod.name ? l10n.t('{0} is gone: the StatefulSet recreates the ordinal under the same name', old.pod.key) : l10n.t('replaces {0}, whose deletion has started (it no longer counts as active)', old.pod.key);
  old.replaced = true;
  // The template has no node: the old object's `spec.nodeName` was its binding (a cluster profile's pods carry it).
  const { nodeName: _bound, ...spec } = old.pod.spec;
  void _bound;
  const pod: SimPod = { ...old.pod, key: `${old.pod.namespace}/${name}`, name, spec: old.pod.spec.nodeName === undefined ? old.pod.spec : spec, nodeName: null, terminating: false, phase: null, ready: false };
  const live = addPod(state, pod, old.placement, old.services);
  state.timeline.push({ at: state.now, type: 'PodCreated', pod: pod.key, owner: `${old.pod.owner!.kind} ${pod.namespace}/${old.pod.owner!.name}`, why });
  state.toSchedule.push(live);
}

/** New pods in creation order, then (when room was made) the Pending ones, through the scheduler. */
export function schedule(state: WhatIfState): void {
  const queue = state.toSchedule;
  state.toSchedule = [];
  if (state.roomMade) {
    const queued = new Set(queue);
    for (const live of [...state.pods.values()].sort((a, b) => a.order - b.order)) if (live.phase === 'Pending' && !queued.has(live)) queue.push(live);
  }
  state.roomMade = false;
  if (queue.length === 0) return;
  const scheduler = schedulerOf(state);
  for (const live of queue) {
    if (state.pods.get(live.pod.key) !== live) continue;
    const placement = scheduleOne(scheduler, live.pod);
    live.placement = placement;
    if (placement.status === 'Pending' || placement.node === null) {
      if (live.pendingMessage !== placement.message) state.timeline.push({ at: state.now, type: 'PodPending', pod: live.pod.key, message: placement.message });
      live.pendingMessage = placement.message;
      continue;
    }
    live.pendingMessage = null;
    live.pod = { ...live.pod, nodeName: placement.node };
    live.phase = 'Running';
    state.timeline.push({ at: state.now, type: 'PodScheduled', pod: live.pod.key, node: placement.node });
    syncEndpoints(state, live);
    const delay = readinessDelay(live.pod.spec);
    live.readyAt = state.now + delay;
    state.readiness.add(live.readyAt, live.pod.key);
  }
}

/** Pods whose probes pass now, on nodes whose kubelet runs. */
export function readinessPass(state: WhatIfState): void {
  for (const key of state.readiness.take(state.now)) {
    const live = state.pods.get(key);
    if (!live || live.readyAt === null) continue;
    live.readyAt = null;
    const node = live.pod.nodeName === null ? undefined : state.nodes.get(live.pod.nodeName);
    if (live.phase !== 'Running' || !node?.kubeletUp || !node.ready) continue;
    const delay = readinessDelay(live.pod.spec);
    setReady(state, live, true, delay > 0 ? l10n.t('its probes pass {0} s after it started', delay) : l10n.t('no readiness probe: Ready once running'));
  }
}

/** The scheduler over the current nodes and bound pods, rebuilt when a node's taints or cordon changed. */
export function schedulerOf(state: WhatIfState): NonNullable<WhatIfState['scheduler']> {
  if (state.scheduler && !state.nodesChanged) return state.scheduler;
  const bound = [...state.pods.values()].filter((p) => p.pod.nodeName !== null && p.phase !== 'Pending').sort((a, b) => a.order - b.order).map((p) => p.pod);
  const storage = state.scheduler?.storage ?? state.input.objects.storage;
  state.scheduler = createClusterState([...state.nodes.values()].map((n) => n.node), bound, {
    objects: { ...state.input.objects, storage },
    percentageOfNodesToScore: state.input.percentageOfNodesToScore ?? 0,
  });
  state.nodesChanged = false;
  return state.scheduler;
}
