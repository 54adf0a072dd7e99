import type { ClusterObjects } from '../model/clusterObjects';
import type { SimNode } from '../model/node';
import type { SimPod } from '../model/pod';
import { PodsByLabel } from '../model/podsByLabel';
import { isTerminalPhase } from '../model/podFromObject';
import { removePod, type PodPlacement, type SchedulerState } from '../scheduler';
import type { SimulatedPod } from '../simulate';
import { Agenda } from './agenda';
import type { DisruptionBudget } from './disruptionBudget';
import { count, endpointReady, historyOf, serviceHistory, syncEndpoints } from './readyTracking';
import type { TimelineEntry, WhatIfEvent } from './timeline';
import { parseTimedTolerations, withDefaultTolerationSeconds, type TimedToleration } from './tolerationSeconds';
import { zoneOf } from './zoneTainting';

/** A Service as the timeline tracks it: which pods it selects and whether not-ready pods count. */
export interface TrackedService {
  namespace: string;
  name: string;
  selector: Record<string, string> | null;
  publishNotReadyAddresses: boolean;
}

export interface WhatIfInput {
  /** The settled dry run (`simulate`): every placed pod Running and Ready at t = 0. */
  nodes: readonly SimNode[];
  pods: readonly SimulatedPod[];
  /** Namespaces, priority classes, services and storage (after the dry run's bindings) for the scheduler. */
  objects: ClusterObjects;
  services: readonly TrackedService[];
  budgets: readonly DisruptionBudget[];
  /** `Kind namespace/name` → `spec.replicas` of the controllers among the manifests (Deployments too). */
  replicas: ReadonlyMap<string, number>;
  events: readonly WhatIfEvent[];
  /** Stop after this second (default: when nothing more happens). */
  until?: number;
  percentageOfNodesToScore?: number;
}

export type LivePhase = 'Pending' | 'Running' | 'Terminating';

export interface LivePod {
  pod: SimPod;
  placement: PodPlacement;
  phase: LivePhase;
  ready: boolean;
  /** After DefaultTolerationSeconds admission. */
  tolerations: TimedToleration[];
  /** Indexes into `state.services` of the Services selecting it, and whether it is in each one's ready set. */
  services: number[];
  inEndpoints: boolean[];
  evictionAt: number | null;
  /** Why the taint-eviction controller deletes it (the taint and the toleration). */
  evictionWhy: string;
  /** The last PodPending message on the timeline (the dry run's, for pods Pending from the start). */
  pendingMessage: string | null;
  /** Its controller has already created its replacement. */
  replaced: boolean;
  readyAt: number | null;
  retryAt: number | null;
  /** Verdict group (its workload), null for the cluster's own pods. */
  group: string | null;
  /** Creation order: the dry run's order, then replacements as they are created. */
  order: number;
}

export interface LiveNode {
  node: SimNode;
  zone: string;
  kubeletUp: boolean;
  /** The node controller's view of the Ready condition. */
  ready: boolean;
  downAt: number | null;
}

export interface ZoneLimiter {
  nextAt: number;
  queue: string[];
}

/** Ready counts over time of one workload or Service: the verdicts are read from these. */
export interface ReadyHistory {
  kind: string;
  namespace: string;
  name: string;
  /** Pods of the workload (Pending ones too) / endpoints of the Service at the start. */
  total: number;
  /** Ready at the start, and now. */
  initial: number;
  ready: number;
  /** [second, ready count after that second, the fewest during it], one entry per second with a change. */
  changes: Array<[number, number, number]>;
}

export interface WhatIfState {
  readonly input: WhatIfInput;
  readonly nodes: Map<string, LiveNode>;
  readonly pods: Map<string, LivePod>;
  readonly zones: Map<string, ZoneLimiter>;
  readonly services: readonly TrackedService[];
  readonly timeline: TimelineEntry[];
  readonly histories: Map<string, ReadyHistory>;
  /** Keys of pods deleted during the run: a new pod never takes one (a StatefulSet's recreated ordinal excepted). */
  readonly deletedKeys: Set<string>;
  /** Node names due to go NotReady; zones due for their next NoExecute taint. */
  readonly notReady: Agenda;
  readonly zoneTaints: Agenda;
  /** Pod keys due for taint eviction / readiness / an eviction attempt (drain, then its retries). */
  readonly evictions: Agenda;
  readonly readiness: Agenda;
  readonly retries: Agenda;
  /** Pods whose deletion started (`removed` false) or whose object is gone (true) this instant, for their controllers. */
  gone: Array<{ pod: LivePod; removed: boolean }>;
  /** New pods and pods to retry, in order, for the scheduler. */
  toSchedule: LivePod[];
  /** The node objects changed since `scheduler` was built (taints, cordon). */
  nodesChanged: boolean;
  /** Room was made on a schedulable node: Pending pods are retried. */
  roomMade: boolean;
  scheduler: SchedulerState | null;
  nextOrder: number;
  now: number;
}

