import type { NodeInfo } from '../cache/nodeInfo';
import type { Requests } from '../cache/podSpecInfo';
import { definePlugin, makeStatus, MAX_NODE_SCORE, type Cycle, type Status } from '../types';
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
const MAX_SCORE = MAX_NODE_SCORE;
const scaled = mulDiv;

function filterAt(cycle: Cycle, index: number): Status | null {
  const requests = cycle.pod.spec.requests;
  if (fits(cycle, requests, index)) return null;
  return makeStatus(NODE_RESOURCES_FIT, 'Unschedulable', ...insufficientResources(requests, cycle.cluster.nodes[index]));
}

/** The allocation-free check of the common case. */
function fits(cycle: Cycle, r: Requests, i: number): boolean {
  const c = cycle.cluster.columns;
  if (c.podCount[i] + 1 > c.allowedPods[i]) return false;
  if (r.isZero) return true;
  if (r.milliCPU > 0 && r.milliCPU > c.allocMilliCPU[i] - c.requestedMilliCPU[i]) return false;
  if (r.memory > 0 && r.memory > c.allocMemory[i] - c.requestedMemory[i]) return false;
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > c.allocEphemeralStorage[i] - c.requestedEphemeralStorage[i]) return false;
  if (r.scalar.length === 0) return true;
  const node = cycle.cluster.nodes[i];
  for (const [name, amount] of r.scalar) if (amount > (node.allocScalar[name] ?? 0) - (node.requestedScalar[name] ?? 0)) return false;
  return true;
}

/** The reasons a node cannot take these requests, in upstream's order; empty when it can. */
export function insufficientResources(requests: Requests, node: NodeInfo): string[] {
  const c = node.columns;
  const i = node.index;
  const reasons: string[] = [];
  if (c.podCount[i] + 1 > c.allowedPods[i]) reasons.push(TOO_MANY_PODS);
  if (requests.isZero) return reasons;
  if (requests.milliCPU > 0 && requests.milliCPU > c.allocMilliCPU[i] - c.requestedMilliCPU[i]) reasons.push('Insufficient cpu');
  if (requests.memory > 0 && requests.memory > c.allocMemory[i] - c.requestedMemory[i]) reasons.push('Insufficient memory');
  if (requests.ephemeralStorage > 0 && requests.ephemeralStorage > c.allocEphemeralStorage[i] - c.requestedEphemeralStorage[i]) reasons.push('Insufficient ephemeral-storage');
  for (const [name, amount] of requests.scalar) {
    if (amount > (node.allocScalar[name] ?? 0) - (node.requestedScalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return scaled(capacity - requested, MAX_SCORE, capacity);
}

function scoreAt(cycle: Cycle, i: number): number {
  const spec = cycle.pod.spec;
  const c = cycle.cluster.columns;
  const allocCPU = c.allocMilliCPU[i];
  const allocMemory = c.allocMemory[i];
  let total = 0;
  let count = 0;
  if (allocCPU > 0) {
    total += leastRequestedScore(c.nonZeroMilliCPU[i] + spec.nonZeroMilliCPU, allocCPU);
    count++;
  }
  if (allocMemory > 0) {
    total += leastRequestedScore(c.nonZeroMemory[i] + spec.nonZeroMemory, allocMemory);
    count++;
  }
  return count === 0 ? 0 : Math.trunc(total / count);
}

export const nodeResourcesFitPlugin = definePlugin<undefined, undefined>({
  name: NODE_RESOURCES_FIT,
  filter: (cycle, _state, node) => filterAt(cycle, node.index),
  filterNodes(cycle, _state, nodes, from, to, statuses) {
    const r = cycle.pod.spec.requests;
    const c = cycle.cluster.columns;
    const { podCount, allowedPods, allocMilliCPU, requestedMilliCPU, allocMemory, requestedMemory } = c;
    const cpu = r.milliCPU;
    const memory = r.memory;
    // Fast path for the common request (cpu and/or memory only); anything else goes through filterAt.
    const simple = r.ephemeralStorage === 0 && r.scalar.length === 0;
    for (let i = from; i < to; i++) {
      if (statuses[i] !== null) continue;
      const n = nodes[i];
      if (simple && podCount[n] + 1 <= allowedPods[n] && (cpu === 0 || cpu <= allocMilliCPU[n] - requestedMilliCPU[n]) && (memory === 0 || memory <= allocMemory[n] - requestedMemory[n])) continue;
      statuses[i] = filterAt(cycle, n);
    }
  },
  preScore() {
    return undefined;
  },
  score: (cycle, _state, node) => scoreAt(cycle, node.index),
  scoreNodes(cycle, _state, nodes, out) {
    const spec = cycle.pod.spec;
    const { allocMilliCPU, allocMemory, nonZeroMilliCPU, nonZeroMemory } = cycle.cluster.columns;
    const cpu = spec.nonZeroMilliCPU;
    const memory = spec.nonZeroMemory;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const allocCPU = allocMilliCPU[n];
      const allocMem = allocMemory[n];
      let total = 0;
      let count = 0;
      if (allocCPU > 0) {
        total += leastRequestedScore(nonZeroMilliCPU[n] + cpu, allocCPU);
        count++;
      }
      if (allocMem > 0) {
        total += leastRequestedScore(nonZeroMemory[n] + memory, allocMem);
        count++;
      }
      out[i] = count === 0 ? 0 : Math.trunc(total / count);
    }
  },
});
