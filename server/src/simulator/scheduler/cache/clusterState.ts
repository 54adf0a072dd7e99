import { emptyClusterObjects, type ClusterObjects, type ServiceInfo } from '../../model/clusterObjects';
import type { SimNode } from '../../model/node';
import type { SimPod } from '../../model/pod';
import { isTerminalPhase } from '../../model/podFromObject';
import { type AffinityGroups, updateAffinityGroups } from './counters/affinityGroups';
import { createCounterRegistry, notifyCounters, type CounterRegistry } from './counters/counterRegistry';
import { addPodToNode, newNodeColumns, newNodeInfo, removePodFromNode, type NodeColumns, type NodeInfo } from './nodeInfo';
import { nodeTreeOrder } from './nodeOrder';
import { createPodInfoCache, podInfoOf, type PodInfo, type PodInfoCache } from './podInfo';
import { defaultProfile } from '../runtime/profile';
import { topologyOf, type TopologyIndex } from './topologyIndex';
import { createArena, type Arena } from '../runtime/arena';
import { createStatusTable, type StatusTable } from '../runtime/statusTable';
import type { Profile, Status } from '../types';
import { FILTER_CHUNK } from '../runtime/framework';

/**
 * The scheduler's view of the cluster (its cache + snapshot): nodes with the aggregates of their
 * pods, every bound pod, and the incremental counters the plugins read. Mutated only through
 * `bindPod` / `unbindPod`; owned by whoever created it (no module-level state).
 */
export interface ClusterState {
  /** Nodes in the order the scheduler walks them (zone round-robin); `nodes[i].index === i`. */
  readonly nodes: readonly NodeInfo[];
  /** The per-node numbers the plugins read, by node index. */
  readonly columns: NodeColumns;
  /** 0, 1, … n−1: every node, in walking order. */
  readonly nodeOrder: Int32Array;
  /** Per node index: its position in byte order of names (the tie-break compares these). */
  readonly nameRank: Int32Array;
  /** Scratch space for the filter pass (never read across cycles). */
  readonly filterChunk: Int32Array;
  readonly filterStatuses: Array<Status | null>;
  /** Scratch space for the feasible nodes of the current cycle (copied before it is kept). */
  readonly feasibleBuffer: Int32Array;
  /** Scratch space for the failed nodes of the current cycle and their statuses (copied to exact size before they are kept). */
  readonly failedBuffer: Int32Array;
  readonly failedStatusBuffer: Array<Status | null>;
  /** The statuses failed nodes are kept as numbers of (see statusTable.ts). */
  readonly statusTable: StatusTable;
  /** Where the score tables kept in placements are allocated. */
  readonly arena: Arena;
  readonly nodeByName: ReadonlyMap<string, NodeInfo>;
  /** Bound pods by `namespace/name`. */
  readonly pods: Map<string, PodInfo>;
  readonly objects: ClusterObjects;
  /** Image name → number of nodes that have it (ImageLocality's spread). */
  readonly imageNodeCount: ReadonlyMap<string, number>;
  /** Some node is cordoned (`spec.unschedulable`). */
  readonly hasCordonedNodes: boolean;
  /** Some node has a PreferNoSchedule taint (TaintToleration scores every node alike without one). */
  readonly hasPreferNoScheduleTaints: boolean;
  /** The profile's score plugin names and weights, shared by every score table. */
  readonly scoreColumns: { readonly names: readonly string[]; readonly weights: readonly number[] };
  readonly counters: CounterRegistry;
  readonly affinityGroups: AffinityGroups;
  readonly podInfoCache: PodInfoCache;
  readonly profile: Profile;
  /** 0 = upstream's adaptive default (all nodes below 100, then 50% − nodes/125, at least 5%). */
  readonly percentageOfNodesToScore: number;
  /** Where the next filter pass starts (upstream rotates it so every node gets its turn). */
  nextStartNodeIndex: number;
  /** Numbered domains per topology key (nodes never change, so they are built once). */
  readonly topologies: Map<string, TopologyIndex>;
  /** Counters already resolved for a compiled pod variant (its spread or terms object). */
  readonly resolvedCounters: WeakMap<object, unknown>;
  /** Scratch space the framework scores into (never read across cycles). */
  scoreBuffer: Float64Array;
  /** Image name → size of that image on each node (0 when absent), built on first use. */
  readonly imageSizes: Map<string, Float64Array>;
  /** `key=value` → the bound pods carrying that label (to fill a new counter quickly). */
  readonly podsByLabel: Map<string, Set<PodInfo>>;
}

