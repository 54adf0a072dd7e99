import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planProportionalScale, roundHalfAwayFromZero, type ProportionalReplicaSet } from '../../../../../server/src/simulator/controllers/deployment/proportion';

/** An RS whose max-replicas annotation was written for the old Deployment size (R_old + surge_old). */
const rs = (id: string, replicas: number, created: number, maxAnnotation: number | null): ProportionalReplicaSet => ({ id, replicas, created, maxAnnotation });
const sizes = (plan: Array<{ id: string; to: number }>) => Object.fromEntries(plan.map((p) => [p.id, p.to]));

describe('proportional scaling (upstream TestScale rows, rollout.md §2.5)', () => {
  // newTimestamp (v3/v2 new) > oldTimestamp > olderTimestamp: created order v1 < v2 < v3.
  const cases: Array<{ name: string; replicas: number; surge: number; rss: ProportionalReplicaSet[]; want: Record<string, number> }> = [
    { name: 'proportional scaling: 5 -> 10', replicas: 10, surge: 0, rss: [rs('v1', 3, 1, 5), rs('v2', 2, 2, 5)], want: { v1: 6, v2: 4 } },
    { name: 'proportional scaling: 5 -> 3', replicas: 3, surge: 0, rss: [rs('v1', 3, 1, 5), rs('v2', 2, 2, 5)], want: { v1: 2, v2: 1 } },
    { name: 'proportional scaling: 9 -> 4', replicas: 4, surge: 0, rss: [rs('v1', 1, 1, 9), rs('v2', 8, 2, 9)], want: { v1: 0, v2: 4 } },
    { name: 'proportional scaling: 7 -> 10', replicas: 10, surge: 0, rss: [rs('v1', 2, 0, 7), rs('v2', 3, 1, 7), rs('v3', 2, 2, 7)], want: { v1: 3, v2: 4, v3: 3 } },
    { name: 'proportional scaling: 13 -> 8', replicas: 8, surge: 0, rss: [rs('v1', 3, 0, 13), rs('v2', 8, 1, 13), rs('v3', 2, 2, 13)], want: { v1: 2, v2: 5, v3: 1 } },
    { name: 'leftover distribution: 3 -> 4 goes to the newest', replicas: 4, surge: 0, rss: [rs('v1', 1, 0, 3), rs('v2', 1, 1, 3), rs('v3', 1, 2, 3)], want: { v1: 1, v2: 1, v3: 2 } },
    { name: 'leftover distribution: 3 -> 2 comes from the oldest', replicas: 2, surge: 0, rss: [rs('v1', 1, 0, 3), rs('v2', 1, 1, 3), rs('v3', 1, 2, 3)], want: { v1: 0, v2: 1, v3: 1 } },
    { name: 'no new rs: 4 -> 5 scales the latest first', replicas: 5, surge: 0, rss: [rs('v1', 2, 0, 4), rs('v2', 2, 1, 4)], want: { v1: 2, v2: 3 } },
    { name: 'scales down to zero: 6 -> 0', replicas: 0, surge: 0, rss: [rs('v1', 1, 0, 6), rs('v2', 2, 1, 6), rs('v3', 3, 2, 6)], want: { v1: 0, v2: 0, v3: 0 } },
    { name: 'deployment with surge pods: 10 -> 20', replicas: 20, surge: 2, rss: [rs('v1', 6, 1, 12), rs('v2', 6, 2, 12)], want: { v1: 11, v2: 11 } },
    { name: 'change both surge and size: 10/3 -> 50/6', replicas: 50, surge: 6, rss: [rs('v1', 8, 1, 13), rs('v2', 5, 2, 13)], want: { v1: 34, v2: 22 } },
    { name: 'change both size and template: 10 -> 14 (no new rs)', replicas: 14, surge: 0, rss: [rs('v1', 3, 1, 10), rs('v2', 7, 2, 10)], want: { v1: 4, v2: 10 } },
    { name: 'saturated but broken new rs: total already at 3, nothing changes', replicas: 2, surge: 1, rss: [rs('v1', 1, 1, 3), rs('v2', 2, 2, 3)], want: { v1: 1, v2: 2 } },
    { name: 'docs: bad rollout at 8/5 scaled 10 -> 15 gives 11/7', replicas: 15, surge: 3, rss: [rs('old', 8, 1, 13), rs('new', 5, 2, 13)], want: { old: 11, new: 7 } },
    { name: 'e2e: bad rollout at 8/5 scaled 10 -> 30 gives 20/13', replicas: 30, surge: 3, rss: [rs('old', 8, 1, 13), rs('new', 5, 2, 13)], want: { old: 20, new: 13 } },
    { name: 'missing max-replicas falls back to status.replicas', replicas: 20, surge: 0, rss: [rs('old', 5, 1, null), rs('new', 5, 2, null)], want: { old: 10, new: 10 } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(sizes(planProportionalScale(c.rss, c.replicas, c.surge, 10)), c.want));
  it('rounds half away from zero', () => {
    assert.deepEqual([2.5, -2.5, 0.49, -0.5].map(roundHalfAwayFromZero), [3, -3, 0, -1]);
  });
});
