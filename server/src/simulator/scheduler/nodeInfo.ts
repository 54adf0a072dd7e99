import type { Labels } from '../model/labelSelector';
import type { SimNode } from '../model/node';
import { CPU, EPHEMERAL_STORAGE, emptyAmounts, MEMORY, PODS, type ResourceAmounts } from '../model/resources';
import { isDoNotScheduleTaint, PREFER_NO_SCHEDULE, type Taint } from '../model/taints';
import type { PodInfo } from './podInfo';
import type { HostPort } from './podSpecInfo';

/**
 * A node with the aggregates of the pods bound to it (`framework.NodeInfo`), updated
 * incrementally as pods bind and leave so that no plugin ever sums a node's pods.
 */
export interface NodeInfo {
  readonly index: number;
  readonly node: SimNode;
  readonly name: string;
  readonly labels: Labels;
  readonly allocMilliCPU: number;
  readonly allocMemory: number;
  readonly allocEphemeralStorage: number;
  /** `allocatable.pods`; 0 when missing (the node then takes no pod). */
  readonly allowedPods: number;
  readonly allocScalar: ResourceAmounts;
  /** Σ real requests of bound pods (Fit filter, BalancedAllocation). */
  requestedMilliCPU: number;
  requestedMemory: number;
  requestedEphemeralStorage: number;
  readonly requestedScalar: ResourceAmounts;
  /** Σ requests with the 100m / 200Mi defaults for containers without one (Fit score). */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
  readonly pods: PodInfo[];
  /** `protocol/port` → host IP → number of pods using it. */
  readonly usedPorts: Map<string, Map<string, number>>;
  readonly doNotScheduleTaints: readonly Taint[];
  readonly preferNoScheduleTaints: readonly Taint[];
  /** Image name → size in bytes (`status.images`). */
  readonly images: ReadonlyMap<string, number>;
}

export function newNodeInfo(node: SimNode, index: number): NodeInfo {
  const alloc = node.allocatable;
  const allocScalar = emptyAmounts();
  for (const name of Object.keys(alloc)) if (name !== CPU && name !== MEMORY && name !== EPHEMERAL_STORAGE && name !== PODS) allocScalar[name] = alloc[name];
  const images = new Map<string, number>();
  for (const image of node.images) for (const name of image.names) images.set(name, image.sizeBytes);
  return {
    index,
    node,
    name: node.name,
    labels: node.labels,
    allocMilliCPU: alloc[CPU] ?? 0,
    allocMemory: alloc[MEMORY] ?? 0,
    allocEphemeralStorage: alloc[EPHEMERAL_STORAGE] ?? 0,
    allowedPods: alloc[PODS] ?? 0,
    allocScalar,
    requestedMilliCPU: 0,
    requestedMemory: 0,
    requestedEphemeralStorage: 0,
    requestedScalar: emptyAmounts(),
    nonZeroMilliCPU: 0,
    nonZeroMemory: 0,
    pods: [],
    usedPorts: new Map(),
    doNotScheduleTaints: node.taints.filter(isDoNotScheduleTaint),
    preferNoScheduleTaints: node.taints.filter((t) => t.effect === PREFER_NO_SCHEDULE),
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
  node.requestedMilliCPU += sign * requests.milliCPU;
  node.requestedMemory += sign * requests.memory;
  node.requestedEphemeralStorage += sign * requests.ephemeralStorage;
  for (const [name, amount] of requests.scalar) node.requestedScalar[name] = (node.requestedScalar[name] ?? 0) + sign * amount;
  node.nonZeroMilliCPU += sign * pod.spec.nonZeroMilliCPU;
  node.nonZeroMemory += sign * pod.spec.nonZeroMemory;
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
