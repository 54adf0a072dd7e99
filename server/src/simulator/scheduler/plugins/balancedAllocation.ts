import { definePlugin, MAX_NODE_SCORE, SKIP_SCORE } from '../types';

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

export const balancedAllocationPlugin = definePlugin<never, undefined>({
  name: BALANCED_ALLOCATION,
  preScore(cycle) {
    const r = cycle.pod.spec.requests;
    return r.milliCPU === 0 && r.memory === 0 ? SKIP_SCORE : undefined;
  },
  score(cycle, _state, node) {
    const r = cycle.pod.spec.requests;
    const fractions: number[] = [];
    if (node.allocMilliCPU > 0) fractions.push(Math.min(1, (node.requestedMilliCPU + r.milliCPU) / node.allocMilliCPU));
    if (node.allocMemory > 0) fractions.push(Math.min(1, (node.requestedMemory + r.memory) / node.allocMemory));
    const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
});