export function createState(input: WhatIfInput): WhatIfState {
  const nodes = new Map<string, LiveNode>();
  for (const node of [...input.nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    nodes.set(node.name, { node: { ...node, taints: [...node.taints] }, zone: zoneOf(node.labels), kubeletUp: true, ready: node.ready !== false, downAt: null });
  }
  const state: WhatIfState = {
    input,
    nodes,
    pods: new Map(),
    zones: new Map(),
    services: input.services,
    timeline: [],
    histories: new Map(),
    deletedKeys: new Set(),
    notReady: new Agenda(),
    zoneTaints: new Agenda(),
    evictions: new Agenda(),
    readiness: new Agenda(),
    retries: new Agenda(),
    gone: [],
    toSchedule: [],
    nodesChanged: false,
    roomMade: false,
    scheduler: null,
    nextOrder: 0,
    now: 0,
  };
  const selecting = servicesByPod(input);
  for (const { pod, placement } of input.pods) {
    if (isTerminalPhase(pod.phase)) {
      state.deletedKeys.add(pod.key); // finished pods keep their names
      continue;
    }
    const placed = placement.status !== 'Pending' && placement.node !== null && nodes.has(placement.node);
    const live = addPod(state, { ...pod, nodeName: placed ? placement.node : null }, placement, selecting.get(pod.key) ?? []);
    live.phase = placed ? 'Running' : 'Pending';
    if (!placed) live.pendingMessage = placement.message;
    live.ready = placed;
    live.inEndpoints = live.services.map((s) => endpointReady(state.services[s], live));
    const history = live.group === null ? undefined : historyOf(state, live.group, live.pod);
    if (history) {
      history.total++;
      if (live.ready) history.ready++;
    }
    live.services.forEach((s, i) => {
      const h = serviceHistory(state, s);
      if (live.inEndpoints[i]) (h.total++, h.ready++);
    });
  }
  for (const history of state.histories.values()) history.initial = history.ready;
  return state;
}

function servicesByPod(input: WhatIfInput): Map<string, number[]> {
  const index = new PodsByLabel(input.pods.map((p) => p.pod));
  const result = new Map<string, number[]>();
  input.services.forEach((service, s) => {
    if (service.selector === null || Object.keys(service.selector).length === 0) return;
    for (const pod of index.selectedBy(service.namespace, service.selector)) result.set(pod.key, [...(result.get(pod.key) ?? []), s]);
  });
  return result;
}

/** A pod joins the state (not ready, not yet in any endpoints). */
export function addPod(state: WhatIfState, pod: SimPod, placement: PodPlacement, services: number[]): LivePod {
  const workload = pod.workload ?? pod.owner ?? { kind: 'Pod', name: pod.name };
  const live: LivePod = {
    pod,
    placement,
    phase: 'Pending',
    ready: false,
    tolerations: withDefaultTolerationSeconds(parseTimedTolerations(pod.spec.tolerations)),
    services,
    inEndpoints: services.map(() => false),
    evictionAt: null,
    evictionWhy: '',
    pendingMessage: null,
    replaced: false,
    readyAt: null,
    retryAt: null,
    group: pod.origin === 'cluster' ? null : `${workload.kind} ${pod.namespace}/${workload.name}`,
    order: state.nextOrder++,
  };
  state.pods.set(pod.key, live);
  return live;
}

/** The pod object is gone (deleted, or its Terminating copy removed): out of endpoints, counts, the agenda and the scheduler. */
export function forgetPod(state: WhatIfState, pod: LivePod): void {
  if (pod.ready && pod.group !== null) count(historyOf(state, pod.group, pod.pod), -1, state.now);
  pod.ready = false;
  syncEndpoints(state, pod, false);
  state.evictions.cancel(pod.evictionAt, pod.pod.key);
  state.readiness.cancel(pod.readyAt, pod.pod.key);
  state.retries.cancel(pod.retryAt, pod.pod.key);
  if (state.pods.get(pod.pod.key) === pod) state.pods.delete(pod.pod.key);
  state.deletedKeys.add(pod.pod.key);
  if (pod.pod.nodeName === null) return;
  if (state.scheduler) removePod(state.scheduler, pod.pod.key);
  const node = state.nodes.get(pod.pod.nodeName);
  if (node?.ready === true && !node.node.unschedulable) state.roomMade = true;
}

/** The pods bound to a node (Running or Terminating), in key order. */
export function podsOn(state: WhatIfState, nodeName: string): LivePod[] {
  const pods: LivePod[] = [];
  for (const live of state.pods.values()) if (live.pod.nodeName === nodeName && live.phase !== 'Pending') pods.push(live);
  return pods.sort((a, b) => (a.pod.key < b.pod.key ? -1 : a.pod.key > b.pod.key ? 1 : 0));
}
