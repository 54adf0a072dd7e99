import type { ReadyHistory } from './lifecycleState';

/** How one workload or Service fared over the timeline. */
export interface Verdict {
  kind: string;
  namespace: string;
  name: string;
  /** Ready pods (ready endpoints for a Service) at the start. */
  total: number;
  /** The fewest at any second, and the span from the first second below `total` to the last recovery (`to` null: still below at the end). */
  min: number;
  below: { from: number; to: number | null } | null;
  /** Ready at the end. */
  final: number;
  /** A budget's floor (its desiredHealthy at the start) and the span under it. */
  budget: { name: string; requirement: string; desired: number; under: { from: number; to: number | null } | null } | null;
}

export interface BudgetFloor {
  name: string;
  requirement: string;
  desired: number;
}

/** Verdicts from the ready counts over time; `floorOf` gives the budget covering a workload, if any. */
export function verdicts(histories: readonly ReadyHistory[], floorOf: (history: ReadyHistory) => BudgetFloor | null): Verdict[] {
  return histories
    .filter((h) => h.total > 0)
    .map((h) => {
      const floor = floorOf(h);
      return {
        kind: h.kind,
        namespace: h.namespace,
        name: h.name,
        total: h.total,
        min: Math.min(h.initial, ...h.changes.map(([, , low]) => low)),
        below: stretch(h, (ready) => ready < h.total),
        final: h.ready,
        budget: floor ? { ...floor, under: stretch(h, (ready) => ready < floor.desired) } : null,
      };
    })
    .sort((a, b) => (a.kind === 'Service' ? 1 : 0) - (b.kind === 'Service' ? 1 : 0) || compare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
}

/** From the first second where `test` holds of the ready count to the last second it stops holding (null: it holds at the end). */
function stretch(history: ReadyHistory, test: (ready: number) => boolean): { from: number; to: number | null } | null {
  let from: number | null = null;
  let to: number | null = null;
  for (const [at, ready, low] of [[0, history.initial, history.initial] as [number, number, number], ...history.changes]) {
    if (from === null && test(low)) from = at;
    if (from === null) continue;
    if (test(ready)) to = null;
    else if (to === null || test(low)) to = at;
  }
  return from === null ? null : { from, to };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
