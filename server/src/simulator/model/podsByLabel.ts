import type { Labels } from './labelSelector';

/** What the index needs of a pod (SimPod and the network model's pods both have it). */
interface LabelledPod {
  readonly namespace: string;
  readonly labels: Labels;
}

/**
 * The pods of a run indexed by namespace and label pair, so that what a Service's selector (a label
 * set: every key must be equal) picks is found from its rarest pair instead of by scanning every pod
 * once per Service. Results keep the order the pods were given in.
 */
export class PodsByLabel<P extends LabelledPod> {
  private readonly byPair = new Map<string, P[]>();
  private readonly byNamespace = new Map<string, P[]>();

  constructor(pods: readonly P[]) {
    for (const pod of pods) {
      push(this.byNamespace, pod.namespace, pod);
      for (const key in pod.labels) push(this.byPair, pairKey(pod.namespace, key, pod.labels[key]), pod);
    }
  }

  /** The pods of `namespace` whose labels hold every pair of `selector` (an empty selector picks them all). */
  selectedBy(namespace: string, selector: Readonly<Record<string, string>>): P[] {
    let candidates: P[] | undefined;
    for (const key in selector) {
      const list = this.byPair.get(pairKey(namespace, key, selector[key]));
      if (!list) return [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    if (!candidates) return [...(this.byNamespace.get(namespace) ?? [])];
    return candidates.filter((pod) => {
      for (const key in selector) if (pod.labels[key] !== selector[key]) return false;
      return true;
    });
  }
}

function pairKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
