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

/** The counter with this key, created (and filled with the pods already bound) on first use. */
export function counterFor<T extends PodCounter>(registry: CounterRegistry, nodes: readonly NodeInfo[], key: string, create: () => T): T {
  const existing = registry.byKey.get(key);
  if (existing) return existing as T;
  const counter = create();
  for (const node of nodes) for (const pod of node.pods) counter.update(pod, node, 1);
  registry.byKey.set(key, counter);
  const ns = counter.namespace ?? '';
  if (counter.indexLabel !== null) push(registry.indexed, `${ns}\u0000${counter.indexLabel}`, counter);
  else push(registry.unindexed, ns, counter);
  return counter;
}

/** Tells every counter that may count this pod that it was bound to / removed from a node. */
export function notifyCounters(registry: CounterRegistry, pod: PodInfo, node: NodeInfo, delta: 1 | -1): void {
  if (registry.byKey.size === 0) return;
  for (const ns of [pod.namespace, '']) {
    const plain = registry.unindexed.get(ns);
    if (plain) for (const counter of plain) counter.update(pod, node, delta);
    if (registry.indexed.size === 0) continue;
    for (const label of Object.keys(pod.labels)) {
      const list = registry.indexed.get(`${ns}\u0000${label}=${pod.labels[label]}`);
      if (list) for (const counter of list) counter.update(pod, node, delta);
    }
  }
}

function push(map: Map<string, PodCounter[]>, key: string, counter: PodCounter): void {
  const list = map.get(key);
  if (list) list.push(counter);
  else map.set(key, [counter]);
}
