import type { Labels } from './labelSelector';
import { labelPairKey, pushTo, setSelects } from './labelPairs';

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
      pushTo(this.byNamespace, pod.namespace, pod);
      for (const key in pod.labels) pushTo(this.byPair, labelPairKey(pod.namespace, key, pod.labels[key]), pod);
    }
  }

  /** The pods of `namespace` whose labels hold every pair of `selector` (an empty selector picks them all). */
  selectedBy(namespace: string, selector: Readonly<Record<string, string>>): P[] {
    let candidates: P[] | undefined;
    for (const key in selector) {
      const list = this.byPair.get(labelPairKey(namespace, key, selector[key]));
      if (!list) return [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    if (!candidates) return [...(this.byNamespace.get(namespace) ?? [])];
    return candidates.filter((pod) => setSelects(selector, pod.labels));
  }
}
