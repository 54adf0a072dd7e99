import type { ServicesBySelector } from '../../model/servicesBySelector';
import { andSelectors, compileLabelSelector, EVERYTHING, isRecord, selectorFromSet, type Labels, type Selector } from '../../model/labelSelector';
import type { SimPod } from '../../model/pod';

/**
 * A pod's topology spread constraints (`podtopologyspread/common.go`).
 *
 * With `spec.topologySpreadConstraints`, the Filter uses the DoNotSchedule ones and the Score the
 * ScheduleAnyway ones. Without any, the cluster default (`defaultingType: System`) applies to the
 * Score only: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway, with the selector
 * `DefaultSelector` builds from the Services selecting the pod and its controller's selector
 * (ReplicationController, ReplicaSet, StatefulSet); no selector → no default constraints.
 * `matchLabelKeys` ANDs `key=myValue` into the selector for each key the pod has.
 */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorNodeTaints: boolean;
  readonly selector: Selector;
  /** Index in `spec.topologySpreadConstraints`; -1 for a system default constraint. */
  readonly index: number;
}

export interface PodSpread {
  /** The pod has its own constraints (the Score then ignores nodes lacking any constraint key). */
  readonly explicit: boolean;
  readonly filter: readonly SpreadConstraint[];
  readonly score: readonly SpreadConstraint[];
}

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

export function podSpread(pod: SimPod, labels: Labels, services: ServicesBySelector): PodSpread {
  const raw = Array.isArray(pod.spec.topologySpreadConstraints) ? pod.spec.topologySpreadConstraints.filter(isRecord) : [];
  if (raw.length > 0) {
    const constraints = raw.map((c, index) => ({ c, compiled: compileConstraint(c, index, labels) }));
    return {
      explicit: true,
      filter: constraints.filter(({ c }) => c.whenUnsatisfiable !== 'ScheduleAnyway').map(({ compiled }) => compiled),
      score: constraints.filter(({ c }) => c.whenUnsatisfiable === 'ScheduleAnyway').map(({ compiled }) => compiled),
    };
  }
  const selector = defaultSelector(pod, labels, services);
  if (selector.isEverything || selector.nothing) return { explicit: false, filter: [], score: [] };
  const system = (topologyKey: string, maxSkew: number): SpreadConstraint => ({ maxSkew, topologyKey, minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false, selector, index: -1 });
  return { explicit: false, filter: [], score: [system(HOSTNAME_KEY, 3), system(ZONE_KEY, 5)] };
}

function compileConstraint(c: Record<string, unknown>, index: number, labels: Labels): SpreadConstraint {
  let selector = compileLabelSelector(c.labelSelector);
  if (Array.isArray(c.matchLabelKeys)) {
    const set: Record<string, string> = {};
    for (const key of c.matchLabelKeys.map(String)) if (labels[key] !== undefined) set[key] = labels[key];
    if (Object.keys(set).length > 0) selector = andSelectors(selectorFromSet(set), selector);
  }
  return {
    maxSkew: typeof c.maxSkew === 'number' ? c.maxSkew : 1,
    topologyKey: typeof c.topologyKey === 'string' ? c.topologyKey : '',
    minDomains: typeof c.minDomains === 'number' && c.minDomains > 0 ? c.minDomains : 1,
    honorNodeAffinity: c.nodeAffinityPolicy !== 'Ignore',
    honorNodeTaints: c.nodeTaintsPolicy === 'Honor',
    selector,
    index,
  };
}

/**
 * `helper.DefaultSelector`: the union of the selectors of the Services in the pod's namespace that
 * select it, ANDed with its controller's selector.
 */
function defaultSelector(pod: SimPod, labels: Labels, services: ServicesBySelector): Selector {
  const set: Record<string, string> = {};
  for (const service of services.selecting(pod.namespace, labels)) Object.assign(set, service.selector);
  let selector = Object.keys(set).length > 0 ? selectorFromSet(set) : EVERYTHING;
  const owner = pod.owner;
  if (!owner || !pod.ownerSelector) return selector;
  if (owner.kind === 'ReplicationController') {
    const rc = isRecord(pod.ownerSelector.matchLabels) ? pod.ownerSelector.matchLabels : {};
    return selectorFromSet({ ...set, ...rc });
  }
  if (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') {
    const ownerSelector = compileLabelSelector(pod.ownerSelector);
    if (!ownerSelector.nothing) selector = andSelectors(selector, ownerSelector);
  }
  return selector;
}
