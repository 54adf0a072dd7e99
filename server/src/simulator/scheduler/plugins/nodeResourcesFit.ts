import type { NodeInfo } from '../nodeInfo';
import type { Requests } from '../podSpecInfo';
import { definePlugin, makeStatus, MAX_NODE_SCORE } from '../types';
import { mulDiv } from './intMath';

/**
 * NodeResourcesFit.
 * Filter (`fitsRequest`): pods on node + 1 ≤ allocatable pods ("Too many pods"); then, unless the
 * pod requests nothing, each requested resource r with req_r > allocatable_r − requested_r is
 * "Insufficient r" (all insufficient resources are reported; equality fits).
 * Score, LeastAllocated (cpu and memory, weight 1 each), on the non-zero requests (100m / 200Mi
 * for containers without a request):
 *   score_r = (alloc_r − requested_r)·100 / alloc_r  (0 when requested_r > alloc_r; r skipped when alloc_r = 0)
 *   score   = Σ score_r / number of resources scored
 *
 * Worked example (upstream): pod 3 CPU / 5 GiB on an empty 4 CPU / 10 GiB node:
 * cpu (4000−3000)·100/4000 = 25, memory (10−5)·100/10 = 50 → (25+50)/2 = 37.
 */
export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

const TOO_MANY_PODS = 'Too many pods';

export const nodeResourcesFitPlugin = definePlugin<undefined, undefined>({
  name: NODE_RESOURCES_FIT,
  filter(cycle, _state, node) {
    const reasons = insufficientResources(cycle.pod.spec.requests, node);
    return reasons.length === 0 ? null : makeStatus(NODE_RESOURCES_FIT, 'Unschedulable', ...reasons);
  },
  preScore() {
    return undefined;
  },
  score(cycle, _state, node) {
    const spec = cycle.pod.spec;
    let total = 0;
    let count = 0;
    if (node.allocMilliCPU > 0) {
      total += leastRequestedScore(node.nonZeroMilliCPU + spec.nonZeroMilliCPU, node.allocMilliCPU);
      count++;
    }
    if (node.allocMemory > 0) {
      total += leastRequestedScore(node.nonZeroMemory + spec.nonZeroMemory, node.allocMemory);
      count++;
    }
    return count === 0 ? 0 : Math.trunc(total / count);
  },
});

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return mulDiv(capacity - requested, MAX_NODE_SCORE, capacity);
}

/** The reasons a node cannot take these requests, in upstream's order; empty when it can. */
export function insufficientResources(requests: Requests, node: NodeInfo): string[] {
  const reasons: string[] = [];
  if (node.pods.length + 1 > node.allowedPods) reasons.push(TOO_MANY_PODS);
  if (requests.isZero) return reasons;
  if (requests.milliCPU > 0 && requests.milliCPU > node.allocMilliCPU - node.requestedMilliCPU) reasons.push('Insufficient cpu');
  if (requests.memory > 0 && requests.memory > node.allocMemory - node.requestedMemory) reasons.push('Insufficient memory');
  if (requests.ephemeralStorage > 0 && requests.ephemeralStorage > node.allocEphemeralStorage - node.requestedEphemeralStorage) reasons.push('Insufficient ephemeral-storage');
  for (const [name, amount] of requests.scalar) {
    if (amount > (node.allocScalar[name] ?? 0) - (node.requestedScalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}
