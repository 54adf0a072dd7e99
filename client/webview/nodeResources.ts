import type { PreviewNode, PreviewPod } from '../../server/src/protocol/preview';

/** The resources every node card shows first, in this order; the others follow by name. */
const FIRST = ['cpu', 'memory', 'pods'];

/**
 * Every resource a node has allocatable of or its pods request (extended resources such as
 * `nvidia.com/gpu` included): cpu, memory and pods first, then the others by name.
 */
export function nodeResources(node: PreviewNode): string[] {
  const others = new Set([...Object.keys(node.allocatable), ...Object.keys(node.requested)]);
  for (const resource of FIRST) others.delete(resource);
  return [...FIRST, ...[...others].sort()];
}

/** `requested` from the model, or the pod count for `pods` when the simulator left it out. */
export function requestedOf(node: PreviewNode, resource: string, pods: readonly PreviewPod[]): number {
  return node.requested[resource] ?? (resource === 'pods' ? pods.length : 0);
}
