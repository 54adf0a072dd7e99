import type { FilterVerdict } from '../runtime/placement';

/** One plugin's part of a lead sentence: what stopped the pod, and the fix when one is obvious. */
export interface Clause {
  readonly cause: string;
  readonly fix?: string;
}

/** The most frequent single reason among the failures (ties: the first seen). */
export function dominantReason(failures: readonly FilterVerdict[]): string {
  const counts = new Map<string, number>();
  for (const f of failures) for (const r of f.reason.split(', ')) counts.set(r, (counts.get(r) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [reason, count] of counts) {
    if (count > bestCount) {
      best = reason;
      bestCount = count;
    }
  }
  return best;
}
