import type { Status, StatusCode } from '../types';

/**
 * The outcome of one pod's scheduling attempt, with everything needed to explain it.
 *
 *   Bound      the pod names its node (`spec.nodeName`) or was already running there;
 *   Scheduled  the scheduler chose `node` (and bound the pod into the cluster state);
 *   Pending    no node: `reason` says why and `message` is the scheduler's event text.
 */
export type PlacementStatus = 'Bound' | 'Scheduled' | 'Pending';

export type PendingReason =
  | 'Unschedulable'
  | 'SchedulingGated'
  | 'OtherScheduler'
  | 'NodeNotFound'
  | 'Preempted';

/** The nodes that failed a filter and their statuses, as two parallel lists (cheap to keep for 5,000 nodes). */
export interface FilterFailures {
  readonly nodes: readonly string[];
  readonly statuses: readonly Status[];
}

export const NO_FAILURES: FilterFailures = Object.freeze({ nodes: Object.freeze([]), statuses: Object.freeze([]) });

/** One line of the explanation: the first plugin that rejected the node. */
export interface FilterVerdict {
  readonly node: string;
  readonly plugin: string;
  readonly code: StatusCode;
  /** The status reasons, joined with ", " as the scheduler prints one node's status. */
  readonly reason: string;
}

export interface ScoreTable {
  /** Score plugins in profile order, with their weights. */
  readonly plugins: readonly string[];
  readonly weights: readonly number[];
  /** Plugins whose PreScore skipped this pod (0 everywhere). */
  readonly skipped: readonly boolean[];
  /** Feasible nodes in the order they were found. */
  readonly nodes: readonly string[];
  /** normalized[p * nodes.length + i]: plugin p's 0..100 score of node i (before weighting). */
  readonly normalized: Uint8Array;
  /** Σ weight × normalized per node. */
  readonly totals: Int32Array;
}

/** What DefaultPreemption's PostFilter concluded. */
export type PreemptionOutcome =
  | { readonly kind: 'not-eligible'; readonly reason: string }
  /** No node can be helped: per-node statuses of the dry run (absent nodes: not helpful). */
  | { readonly kind: 'failed'; readonly statuses: ReadonlyMap<string, readonly string[]>; readonly numAllNodes: number }
  /** Preemption would succeed on this node by evicting these pods (no message). */
  | { readonly kind: 'preempts'; readonly node: string; readonly victims: readonly string[] };

export interface PodPlacement {
  readonly podKey: string;
  status: PlacementStatus;
  node: string | null;
  reason: PendingReason | null;
  message: string;
  /** Every node tried that failed a filter, with the first failing plugin's status (see `filterVerdicts`). */
  readonly filters: FilterFailures;
  /** Per-plugin scores of the feasible nodes; null when nothing was scored (0 or 1 feasible node). */
  readonly scores: ScoreTable | null;
  /** The nodes sharing the top total when there was a tie (the lowest name was chosen). */
  readonly tie: readonly string[] | null;
  /** Nodes tried / found feasible; fewer than the cluster when percentageOfNodesToScore cut the search. */
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
  /** When the pod is Pending: what DefaultPreemption concluded (null when it did not run). */
  readonly preemption: PreemptionOutcome | null;
}

export function simplePlacement(podKey: string, status: PlacementStatus, node: string | null, reason: PendingReason | null, message: string): PodPlacement {
  return { podKey, status, node, reason, message, filters: NO_FAILURES, scores: null, tie: null, evaluatedNodes: 0, feasibleNodes: 0, preemption: null };
}

/** The weighted score of plugin `p` on scored node `i`. */
export function weightedScore(table: ScoreTable, i: number, p: number): number {
  return table.normalized[p * table.totals.length + i] * table.weights[p];
}

/** The failed nodes as readable verdicts. */
export function filterVerdicts(placement: PodPlacement): FilterVerdict[] {
  const { nodes, statuses } = placement.filters;
  return nodes.map((node, i) => ({ node, plugin: statuses[i].plugin, code: statuses[i].code, reason: statuses[i].reasons.join(', ') }));
}
