import type { Labels } from '../../model/labelSelector';
import type { SimNode } from '../../model/node';
import { CPU, EPHEMERAL_STORAGE, emptyAmounts, MEMORY, PODS, type ResourceAmounts } from '../../model/resources';
import { isDoNotScheduleTaint, PREFER_NO_SCHEDULE, type Taint } from '../../model/taints';
import type { PodInfo } from './podInfo';
import type { HostPort } from './podSpecInfo';

/**
 * A node with the aggregates of the pods bound to it (`framework.NodeInfo`), updated
 * incrementally as pods bind and leave so that no plugin ever sums a node's pods.
 *
 * The numbers every Filter and Score reads for every node live in `NodeColumns`, one typed array
 * per field indexed by node index: a pass over 500 nodes then reads a few contiguous arrays
 * instead of 500 scattered objects (which, on a busy machine, costs more than the arithmetic).
 */
export interface NodeColumns {
  readonly podCount: Int32Array;
  /** `allocatable.pods`; 0 when missing (the node then takes no pod). */
  readonly allowedPods: Int32Array;
  readonly allocMilliCPU: Float64Array;
  readonly allocMemory: Float64Array;
  readonly allocEphemeralStorage: Float64Array;
  /** Σ real requests of bound pods (Fit filter, BalancedAllocation). */
  readonly requestedMilliCPU: Float64Array;
  readonly requestedMemory: Float64Array;
  readonly requestedEphemeralStorage: Float64Array;
  /** Σ requests with the 100m / 200Mi defaults for containers without one (Fit score). */
  readonly nonZeroMilliCPU: Float64Array;
  readonly nonZeroMemory: Float64Array;
  /** 1 when the node has NoSchedule/NoExecute taints, PreferNoSchedule taints, is cordoned. */
  readonly hasDoNotScheduleTaints: Uint8Array;
  readonly hasPreferNoScheduleTaints: Uint8Array;
  readonly unschedulable: Uint8Array;
}

export interface NodeInfo {
  readonly index: number;
  readonly node: SimNode;
  readonly name: string;
  readonly labels: Labels;
  readonly columns: NodeColumns;
  readonly allocScalar: ResourceAmounts;
  readonly requestedScalar: ResourceAmounts;
  readonly pods: PodInfo[];
  /** `protocol/port` → host IP → number of pods using it. */
  readonly usedPorts: Map<string, Map<string, number>>;
  readonly doNotScheduleTaints: readonly Taint[];
  readonly preferNoScheduleTaints: readonly Taint[];
  /** Image name → size in bytes (`status.images`). */
  readonly images: ReadonlyMap<string, number>;
}

export function newNodeColumns(count: number): NodeColumns {
  return {
    podCount: new Int32Array(count),
    allowedPods: new Int32Array(count),
    allocMilliCPU: new Float64Array(count),
    allocMemory: new Float64Array(count),
    allocEphemeralStorage: new Float64Array(count),
    requestedMilliCPU: new Float64Array(count),
    requestedMemory: new Float64Array(count),
    requestedEphemeralStorage: new Float64Array(count),
    nonZeroMilliCPU: new Float64Array(count),
    nonZeroMemory: new Float64Array(count),
    hasDoNotScheduleTaints: new Uint8Array(count),
    hasPreferNoScheduleTaints: new Uint8Array(count),
    unschedulable: new Uint8Array(count),
  };
}

export function newNodeInfo(node: SimNode, index: number, columns: NodeColumns): NodeInfo {
  const alloc = node.allocatable;
  const allocScalar = emptyAmounts();
  for (const name of Object.keys(alloc)) if (name !== CPU && name !== MEMORY && name !== EPHEMERAL_STORAGE && name !== PODS) allocScalar[name] = alloc[name];
  const images = new Map<string, number>();
  for (const image of node.images) for (const name of image.names) images.set(name, image.sizeBytes);
  const doNotScheduleTaints = node.taints.filter(isDoNotScheduleTaint);
  const preferNoScheduleTaints = node.taints.filter((t) => t.effect === PREFER_NO_SCHEDULE);
  columns.allowedPods[index] = Math.min(alloc[PODS] ?? 0, 2 ** 31 - 1);
  columns.allocMilliCPU[index] = alloc[CPU] ?? 0;
  columns.allocMemory[index] = alloc[MEMORY] ?? 0;
  columns.allocEphemeralStorage[index] = alloc[EPHEMERAL_STORAGE] ?? 0;
  columns.hasDoNotScheduleTaints[index] = doNotScheduleTaints.length > 0 ? 1 : 0;
  columns.hasPreferNoScheduleTaints[index] = preferNoScheduleTaints.length > 0 ? 1 : 0;
  columns.unschedulable[index] = node.unschedulable ? 1 : 0;
  return {
    index,
    node,
    name: node.name,
    labels: node.labels,
    columns,
    allocScalar,
    requestedScalar: emptyAmounts(),
    pods: [],
    usedPorts: new Map(),
    doNotScheduleTaints,
    preferNoScheduleTaints,
    images,
  };
}

export function addPodToNode(node: NodeInfo, pod: PodInfo): void {
  pod.nodeIndex = node.index;
  pod.slot = node.pods.length;
  node.pods.push(pod);
  account(node, pod, 1);
}

export function removePodFromNode(node: NodeInfo, pod: PodInfo): void {
  const last = node.pods.pop();
  if (last && last !== pod) {
    node.pods[pod.slot] = last;
    last.slot = pod.slot;
  }
  account(node, pod, -1);
  pod.nodeIndex = -1;
  pod.slot = -1;
}

function account(node: NodeInfo, pod: PodInfo, sign: 1 | -1): void {
  const { requests } = pod.spec;
  const c = node.columns;
  const i = node.index;
  c.podCount[i] += sign;
  c.requestedMilliCPU[i] += sign * requests.milliCPU;
  c.requestedMemory[i] += sign * requests.memory;
  c.requestedEphemeralStorage[i] += sign * requests.ephemeralStorage;
  c.nonZeroMilliCPU[i] += sign * pod.spec.nonZeroMilliCPU;
  c.nonZeroMemory[i] += sign * pod.spec.nonZeroMemory;
  for (const [name, amount] of requests.scalar) node.requestedScalar[name] = (node.requestedScalar[name] ?? 0) + sign * amount;
  for (const port of pod.spec.hostPorts) updatePort(node.usedPorts, port, sign);
}

function updatePort(used: Map<string, Map<string, number>>, port: HostPort, sign: 1 | -1): void {
  const key = `${port.protocol}/${port.port}`;
  let byIp = used.get(key);
  if (!byIp) {
    byIp = new Map();
    used.set(key, byIp);
  }
  const count = (byIp.get(port.ip) ?? 0) + sign;
  if (count <= 0) byIp.delete(port.ip);
  else byIp.set(port.ip, count);
  if (byIp.size === 0) used.delete(key);
}

/** `HostPortInfo.CheckConflict`: same protocol and port, and either IP is 0.0.0.0 or they are equal. */
export function portConflicts(node: NodeInfo, port: HostPort): boolean {
  const byIp = node.usedPorts.get(`${port.protocol}/${port.port}`);
  if (!byIp) return false;
  if (port.ip === '0.0.0.0') return byIp.size > 0;
  return byIp.has('0.0.0.0') || byIp.has(port.ip);
}
