/**
 * What-if over a preview (`drydock/whatIf`, issue #19): what happens to the previewed workloads when a
 * node of the cluster fails, is drained or cordoned (node-lifecycle.md). The request's events, the
 * timeline (the entries `drydock whatif --format json` prints, with the teaching text `why`), each
 * moment's nodes and pods for the webview's time stepper, and a verdict per workload and Service.
 * Types and one validator; its only import is the simulator's timeline contract, type-only (a file of
 * types with no imports of its own): the server, the CLI, the host and the webview read this file.
 */

/** The user's events and the timeline are the simulator's contract (`drydock whatif --format json`): declared once, there. */
import type { TimelineEntry, WhatIfEvent, WhatIfEventKind } from '../simulator/lifecycle/timeline';

export type { WhatIfEventKind };

export const WHAT_IF_EVENT_KINDS: readonly WhatIfEventKind[] = ['node-down', 'node-up', 'cordon', 'drain'];

/** One event: `node-down:worker-1a@0` is `{ kind: 'node-down', node: 'worker-1a', at: 0 }` (whole seconds from the start). */
export type WhatIfNodeEvent = WhatIfEvent;

/**
 * One timeline entry: the contract of `drydock whatif --format json` (`at`, `type`, the type's
 * fields), node-lifecycle.md §10, with the teaching text `why` the JSON leaves out.
 */
export type WhatIfTimelineEntry = TimelineEntry;

/** A pod on a node at one moment. */
export interface WhatIfMomentPod {
  /** "namespace/name" */
  pod: string;
  ready: boolean;
  /** Deleted but still there: its node's kubelet is unreachable. */
  terminating: boolean;
}

/** A node at one moment (only the nodes the timeline touches: the events' nodes, and those pods leave or join). */
export interface WhatIfMomentNode {
  name: string;
  /** The node controller's view of the Ready condition. */
  ready: boolean;
  /** `spec.unschedulable` (cordoned). */
  unschedulable: boolean;
  /** `key[=value]:Effect` */
  taints: string[];
  pods: WhatIfMomentPod[];
}

/** The cluster after every entry of one second. */
export interface WhatIfMoment {
  at: number;
  /** The entries of this second: `timeline.slice(first, first + count)` (none for the start). */
  first: number;
  count: number;
  nodes: WhatIfMomentNode[];
  /** Pods created and not (yet) placed: "namespace/name". */
  pending: string[];
}

/** How one workload or Service fared, with the sentence the CLI prints (`web: 2/3 ready from +50s to +365s; …`). */
export interface WhatIfVerdict {
  kind: string;
  namespace: string;
  name: string;
  /** Ready pods (ready endpoints for a Service) at the start, the fewest at any second, and at the end. */
  total: number;
  min: number;
  final: number;
  /** Under its PodDisruptionBudget's floor, or (a Service) without any ready endpoint, at some point. */
  harmed: boolean;
  text: string;
}

/** The answer to `drydock/whatIf`. */
export interface PreviewWhatIf {
  events: WhatIfNodeEvent[];
  timeline: WhatIfTimelineEntry[];
  /** `timeline[i]` in words, as the CLI's text prints it before the why: `node worker-1a NotReady`. */
  lines: string[];
  /** The start (+0s, before any event), then each second with entries, in order. */
  moments: WhatIfMoment[];
  /** Moments left out past the bound (the timeline itself is whole). */
  momentsOmitted: number;
  verdicts: WhatIfVerdict[];
  /** The last second simulated. */
  end: number;
  /** Pods whose eviction kubectl would retry forever (a budget that cannot be met), when the timeline stops. */
  retryingForever: string[];
  /** The run stopped after its bound of seconds with more still to come. */
  truncated: boolean;
  /** Event nodes the cluster does not have (nothing is simulated then). */
  unknownNodes: string[];
}

/** At most this many events in one request. */
export const MAX_WHAT_IF_EVENTS = 16;

/** Untrusted input (a webview message, JSON-RPC params) → events, or undefined when anything is off. */
export function parseWhatIfEvents(raw: unknown): WhatIfNodeEvent[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_WHAT_IF_EVENTS) return undefined;
  const events: WhatIfNodeEvent[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { kind, node, at } = item as Record<string, unknown>;
    if (!(WHAT_IF_EVENT_KINDS as readonly unknown[]).includes(kind)) return undefined;
    if (typeof node !== 'string' || node.length === 0 || node.length > 253) return undefined;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > 999_999_999) return undefined;
    events.push({ kind: kind as WhatIfEventKind, node, at });
  }
  return events;
}