export interface ClusterStateOptions {
  objects?: ClusterObjects;
  percentageOfNodesToScore?: number;
  profile?: Profile;
}

export function newClusterState(nodes: readonly SimNode[], runningPods: readonly SimPod[], options: ClusterStateOptions = {}): ClusterState {
  const profile = options.profile ?? defaultProfile();
  const columns = newNodeColumns(nodes.length);
  const ordered = nodeTreeOrder(nodes).map((node, index) => newNodeInfo(node, index, columns));
  const imageNodeCount = new Map<string, number>();
  for (const info of ordered) for (const name of info.images.keys()) imageNodeCount.set(name, (imageNodeCount.get(name) ?? 0) + 1);
  const state: ClusterState = {
    nodes: ordered,
    columns,
    nodeOrder: Int32Array.from(ordered, (n) => n.index),
    nameRank: nameRanks(ordered),
    filterChunk: new Int32Array(FILTER_CHUNK),
    filterStatuses: new Array<Status | null>(FILTER_CHUNK).fill(null),
    feasibleBuffer: new Int32Array(ordered.length),
    failedBuffer: new Int32Array(ordered.length),
    failedStatusBuffer: new Array<Status | null>(ordered.length).fill(null),
    statusTable: createStatusTable(),
    arena: createArena(),
    nodeByName: new Map(ordered.map((n) => [n.name, n])),
    pods: new Map(),
    objects: options.objects ?? emptyClusterObjects(),
    imageNodeCount,
    hasCordonedNodes: nodes.some((n) => n.unschedulable),
    hasPreferNoScheduleTaints: ordered.some((n) => n.preferNoScheduleTaints.length > 0),
    scoreColumns: scoreColumnsOf(profile),
    counters: createCounterRegistry(),
    affinityGroups: new Map(),
    podInfoCache: createPodInfoCache(),
    profile,
    percentageOfNodesToScore: options.percentageOfNodesToScore ?? 0,
    nextStartNodeIndex: 0,
    topologies: new Map(),
    resolvedCounters: new WeakMap(),
    scoreBuffer: new Float64Array(ordered.length),
    imageSizes: new Map(),
    podsByLabel: new Map(),
  };
  for (const pod of runningPods) {
    const node = pod.nodeName !== null ? state.nodeByName.get(pod.nodeName) : undefined;
    if (!node || isTerminalPhase(pod.phase) || state.pods.has(pod.key)) continue;
    bindPod(state, compilePod(state, pod), node);
  }
  return state;
}

function nameRanks(nodes: readonly NodeInfo[]): Int32Array {
  const rank = new Int32Array(nodes.length);
  [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).forEach((node, position) => (rank[node.index] = position));
  return rank;
}

export function compilePod(state: ClusterState, pod: SimPod): PodInfo {
  return podInfoOf(pod, state.podInfoCache, state.objects.services);
}

export function bindPod(state: ClusterState, pod: PodInfo, node: NodeInfo): void {
  addPodToNode(node, pod);
  state.pods.set(pod.key, pod);
  for (const label of pod.labelKeys) {
    let set = state.podsByLabel.get(label);
    if (!set) {
      set = new Set();
      state.podsByLabel.set(label, set);
    }
    set.add(pod);
  }
  notifyCounters(state.counters, pod, node, 1);
  updateAffinityGroups(state.affinityGroups, pod, node, 1, (key) => topologyOf(state, key));
}

/** Removes a bound pod; returns it, or undefined when no such pod is bound. */
export function unbindPod(state: ClusterState, key: string): PodInfo | undefined {
  const pod = state.pods.get(key);
  if (!pod) return undefined;
  const node = state.nodes[pod.nodeIndex];
  notifyCounters(state.counters, pod, node, -1);
  updateAffinityGroups(state.affinityGroups, pod, node, -1, (key) => topologyOf(state, key));
  removePodFromNode(node, pod);
  state.pods.delete(key);
  for (const label of pod.labelKeys) state.podsByLabel.get(label)?.delete(pod);
  return pod;
}

export type { ServiceInfo };

function scoreColumnsOf(profile: Profile): ClusterState['scoreColumns'] {
  return { names: Object.freeze(profile.scorers.map((s) => s.plugin.name)), weights: Object.freeze(profile.scorers.map((s) => s.weight)) };
}
