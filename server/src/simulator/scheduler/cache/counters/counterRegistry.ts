import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import type { PodCounter } from './podCounter';

/**
 * Every counter of a cluster state, indexed so that binding a pod only touches the counters that
 * could count it: by namespace and by one `key=value` label their selector requires.
 */
export interface CounterRegistry {
  readonly byKey: Map<string, PodCounter>;
  /** `namespace \0 key=value` → counters ('' namespace: any). */
  readonly indexed: Map<string, PodCounter[]>;
  /** namespace → counters without an index label ('' namespace: any). */
  readonly unindexed: Map<string, PodCounter[]>;
}

export function createCounterRegistry(): CounterRegistry {
  return { byKey: new Map(), indexed: new Map(), unindexed: new Map() };
}

/** Adds a counter (already filled with the pods it counts) under its key. */
export function registerCounter(registry: CounterRegistry, key: string, counter: PodCounter): void {
  registry.byKey.set(key, counter);
  const ns = counter.namespace ?? '';
  if (counter.indexLabel !== null) push(registry.indexed, `${ns}\u0000${counter.indexLabel}`, counter);
  else push(registry.unindexed, ns, counter);
}

/** Tells every counter that may count this pod that it was bound to / removed from a node. */
export function notifyCounters(registry: CounterRegistry, pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
  if (registry.byKey.size === 0) return;
  const plain = registry.unindexed.get(pod.namespace);
  if (plain) for (const counter of plain) counter.update(pod, node, delta);
  const anywhere = registry.unindexed.get('');
  if (anywhere) for (const counter of anywhere) counter.update(pod, node, delta);
  if (registry.indexed.size === 0) return;
  for (const key of pod.namespacedLabelKeys) {
    const list = registry.indexed.get(key);
    if (list) for (const counter of list) counter.update(pod, node, delta);
  }
  for (const key of pod.anyNamespaceLabelKeys) {
    const list = registry.indexed.get(key);
    if (list) for (const counter of list) counter.update(pod, node, delta);
  }
}

function push(map: Map<string, PodCounter[]>, key: string, counter: PodCounter): void {
  const list = map.get(key);
  if (list) list.push(counter);
  else map.set(key, [counter]);
}
