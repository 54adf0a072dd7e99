import { byCreation, type PlannedScale } from './rollingMath';

/**
 * Proportional scaling (upstream `scale()` → `GetProportion` / `getReplicaSetFraction`): when the
 * replica count changes while several ReplicaSets are active, the extra (or missing) replicas are
 * shared in proportion to each RS's size, so that a bad template is not hastened by a scale-up.
 *
 *   allowed  = R + MaxSurge (0 when R = 0);  toAdd = allowed − Σ replicas(active RSs)
 *   order    = largest first; ties newest first when growing, oldest first when shrinking
 *   fraction = round(rs.replicas × (R + MaxSurge) / rs.max-replicas) − rs.replicas   (R = 0 → −rs.replicas)
 *   applied  = min(fraction, toAdd − added) growing, max(fraction, toAdd − added) shrinking, 0 once done
 *   leftover = toAdd − added goes to the first RS in order, clamped at ≥ 0
 *
 * Rounding is half away from zero (Go `math.Round`). A missing or zero max-replicas annotation falls
 * back to deployment.status.replicas, and to a fraction of 0 when that is 0 too.
 *
 * Worked example (docs "Proportional scaling"; R 10 → 15, surge 3, RSs old 8 / new 5, max-replicas 13):
 * toAdd = 18 − 13 = 5. Old first: round(8·18/13) − 8 = round(11.08) − 8 = 3 → 11. New:
 * round(5·18/13) − 5 = round(6.92) − 5 = 2 → 7. Total 18.
 */

export interface ProportionalReplicaSet {
  id: string;
  replicas: number;
  created: number;
  maxAnnotation: number | null;
}

export function roundHalfAwayFromZero(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

export function replicaSetFraction(rs: ProportionalReplicaSet, replicas: number, surge: number, statusReplicas: number): number {
  if (replicas === 0) return -rs.replicas;
  const deploymentReplicas = replicas + surge;
  const annotated = rs.maxAnnotation !== null && rs.maxAnnotation > 0 ? rs.maxAnnotation : statusReplicas;
  if (annotated === 0) return 0;
  return roundHalfAwayFromZero((rs.replicas * deploymentReplicas) / annotated) - rs.replicas;
}

export function proportionOf(rs: ProportionalReplicaSet, replicas: number, surge: number, statusReplicas: number, toAdd: number, added: number): number {
  if (rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, replicas, surge, statusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * New sizes for every active ReplicaSet (in the order they are scaled). `statusReplicas` is
 * deployment.status.replicas (the fallback when an RS lacks its max-replicas annotation).
 */
export function planProportionalScale(active: readonly ProportionalReplicaSet[], replicas: number, surge: number, statusReplicas: number): PlannedScale[] {
  const allowed = replicas > 0 ? replicas + surge : 0;
  const current = active.reduce((sum, rs) => sum + rs.replicas, 0);
  const toAdd = allowed - current;
  const ordered = [...active];
  if (toAdd > 0) ordered.sort((a, b) => b.replicas - a.replicas || byCreation(b, a));
  if (toAdd < 0) ordered.sort((a, b) => b.replicas - a.replicas || byCreation(a, b));
  let added = 0;
  const sizes = ordered.map((rs) => {
    const proportion = toAdd === 0 ? 0 : proportionOf(rs, replicas, surge, statusReplicas, toAdd, added);
    added += proportion;
    return rs.replicas + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0] + (toAdd - added));
  return ordered.map((rs, i) => ({ id: rs.id, from: rs.replicas, to: sizes[i] }));
}
