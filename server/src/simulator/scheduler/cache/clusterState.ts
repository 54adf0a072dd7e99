import { emptyClusterObjects, type ClusterObjects } from '../../model/clusterObjects';
import type { SimNode } from '../../model/node';
import type { SimPod } from '../../model/pod';
import { cloneStorageObjects, type StorageObjects } from '../../model/storage/storageObjects';
import { isTerminalPhase } from '../../model/podFromObject';
import { type AffinityGroups, updateAffinityGroups } from './counters/affinityGroups';
import { createCounterRegistry, notifyCounters, type CounterRegistry } from './counters/counterRegistry';
import { addPodToNode, newNodeColumns, newNodeInfo, removePodFromNode, type NodeColumns, type NodeInfo } from './nodeInfo';
import { nodeTreeOrder } from './nodeOrder';
import { createPodInfoCache, podInfoOf, type PodInfo, type PodInfoCache } from './podInfo';
import { buildTopologyIndex, type TopologyIndex } from './topologyIndex';

/**
 * The scheduler's view of the cluster (its cache + snapshot, upstream `backend/cache`): nodes with
 * the aggregates of their pods, every bound pod, the cluster objects, and the indexes and
 * incremental counters the plugins read. Only data about the cluster: the framework's scratch
 * buffers and the profile belong to the runtime (runtime/schedulerState.ts). Mutated only through
 * `bindPod` / `unbindPod` (and indexes built on first use); owned by whoever created it (no
 * module-level state).
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
  readonly nodeByName: ReadonlyMap<string, NodeInfo>;
  /** Bound pods by `namespace/name`. */
  readonly pods: Map<string, PodInfo>;
  readonly objects: ClusterObjects;
  /** This state's copy of the storage objects: the volume plugins read it, placements bind claims in it. */
  readonly storage: StorageObjects;
  /** Image name → number of nodes that have it (ImageLocality's spread). */
  readonly imageNodeCount: ReadonlyMap<string, number>;
  /** Some node is cordoned (`spec.unschedulable`). */
  readonly hasCordonedNodes: boolean;
  /** Some node has a PreferNoSchedule taint (TaintToleration scores every node alike without one). */
  readonly hasPreferNoScheduleTaints: boolean;
  readonly counters: CounterRegistry;
  readonly affinityGroups: AffinityGroups;
  readonly podInfoCache: PodInfoCache;
  /** Numbered domains per topology key (nodes never change, so they are built once). */
  readonly topologies: Map<string, TopologyIndex>;
  /** Counters already resolved for a compiled pod variant (its spread or terms object). */
  readonly resolvedCounters: WeakMap<object, unknown>;
  /** Image name → size of that image on each node (0 when absent), built on first use. */
  readonly imageSizes: Map<string, Float64Array>;
  /** `key=value` → the bound pods carrying that label (to fill a new counter quickly). */
  readonly podsByLabel: Map<string, Set<PodInfo>>;
}

/**
 * The snapshot of `nodes` (any order; walked in zone round-robin order) with `runningPods` bound
 * (pods on unknown nodes or in a terminal phase are left out).
 */
export function newClusterState(nodes: readonly SimNode[], runningPods: readonly SimPod[], objects: ClusterObjects = emptyClusterObjects()): ClusterState {
  const columns = newNodeColumns(nodes.length);
  const ordered = nodeTreeOrder(nodes).map((node, index) => newNodeInfo(node, index, columns));
  const imageNodeCount = new Map<string, number>();
  for (const info of ordered) for (const name of info.images.keys()) imageNodeCount.set(name, (imageNodeCount.get(name) ?? 0) + 1);
  const state: ClusterState = {
    nodes: ordered,
    columns,
    nodeOrder: Int32Array.from(ordered, (n) => n.index),
    nameRank: nameRanks(ordered),
    nodeByName: new Map(ordered.map((n) => [n.name, n])),
    pods: new Map(),
    objects,
    storage: cloneStorageObjects(objects.storage),
    imageNodeCount,
    hasCordonedNodes: nodes.some((n) => n.unschedulable),
    hasPreferNoScheduleTaints: ordered.some((n) => n.preferNoScheduleTaints.length > 0),
    counters: createCounterRegistry(),
    affinityGroups: new Map(),
    podInfoCache: createPodInfoCache(),
    topologies: new Map(),
    resolvedCounters: new WeakMap(),
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

/** The cluster's index for a topology key, built on first use. */
export function topologyOf(state: ClusterState, key: string): TopologyIndex {
  let index = state.topologies.get(key);
  if (!index) {
    index = buildTopologyIndex(key, state.nodes);
    state.topologies.set(key, index);
  }
  return index;
}
