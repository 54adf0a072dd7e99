/**
 * The clocks of the what-if timeline (node-lifecycle.md §1), in whole seconds. Upstream defaults of
 * kube-controller-manager v1.32+, kube-apiserver and kubectl.
 */

/** `--node-monitor-grace-period`: 50 s since v1.32 (kubernetes#126287; 40 s before). */
export const NODE_MONITOR_GRACE_SECONDS = 50;
/** `--default-unreachable-toleration-seconds` / `--default-not-ready-toleration-seconds`. */
export const DEFAULT_TOLERATION_SECONDS = 300;
/** kubectl drain retries an eviction refused with 429 every 5 s. */
export const DRAIN_RETRY_SECONDS = 5;
/** `--node-eviction-rate` / `--secondary-node-eviction-rate`: NoExecute tainting, nodes per second per zone. */
export const NODE_EVICTION_RATE = 0.1;
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
/** `--large-cluster-size-threshold` / `--unhealthy-zone-threshold`. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** Readiness probe defaults (`periodSeconds`, `successThreshold`). */
export const PROBE_PERIOD_SECONDS = 10;

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';
