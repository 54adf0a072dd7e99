import * as l10n from '@vscode/l10n';
import { NO_EXECUTE, NO_SCHEDULE, type Taint } from '../model/taints';
import { forgetPod, podsOn, type LiveNode, type WhatIfState } from './lifecycleState';
import { setReady } from './readyTracking';
import { NODE_MONITOR_GRACE_SECONDS, UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from './timing';
import { noExecuteVerdict, taintText } from './tolerationSeconds';
import { EXCLUDE_DISRUPTION_LABEL, taintingInterval, zoneState } from './zoneTainting';

/**
 * The node lifecycle controller and the taint-eviction controller over the what-if state
 * (node-lifecycle.md §2, §3, §5): a silent kubelet turns Ready Unknown after the grace period, the
 * node gets `unreachable:NoSchedule` and its pods lose Ready; the NoExecute taint follows at the
 * zone's rate; each pod's eviction is scheduled from its tolerations. Cordon sets `unschedulable`.
 */
const UNREACHABLE_NO_SCHEDULE: Taint = { key: UNREACHABLE_TAINT_KEY, value: '', effect: NO_SCHEDULE };
const UNREACHABLE_NO_EXECUTE: Taint = { key: UNREACHABLE_TAINT_KEY, value: '', effect: NO_EXECUTE };
const UNSCHEDULABLE: Taint = { key: UNSCHEDULABLE_TAINT_KEY, value: '', effect: NO_SCHEDULE };

/** `node-down:N@T`: the kubelet stops posting status; the controller notices after the grace period. */
export function kubeletStops(state: WhatIfState, node: LiveNode): void {
  if (!node.kubeletUp) return;
  node.kubeletUp = false;
  node.downAt = state.now;
  if (node.ready) state.notReady.add(state.now + NODE_MONITOR_GRACE_SECONDS, node.node.name);
}

/** Nodes whose grace period ran out: Ready → Unknown, `unreachable:NoSchedule`, `MarkPodsNotReady`. */
export function monitorNodeHealth(state: WhatIfState): void {
  for (const name of state.notReady.take(state.now)) {
    const node = state.nodes.get(name)!;
    if (node.kubeletUp || !node.ready) continue;
    node.ready = false;
    state.timeline.push({ at: state.now, type: 'NodeNotReady', node: name, why: l10n.t('its kubelet posted no status for more than the {0} s node-monitor grace period: Ready is Unknown', NODE_MONITOR_GRACE_SECONDS) });
    addTaint(state, node, UNREACHABLE_NO_SCHEDULE, l10n.t('the node controller taints a node whose Ready condition is Unknown'));
    for (const pod of podsOn(state, name)) setReady(state, pod, false, l10n.t('MarkPodsNotReady: node {0} is not Ready (the pod keeps running as far as the API knows)', name));
    let zone = state.zones.get(node.zone);
    if (!zone) state.zones.set(node.zone, (zone = { nextAt: -Infinity, queue: [] }));
    zone.queue.push(name);
    state.zoneTaints.add(state.now, node.zone);
  }
}

/** `node-up:N@T`: the kubelet reports again; taints go, scheduled evictions are cancelled, Terminating pods finish. */
export function kubeletReturns(state: WhatIfState, node: LiveNode): void {
  node.kubeletUp = true;
  if (node.downAt !== null) state.notReady.cancel(node.downAt + NODE_MONITOR_GRACE_SECONDS, node.node.name);
  node.downAt = null;
  if (node.ready) return;
  node.ready = true;
  const zone = state.zones.get(node.zone);
  if (zone) zone.queue = zone.queue.filter((n) => n !== node.node.name);
  state.timeline.push({ at: state.now, type: 'NodeReady', node: node.node.name, why: l10n.t('its kubelet posts status again') });
  for (const taint of node.node.taints.filter((t) => t.key === UNREACHABLE_TAINT_KEY)) removeTaint(state, node, taint);
  state.roomMade = true;
  // Zone states change with it: a zone whose tainting had stopped may go on.
  for (const [zoneName, queued] of state.zones) if (queued.queue.length > 0) state.zoneTaints.add(state.now, zoneName);
  for (const pod of podsOn(state, node.node.name)) {
    state.evictions.cancel(pod.evictionAt, pod.pod.key);
    pod.evictionAt = null;
    if (pod.phase === 'Terminating') {
      state.timeline.push({ at: state.now, type: 'PodDeleted', pod: pod.pod.key, why: l10n.t('the kubelet finishes the deletion it could not carry out while the node was unreachable') });
      forgetPod(state, pod);
      state.gone.push({ pod, removed: true });
    } else if (!pod.ready) {
      state.readiness.cancel(pod.readyAt, pod.pod.key);
      pod.readyAt = state.now;
      state.readiness.add(state.now, pod.pod.key);
    }
  }
}

/** The zone states, then at most one NoExecute taint per zone whose token bucket allows it now. */
export function noExecuteTaintingPass(state: WhatIfState): void {
  const due = state.zoneTaints.take(state.now);
  if (due.length === 0) return;
  const counts = new Map<string, { ready: number; notReady: number }>();
  for (const node of state.nodes.values()) {
    if (Object.prototype.hasOwnProperty.call(node.node.labels, EXCLUDE_DISRUPTION_LABEL)) continue;
    let c = counts.get(node.zone);
    if (!c) counts.set(node.zone, (c = { ready: 0, notReady: 0 }));
    if (node.ready) c.ready++;
    else c.notReady++;
  }
  const states = new Map([...counts].map(([zone, c]) => [zone, zoneState(c.ready, c.notReady)]));
  const everyZoneFull = [...states.values()].every((s) => s === 'FullDisruption');
  if (everyZoneFull) markEveryNodeReachable(state);
  for (const zoneName of due) {
    const zone = state.zones.get(zoneName);
    if (!zone || zone.queue.length === 0) continue;
    const c = counts.get(zoneName) ?? { ready: 0, notReady: 0 };
    const interval = taintingInterval(states.get(zoneName) ?? 'Normal', c.ready + c.notReady, everyZoneFull);
    if (interval === null) continue; // stopped: the queue waits for the zone to change
    if (zone.nextAt > state.now) {
      state.zoneTaints.add(zone.nextAt, zoneName);
      continue;
    }
    const name = zone.queue.shift()!;
    const node = state.nodes.get(name)!;
    addTaint(state, node, UNREACHABLE_NO_EXECUTE, l10n.t("the node controller's NoExecute taint for eviction (zone {0})", String(states.get(zoneName))));
    zone.nextAt = state.now + interval;
    if (zone.queue.length > 0) state.zoneTaints.add(zone.nextAt, zoneName);
    scheduleTaintEvictions(state, node);
  }
}

/**
 * Every zone fully disrupted (the control plane is more likely cut off than every node dead):
 * `markNodeAsReachable` on every node, so the NoExecute taints go and the scheduled evictions with them;
 * the nodes wait in their zone's queue for a zone to recover.
 */
function markEveryNodeReachable(state: WhatIfState): void {
  for (const node of state.nodes.values()) {
    const taint = node.node.taints.find((t) => t.key === UNREACHABLE_TAINT_KEY && t.effect === NO_EXECUTE);
    if (!taint) continue;
    removeTaint(state, node, taint, l10n.t('every zone is fully disrupted: the node controller stops evicting anywhere'));
    scheduleTaintEvictions(state, node);
    state.zones.get(node.zone)?.queue.push(node.node.name);
  }
}

/** The taint-eviction controller's `processPodOnNode` for every pod of the node. */
export function scheduleTaintEvictions(state: WhatIfState, node: LiveNode): void {
  for (const pod of podsOn(state, node.node.name)) {
    if (pod.phase === 'Terminating') continue;
    const verdict = noExecuteVerdict(node.node.taints, pod.tolerations);
    if (verdict.kind === 'none' || verdict.kind === 'never') {
      state.evictions.cancel(pod.evictionAt, pod.pod.key);
      pod.evictionAt = null;
      continue;
    }
    if (pod.evictionAt !== null) continue; // a deletion already scheduled keeps its start
    pod.evictionAt = verdict.kind === 'now' ? state.now : state.now + verdict.seconds;
    pod.evictionWhy = verdict.kind === 'now'
      ? l10n.t('no toleration for the {0} taint', taintText(verdict.taint))
      : verdict.toleration.seconds === 300 && verdict.toleration.key !== ''
        ? l10n.t('its toleration of {0} lasts {1} s (DefaultTolerationSeconds unless the pod sets its own)', taintText(UNREACHABLE_NO_EXECUTE), verdict.seconds)
        : l10n.t('its toleration of {0} lasts {1} s', taintText(UNREACHABLE_NO_EXECUTE), verdict.seconds);
    state.evictions.add(pod.evictionAt, pod.pod.key);
  }
}

/** `kubectl cordon`: `spec.unschedulable` and its NoSchedule taint. */
export function cordon(state: WhatIfState, node: LiveNode): void {
  if (node.node.unschedulable) return;
  node.node.unschedulable = true;
  state.timeline.push({ at: state.now, type: 'NodeCordoned', node: node.node.name, why: l10n.t('spec.unschedulable: the scheduler places nothing new here; running pods stay') });
  addTaint(state, node, UNSCHEDULABLE, l10n.t('the node controller mirrors spec.unschedulable as a taint'));
}

function addTaint(state: WhatIfState, node: LiveNode, taint: Taint, why: string): void {
  if (node.node.taints.some((t) => t.key === taint.key && t.effect === taint.effect)) return;
  node.node.taints.push(taint);
  state.nodesChanged = true;
  state.timeline.push({ at: state.now, type: 'TaintAdded', node: node.node.name, taint: taintText(taint), why });
}

function removeTaint(state: WhatIfState, node: LiveNode, taint: Taint, why?: string): void {
  node.node.taints = node.node.taints.filter((t) => t !== taint);
  state.nodesChanged = true;
  state.timeline.push({ at: state.now, type: 'TaintRemoved', node: node.node.name, taint: taintText(taint), ...(why ? { why } : {}) });
}

