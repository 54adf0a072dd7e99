import type { ClusterState } from '../clusterState';
import { registerCounter } from './counterRegistry';
import type { PodCounter } from './podCounter';

/**
 * The snapshot's counter with this key, created (and filled with the pods already bound) on first
 * use; from then on `bindPod` / `unbindPod` keep it current.
 */
export function counterFor<T extends PodCounter>(state: ClusterState, key: string, create: () => T): T {
  const existing = state.counters.byKey.get(key);
  if (existing) return existing as T;
  const counter = create();
  // Only pods carrying the counter's index label can count: start from those.
  const candidates = counter.indexLabel !== null ? state.podsByLabel.get(counter.indexLabel) ?? [] : state.pods.values();
  for (const pod of candidates) counter.update(pod, state.nodes[pod.nodeIndex], 1);
  registerCounter(state.counters, key, counter);
  return counter;
}
