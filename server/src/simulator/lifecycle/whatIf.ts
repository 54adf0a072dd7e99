import type { SimNode } from '../model/node';
import type { SchedulerState } from '../scheduler';
import { startDrain, evictionAttempts, taintEvictions } from './evictions';
import { createState, type LivePod, type ReadyHistory, type WhatIfInput, type WhatIfState } from './lifecycleState';
import { cordon, kubeletReturns, kubeletStops, monitorNodeHealth, noExecuteTaintingPass } from './nodeLifecycle';
import { controllersReact, readinessPass, schedule, schedulerOf } from './replacements';
import type { TimelineEntry, WhatIfEvent } from './timeline';

export interface WhatIfResult {
  /** Sorted by `at`; within one second in the order below. */
  timeline: TimelineEntry[];
  /** The nodes at the end (taints, cordon) in the input's order. */
  nodes: SimNode[];
  /** The pods that still exist, in creation order (dry-run order, then replacements). */
  pods: LivePod[];
  /** The scheduler's view at the end (what each node has requested). */
  scheduler: SchedulerState;
  /** Ready counts over time of each workload of the manifests and each Service. */
  histories: ReadyHistory[];
  /** The last second simulated (`until` when given and reached quietly). */
  end: number;
  /** Pods whose eviction kubectl would retry forever (a budget that cannot be met), when the timeline stops. */
  retryingForever: string[];
  /** The run stopped after MAX_INSTANTS seconds with something due (more was still to come). */
  truncated: boolean;
}

/** Events at the same second: node conditions first, then cordon, then drain; the command line's order within each. */
const EVENT_ORDER: Record<WhatIfEvent['kind'], number> = { 'node-down': 0, 'node-up': 1, cordon: 2, drain: 3 };
/** A bound on the seconds visited (hostile probe delays with a blocked drain would otherwise retry for ages). */
export const MAX_INSTANTS = 10_000;

/**
 * The what-if timeline (node-lifecycle.md §10), pure and deterministic. From the settled dry run
 * (t = 0, every placed pod Running and Ready), each second with something due runs, in order:
 *   1. the user's events (node-down, node-up, cordon, drain: cordon + drain filters) and the node
 *      controller's health check (grace period over → NotReady, unreachable:NoSchedule, pods not Ready);
 *   2. the zone states, then NoExecute taints as each zone's rate allows, and the taint-eviction
 *      controller's schedule for the pods of newly tainted nodes;
 *   3. evictions: the taint-eviction controller's due deletions, then eviction-API attempts (drain's
 *      first attempts and 429 retries), one after another against the same budgets;
 *   4. controller reactions (replacements), 5. scheduling, 6. readiness.
 * Pods, nodes and zones are taken in name order within a step. The run ends when nothing more is
 * due, after `until`, or when only refused evictions remain and a retry round changed nothing.
 */
export function runWhatIf(input: WhatIfInput): WhatIfResult {
  const state = createState(input);
  const events = input.events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at - b.event.at || EVENT_ORDER[a.event.kind] - EVENT_ORDER[b.event.kind] || a.index - b.index);
  const until = input.until ?? Infinity;
  let cursor = 0;
  let visited = -1;
  let retryingForever: string[] = [];
  let truncated = false;
  for (let instants = 0; ; instants++) {
    const next = nextInstant(state, events[cursor]?.event.at ?? null, visited);
    if (next === null || next > until) break;
    if (instants === MAX_INSTANTS) {
      truncated = true;
      break;
    }
    state.now = next;
    visited = next;
    const before = state.timeline.length;
    while (cursor < events.length && events[cursor].event.at === next) applyEvent(state, events[cursor++].event);
    step(state);
    const entries = state.timeline.slice(before);
    const onlyRefusals = entries.length > 0 && entries.every((e) => e.type === 'EvictionBlocked');
    if (onlyRefusals && cursor === events.length && nothingElseDue(state)) {
      retryingForever = entries.map((e) => (e.type === 'EvictionBlocked' ? e.pod : '')).sort();
      break;
    }
  }
  // With --until the state holds to that second (unless kubectl's endless retries stopped the run first).
  const end = Math.max(0, visited, input.until !== undefined && retryingForever.length === 0 ? input.until : 0);
  return {
    timeline: state.timeline,
    nodes: input.nodes.map((n) => state.nodes.get(n.name)!.node),
    pods: [...state.pods.values()].sort((a, b) => a.order - b.order),
    scheduler: schedulerOf(state),
    histories: [...state.histories.values()],
    end,
    retryingForever,
    truncated,
  };
}

function applyEvent(state: WhatIfState, event: WhatIfEvent): void {
  const node = state.nodes.get(event.node);
  if (!node) return;
  if (event.kind === 'node-down') kubeletStops(state, node);
  else if (event.kind === 'node-up') kubeletReturns(state, node);
  else if (event.kind === 'cordon') cordon(state, node);
  else startDrain(state, node);
}

function step(state: WhatIfState): void {
  monitorNodeHealth(state);
  noExecuteTaintingPass(state);
  taintEvictions(state);
  evictionAttempts(state);
  controllersReact(state);
  schedule(state);
  readinessPass(state);
}

function nextInstant(state: WhatIfState, nextEvent: number | null, after: number): number | null {
  let best = nextEvent !== null && nextEvent > after ? nextEvent : null;
  for (const agenda of [state.notReady, state.zoneTaints, state.evictions, state.retries, state.readiness]) {
    const t = agenda.next(after);
    if (t !== null && (best === null || t < best)) best = t;
  }
  return best;
}

function nothingElseDue(state: WhatIfState): boolean {
  return state.notReady.size === 0 && state.zoneTaints.size === 0 && state.evictions.size === 0 && state.readiness.size === 0;
}
