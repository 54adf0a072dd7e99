import { definePlugin, MAX_NODE_SCORE, SKIP_SCORE, type Cycle } from '../types';

/**
 * NodeResourcesBalancedAllocation (score only): favours nodes whose cpu and memory would be used
 * in equal proportion, on **real** requests:
 *   f_r   = min(1, (requested_r + podRequest_r) / allocatable_r)   (r skipped when allocatable_r = 0)
 *   std   = |f_cpu − f_mem| / 2   (two resources; 0 with one)
 *   score = trunc((1 − std) · 100)
 * Since 1.33 a pod requesting neither cpu nor memory is skipped (adds 0 everywhere).
 *
 * Worked example (upstream): node 10 CPU / 20000 B already requesting 3 CPU; pod 3 CPU / 5000 B
 * → f = (0.6, 0.25), std 0.175, (1 − 0.175)·100 = 82.49999… → 82.
 */
export const BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

const MAX_SCORE = MAX_NODE_SCORE;

function scoreAt(cycle: Cycle, i: number): number {
  const r = cycle.pod.spec.requests;
  const c = cycle.cluster.columns;
  const allocCPU = c.allocMilliCPU[i];
  const allocMemory = c.allocMemory[i];
  if (allocCPU <= 0 || allocMemory <= 0) return MAX_SCORE;
  const cpu = Math.min(1, (c.requestedMilliCPU[i] + r.milliCPU) / allocCPU);
  const memory = Math.min(1, (c.requestedMemory[i] + r.memory) / allocMemory);
  const std = Math.abs((cpu - memory) / 2);
  return Math.trunc((1 - std) * MAX_SCORE);
}

export const balancedAllocationPlugin = definePlugin<never, undefined>({
  name: BALANCED_ALLOCATION,
  preScore(cycle) {
    const r = cycle.pod.spec.requests;
    return r.milliCPU === 0 && r.memory === 0 ? SKIP_SCORE : undefined;
  },
  score: (cycle, _state, node) => scoreAt(cycle, node.index),
  scoreNodes(cycle, _state, nodes, out) {
    const r = cycle.pod.spec.requests;
    const { allocMilliCPU, allocMemory, requestedMilliCPU, requestedMemory } = cycle.cluster.columns;
    const podCPU = r.milliCPU;
    const podMemory = r.memory;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const allocCPU = allocMilliCPU[n];
      const allocMem = allocMemory[n];
      if (allocCPU <= 0 || allocMem <= 0) {
        out[i] = MAX_SCORE;
        continue;
      }
      const cpu = Math.min(1, (requestedMilliCPU[n] + podCPU) / allocCPU);
      const memory = Math.min(1, (requestedMemory[n] + podMemory) / allocMem);
      out[i] = Math.trunc((1 - Math.abs((cpu - memory) / 2)) * MAX_SCORE);
    }
  },
});
