import type { ServiceInfo } from './clusterObjects';
import type { Labels } from './labelSelector';
import { labelPairKey, pushTo, setSelects } from './labelPairs';

/**
 * The Services of a run indexed by namespace and one pair of their selector, so that the Services
 * selecting a pod (`GetPodServices`, for the default topology spread) are found from the pod's own
 * labels instead of by testing every Service. A Service without a selector selects nothing; an empty
 * selector selects every pod of its namespace.
 */
export class ServicesBySelector {
  private readonly byPair = new Map<string, number[]>();
  private readonly selectingAll = new Map<string, number[]>();

  constructor(private readonly services: readonly ServiceInfo[]) {
    services.forEach((service, i) => {
      if (!service.selector) return;
      const first = Object.keys(service.selector)[0];
      if (first === undefined) pushTo(this.selectingAll, service.namespace, i);
      else pushTo(this.byPair, labelPairKey(service.namespace, first, service.selector[first]), i);
    });
  }

  /** The Services of `namespace` whose selector matches `labels`, in the order they were given. */
  selecting(namespace: string, labels: Labels): ServiceInfo[] {
    const found = [...(this.selectingAll.get(namespace) ?? [])];
    for (const key in labels) {
      for (const i of this.byPair.get(labelPairKey(namespace, key, labels[key])) ?? []) {
        if (setSelects(this.services[i].selector!, labels)) found.push(i);
      }
    }
    return found.sort((a, b) => a - b).map((i) => this.services[i]);
  }
}
