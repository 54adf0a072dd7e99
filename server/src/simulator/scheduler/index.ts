/**
 * The scheduler's public API: a small, stable surface for every simulator that places pods
 * (the manifests' simulation, and the Deployment rolling-update simulator, which sends each new
 * surge pod through here). Everything is synchronous, deterministic and pure apart from the
 * state it is given, which only the caller owns: a SchedulerState, the cluster snapshot
 * (cache/clusterState.ts) together with the scheduler's profile and scratch (runtime/schedulerState.ts).
 *
 *   const state = createClusterState(nodes, runningPods, { objects });
 *   const placement = scheduleOne(state, pod);      // binds the pod into `state` when placed
 *   if (placement.status === 'Pending') console.log(placement.message);
 *   removePod(state, placement.podKey);             // a pod terminates: frees its node
 *
 * `createClusterState`: nodes (any order; walked in kube-scheduler's zone round-robin order) and
 *   the pods already running (`nodeName` set; pods on unknown nodes or in a terminal phase are
 *   ignored). `options.objects` supplies namespaces (labels), services (default topology
 *   spreading) and priority classes; `options.percentageOfNodesToScore` (0 = upstream's adaptive
 *   default) bounds how many feasible nodes are searched on large clusters.
 * `scheduleOne`: see runtime/scheduleOne.ts. Pods of one template should share their `spec` object (they
 *   are then compiled once). For default topology spreading, set `pod.owner` (kind ReplicaSet)
 *   and `pod.ownerSelector` (the ReplicaSet's selector, including `pod-template-hash`).
 *   A Pending placement with `preemption.kind === 'preempts'` means a real cluster would evict
 *   `preemption.victims` and retry; the state is left unchanged.
 * `removePod`: returns false when no pod with that key is bound.
 */
import type { SimNode } from '../model/node';
import type { SimPod } from '../model/pod';
import { unbindPod, type ClusterState } from './cache/clusterState';
import { newSchedulerState, type ClusterStateOptions, type SchedulerState } from './runtime/schedulerState';

export type { ClusterState } from './cache/clusterState';
export type { ClusterStateOptions, SchedulerState } from './runtime/schedulerState';
export type { FilterFailures, FilterVerdict, PendingReason, PlacementStatus, PodPlacement, PreemptionOutcome, ScoreTable } from './runtime/placement';
export { filterVerdicts, weightedScore } from './runtime/placement';
export { scheduleOne } from './runtime/scheduleOne';
export { DEFAULT_SCHEDULER_NAME } from './runtime/profile';

export function createClusterState(nodes: readonly SimNode[], runningPods: readonly SimPod[], options: ClusterStateOptions = {}): SchedulerState {
  return newSchedulerState(nodes, runningPods, options);
}

export function removePod(state: ClusterState, podKey: string): boolean {
  return unbindPod(state, podKey) !== undefined;
}
