import type { ClusterObjects } from '../../model/clusterObjects';
import type { SimNode } from '../../model/node';
import type { SimPod } from '../../model/pod';
import { newClusterState, type ClusterState } from '../cache/clusterState';
import { defaultProfile, scoreColumnsOf, type Profile, type ScoreColumns } from './profile';
import { createScratch, type Scratch } from './scratch';

/**
 * What a caller of the public API holds (`createClusterState` in index.ts): the cluster snapshot,
 * and the scheduler that places pods into it (upstream's `Scheduler`: the profile, where the next
 * filter pass starts, and the framework's scratch). The public API hands out one handle, so the
 * runtime's fields sit on the snapshot object; the parts stay apart all the same: the snapshot
 * type (cache/clusterState.ts) knows nothing of the runtime, and plugins only ever see the
 * snapshot (`Cycle.cluster` is a ClusterState).
 */
export interface SchedulerState extends ClusterState {
  readonly profile: Profile;
  readonly scoreColumns: ScoreColumns;
  /** 0 = upstream's adaptive default (all nodes below 100, then 50% − nodes/125, at least 5%). */
  readonly percentageOfNodesToScore: number;
  /** Where the next filter pass starts (upstream rotates it so every node gets its turn). */
  nextStartNodeIndex: number;
  readonly scratch: Scratch;
}

export interface ClusterStateOptions {
  objects?: ClusterObjects;
  percentageOfNodesToScore?: number;
  profile?: Profile;
}

export function newSchedulerState(nodes: readonly SimNode[], runningPods: readonly SimPod[], options: ClusterStateOptions = {}): SchedulerState {
  const profile = options.profile ?? defaultProfile();
  const snapshot = newClusterState(nodes, runningPods, options.objects);
  return Object.assign(snapshot, {
    profile,
    scoreColumns: scoreColumnsOf(profile),
    percentageOfNodesToScore: options.percentageOfNodesToScore ?? 0,
    nextStartNodeIndex: 0,
    scratch: createScratch(snapshot.nodes.length),
  });
}
