import type { SimPod } from '../model/pod';
import type { LivePod, ReadyHistory, TrackedService, WhatIfState } from './lifecycleState';

/**
 * Readiness as the rest of the cluster sees it: PodReady / PodNotReady entries, the Services' ready
 * sets (EndpointAdded / EndpointRemoved) and the ready counts the verdicts are read from.
 */
export function historyOf(state: WhatIfState, group: string, pod: SimPod): ReadyHistory {
  let history = state.histories.get(group);
  if (!history) {
    const workload = pod.workload ?? pod.owner ?? { kind: 'Pod', name: pod.name };
    state.histories.set(group, (history = { kind: workload.kind, namespace: pod.namespace, name: workload.name, total: 0, initial: 0, ready: 0, changes: [] }));
  }
  return history;
}

export function serviceHistory(state: WhatIfState, index: number): ReadyHistory {
  const service = state.services[index];
  const key = `Service ${service.namespace}/${service.name}`;
  let history = state.histories.get(key);
  if (!history) state.histories.set(key, (history = { kind: 'Service', namespace: service.namespace, name: service.name, total: 0, initial: 0, ready: 0, changes: [] }));
  return history;
}

export function count(history: ReadyHistory, delta: number, at: number): void {
  history.ready += delta;
  const last = history.changes[history.changes.length - 1];
  if (last && last[0] === at) {
    last[1] = history.ready;
    last[2] = Math.min(last[2], history.ready);
  } else history.changes.push([at, history.ready, history.ready]);
}

/** In the Service's ready set: on a node, and Ready and not terminating (or the Service publishes not-ready pods). */
export function endpointReady(service: TrackedService, pod: LivePod): boolean {
  if (pod.pod.nodeName === null || pod.phase === 'Pending') return false;
  return service.publishNotReadyAddresses || (pod.ready && pod.phase === 'Running');
}

/** After a pod changed (readiness, deletion, binding): the endpoint entries and verdict counts that follow. */
export function syncEndpoints(state: WhatIfState, pod: LivePod, present = true): void {
  pod.services.forEach((s, i) => {
    const now = present && endpointReady(state.services[s], pod);
    if (now === pod.inEndpoints[i]) return;
    pod.inEndpoints[i] = now;
    const service = state.services[s];
    state.timeline.push({ at: state.now, type: now ? 'EndpointAdded' : 'EndpointRemoved', service: `${service.namespace}/${service.name}`, pod: pod.pod.key });
    count(serviceHistory(state, s), now ? 1 : -1, state.now);
  });
}

/** Ready flips: PodReady / PodNotReady, then the endpoints. */
export function setReady(state: WhatIfState, pod: LivePod, ready: boolean, why?: string): void {
  if (pod.ready === ready) return;
  pod.ready = ready;
  state.timeline.push({ at: state.now, type: ready ? 'PodReady' : 'PodNotReady', pod: pod.pod.key, ...(why ? { why } : {}) });
  if (pod.group !== null) count(historyOf(state, pod.group, pod.pod), ready ? 1 : -1, state.now);
  syncEndpoints(state, pod);
}
