import type { Selector } from '../../../model/labelSelector';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';

/**
 * A running count of bound pods by topology, kept up to date as pods bind and leave: the
 * simulator's equivalent of the per-cycle PreFilter/PreScore counting upstream does over every
 * node, paid once per distinct selector instead of once per pod.
 */
export interface PodCounter {
  /** The namespace whose pods it counts; null when the scope is wider (pod affinity terms). */
  readonly namespace: string | null;
  /** `key=value` every counted pod carries (from the selector), used to find counters fast; null if none. */
  readonly indexLabel: string | null;
  /** A pod was bound to (delta 1) or removed from (delta -1) a node. */
  update(pod: PodInfo, node: NodeInfo, delta: 1 | -1): void;
}

/** The first single-value `In` requirement of a selector, as `key=value`. */
export function indexLabelOf(selector: Selector): string | null {
  if (selector.nothing) return null;
  for (const r of selector.requirements) if (r.operator === 'In' && r.values.length === 1) return `${r.key}=${r.values[0]}`;
  return null;
}
