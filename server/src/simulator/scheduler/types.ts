import type { ClusterState } from './cache/clusterState';
import type { NodeInfo } from './cache/nodeInfo';
import type { PodInfo } from './cache/podInfo';

/**
 * The scheduling framework's vocabulary (kube-scheduler `framework/interface.go`), reduced to what
 * the default profile needs. A plugin implements some extension points; each returns data, never
 * throws: a Filter returns `null` (fits) or a Status naming the plugin and its reasons.
 */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  readonly code: StatusCode;
  /** The reasons counted in "0/N nodes are available: …" (one node may give several). */
  readonly reasons: readonly string[];
  readonly plugin: string;
}

export function makeStatus(plugin: string, code: StatusCode, ...reasons: string[]): Status {
  return Object.freeze({ code, reasons: Object.freeze(reasons), plugin });
}

/**
 * One scheduling attempt of one pod against the cluster snapshot: all a plugin sees (the
 * framework's scratch and the profile stay with the runtime).
 */
export interface Cycle {
  readonly pod: PodInfo;
  readonly cluster: ClusterState;
}

/** What PreFilter says: skip the plugin's Filter, run it with this state (maybe on a node subset), or reject the pod outright. */
export type PreFilterResult<S> =
  | { readonly kind: 'skip' }
  | { readonly kind: 'run'; readonly state: S; readonly nodeNames?: ReadonlySet<string> }
  | { readonly kind: 'reject'; readonly status: Status };

export const SKIP_RESULT: PreFilterResult<never> = Object.freeze({ kind: 'skip' });

/** PreScore's "this plugin adds nothing for this pod": every node gets 0 from it. */
export const SKIP_SCORE: unique symbol = Symbol('skip-score');

export interface Plugin<F = unknown, S = unknown> {
  readonly name: string;
  preFilter?(cycle: Cycle): PreFilterResult<F>;
  filter?(cycle: Cycle, state: F, node: NodeInfo): Status | null;
  /**
   * `filter` over the node indices `nodes[from..to)`, skipping nodes that already failed: sets
   * `statuses[i]` for each node this plugin rejects. Optional (the framework falls back to `filter`).
   */
  filterNodes?(cycle: Cycle, state: F, nodes: Int32Array, from: number, to: number, statuses: Array<Status | null>): void;
  /** `feasible` holds node indices (`cycle.cluster.nodes[i]`). */
  preScore?(cycle: Cycle, feasible: Int32Array): S | typeof SKIP_SCORE;
  /** Raw score of one feasible node. */
  score?(cycle: Cycle, state: S, node: NodeInfo): number;
  /**
   * The same for many nodes at once (`out[i]` = score of `nodes[i]`). Optional: the framework
   * falls back to `score`; plugins provide it so that the per-node call stays monomorphic.
   */
  scoreNodes?(cycle: Cycle, state: S, nodes: Int32Array, out: Float64Array): void;
  /**
   * The normalized score every node would get, when the plugin knows it is the same for all (e.g.
   * TaintToleration on a cluster without PreferNoSchedule taints); undefined to score node by node.
   */
  uniformScore?(cycle: Cycle, state: S): number | undefined;
  /** Rewrites `scores` (aligned with the feasible node indices) into 0..100. */
  normalizeScore?(cycle: Cycle, state: S, scores: Float64Array, feasible: Int32Array): void;
}

/** Erases a plugin's state types so that plugins of different kinds share one ordered list. */
export function definePlugin<F, S>(plugin: Plugin<F, S>): Plugin {
  return plugin as unknown as Plugin;
}

export const MAX_NODE_SCORE = 100;
