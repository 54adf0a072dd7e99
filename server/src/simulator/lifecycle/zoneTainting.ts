import type { Labels } from '../model/labelSelector';
import { LARGE_CLUSTER_SIZE_THRESHOLD, NODE_EVICTION_RATE, SECONDARY_NODE_EVICTION_RATE, UNHEALTHY_ZONE_THRESHOLD } from './timing';

/**
 * The node controller's per-zone rate limit on NoExecute tainting (node-lifecycle.md §3,
 * `ComputeZoneState`, `handleDisruption`, `setLimiterInZone`).
 */
export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

export const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** A node's zone key: `region:zone` from the topology labels (nodes without them share the empty zone). */
export function zoneOf(labels: Labels): string {
  return `${labels['topology.kubernetes.io/region'] ?? ''}:${labels['topology.kubernetes.io/zone'] ?? ''}`;
}

/** FullDisruption without a Ready node; PartialDisruption with more than 2 not Ready that are ≥ 55 %. */
export function zoneState(ready: number, notReady: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (ready + notReady) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/**
 * Seconds between two NoExecute taints in a zone of `zoneSize` nodes (token bucket of burst 1: the
 * first at once), or null when the zone taints nothing: a small zone in PartialDisruption, or every
 * zone in FullDisruption (then `markNodeAsReachable` everywhere).
 */
export function taintingInterval(state: ZoneState, zoneSize: number, everyZoneFullyDisrupted: boolean): number | null {
  if (everyZoneFullyDisrupted) return null;
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? 1 / SECONDARY_NODE_EVICTION_RATE : null;
  return 1 / NODE_EVICTION_RATE;
}
