/**
 * Things due at given seconds, by key: the instants the timeline must visit. Keys taken at one
 * instant come out sorted, so the order never depends on insertion.
 */
export class Agenda {
  private readonly byTime = new Map<number, Set<string>>();

  add(at: number, key: string): void {
    let keys = this.byTime.get(at);
    if (!keys) this.byTime.set(at, (keys = new Set()));
    keys.add(key);
  }

  cancel(at: number | null, key: string): void {
    if (at === null) return;
    const keys = this.byTime.get(at);
    if (!keys) return;
    keys.delete(key);
    if (keys.size === 0) this.byTime.delete(at);
  }

  /** The keys due at or before `at`, sorted, removed from the agenda. */
  take(at: number): string[] {
    const due: string[] = [];
    for (const [time, keys] of this.byTime) {
      if (time > at) continue;
      due.push(...keys);
      this.byTime.delete(time);
    }
    return due.sort(compare);
  }

  /** The earliest time after `after` with something due, or null. */
  next(after: number): number | null {
    let best: number | null = null;
    for (const time of this.byTime.keys()) if (time > after && (best === null || time < best)) best = time;
    return best;
  }

  get size(): number {
    return this.byTime.size;
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
