import { scaledValue, type IntOrPercent } from './intOrPercent';

/**
 * The rolling-update "fenceposts": how many pods above `replicas` may exist (surge) and how many
 * below it may be unavailable, as upstream `deployment_util.go` resolves them (`ResolveFenceposts`,
 * `MaxSurge`, `MaxUnavailable`, `MinAvailable`).
 *
 * 1. surge       = maxSurge resolved against R, rounded UP      (missing → 0)
 * 2. unavailable = maxUnavailable resolved against R, rounded DOWN (missing → 0)
 * 3. both zero   → unavailable = 1 ("surge might be blocked by quota"; a pair that only *resolves* to
 *    zero is valid, a literal 0/0 is rejected by validation)
 * 4. MaxUnavailable(d) = 0 for Recreate or R = 0, else min(unavailable, R)
 * 5. MaxSurge(d)       = 0 for Recreate, else surge (never capped)
 * 6. minAvailable      = R − MaxUnavailable(d); maxTotalPods = R + MaxSurge(d)
 *
 * Worked examples (MaxSurge / MaxUnavailable):
 *
 * | R   | 25% / 25% | 0 / 25%  | 10% / 10% | 1 / 0 | 0 / 100% | 39% / 39% |
 * |-----|-----------|----------|-----------|-------|----------|-----------|
 * | 0   | 0 / 0     | 0 / 0    | 0 / 0     | 1 / 0 | 0 / 0    | 0 / 0     |
 * | 1   | 1 / 0     | 0 / 1 *  | 1 / 0     | 1 / 0 | 0 / 1    | 1 / 0     |
 * | 3   | 1 / 0     | 0 / 1 *  | 1 / 0     | 1 / 0 | 0 / 3    | 2 / 1     |
 * | 10  | 3 / 2     | 0 / 2    | 1 / 1     | 1 / 0 | 0 / 10   | 4 / 3     |
 *
 * `*` = the both-zero rule forced unavailable to 1. With the default 25%/25% and 1–3 replicas the
 * rollout is surge-only (floor(0.25·3) = 0).
 */

export type StrategyType = 'RollingUpdate' | 'Recreate';

export interface Strategy {
  type: StrategyType;
  /** As written (already defaulted to 25% for RollingUpdate when missing); undefined for Recreate. */
  maxSurge?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}

export interface Fenceposts {
  surge: number;
  unavailable: number;
}

/** Upstream `ResolveFenceposts`: steps 1–3 above, no capping. */
export function resolveFenceposts(
  maxSurge: IntOrPercent | undefined,
  maxUnavailable: IntOrPercent | undefined,
  desired: number,
): Fenceposts {
  const surge = scaledValue(maxSurge ?? { kind: 'int', value: 0 }, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? { kind: 'int', value: 0 }, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** Upstream `MaxSurge(d)`. */
export function maxSurgeOf(strategy: Strategy, replicas: number): number {
  if (strategy.type !== 'RollingUpdate') return 0;
  return resolveFenceposts(strategy.maxSurge, strategy.maxUnavailable, replicas).surge;
}

/** Upstream `MaxUnavailable(d)`: capped at R, and 0 when R is 0 or the strategy is Recreate. */
export function maxUnavailableOf(strategy: Strategy, replicas: number): number {
  if (strategy.type !== 'RollingUpdate' || replicas === 0) return 0;
  const { unavailable } = resolveFenceposts(strategy.maxSurge, strategy.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

/** `R − MaxUnavailable(d)`: the floor the rolling update keeps available (R itself for Recreate). */
export function minAvailableOf(strategy: Strategy, replicas: number): number {
  return replicas - maxUnavailableOf(strategy, replicas);
}
