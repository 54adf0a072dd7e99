import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentRollout, PreviewRolloutStep } from '../../../server/src/protocol/preview';
import { stepBudget } from '../../../client/webview/rolloutBudget';

/** A rollout as the server sends it: resolved fenceposts (rollout.md §1.3) and the values as written. */
function rollout(replicas: number | undefined, surge: [resolved: number, spec: string | null], unavailable: [resolved: number, spec: string | null], strategy: DeploymentRollout['strategy'] = 'RollingUpdate'): DeploymentRollout {
  return {
    namespace: 'shop', name: 'web', strategy, replicas, outcome: 'complete', steps: [],
    maxSurge: surge[0], maxSurgeSpec: surge[1], maxUnavailable: unavailable[0], maxUnavailableSpec: unavailable[1],
  };
}
const step = (oldReplicas: number, newReplicas: number, available: number): PreviewRolloutStep =>
  ({ oldReplicas, newReplicas, available, unavailable: Math.max(0, oldReplicas + newReplicas - available), actions: [], pending: [] });

describe('stepBudget: the ceiling replicas + maxSurge and the floor replicas − maxUnavailable, in words', () => {
  const cases: Array<{ name: string; rollout: DeploymentRollout; step: PreviewRolloutStep; pods: [text: string, bound: number, holds: boolean]; available: [text: string, bound: number, holds: boolean] }> = [
    {
      name: '3 replicas, 25%/25%: surge rounds up to 1, unavailable down to 0',
      rollout: rollout(3, [1, '25%'], [0, '25%']), step: step(3, 1, 3),
      pods: ['4 pods ≤ 3 + 1 (maxSurge 25% of 3, rounded up)', 4, true],
      available: ['3 available ≥ 3 − 0 (maxUnavailable 25% of 3, rounded down)', 3, true],
    },
    {
      name: '10 replicas, 25%/25%: 3 and 2',
      rollout: rollout(10, [3, '25%'], [2, '25%']), step: step(8, 5, 8),
      pods: ['13 pods ≤ 10 + 3 (maxSurge 25% of 10, rounded up)', 13, true],
      available: ['8 available ≥ 10 − 2 (maxUnavailable 25% of 10, rounded down)', 8, true],
    },
    {
      name: 'integers are taken as written',
      rollout: rollout(4, [1, '1'], [0, '0']), step: step(4, 1, 4),
      pods: ['5 pods ≤ 4 + 1 (maxSurge 1)', 5, true],
      available: ['4 available ≥ 4 − 0 (maxUnavailable 0)', 4, true],
    },
    {
      name: 'a percentage that divides exactly says no rounding',
      rollout: rollout(4, [2, '50%'], [2, '50%']), step: step(2, 4, 2),
      pods: ['6 pods ≤ 4 + 2 (maxSurge 50% of 4)', 6, true],
      available: ['2 available ≥ 4 − 2 (maxUnavailable 50% of 4)', 2, true],
    },
    {
      name: 'both resolve to 0: the controller allows 1 unavailable',
      rollout: rollout(3, [0, '0%'], [1, '25%']), step: step(2, 1, 2),
      pods: ['3 pods ≤ 3 + 0 (maxSurge 0% of 3)', 3, true],
      available: ['2 available ≥ 3 − 1 (maxUnavailable 25% of 3, rounded down is 0, and so is maxSurge: the controller allows 1 so that the rollout can progress)', 2, true],
    },
    {
      name: 'maxUnavailable above the replicas is capped at them',
      rollout: rollout(3, [0, '0'], [3, '10']), step: step(0, 3, 0),
      pods: ['3 pods ≤ 3 + 0 (maxSurge 0)', 3, true],
      available: ['0 available ≥ 3 − 3 (maxUnavailable 10, at most the 3 replicas)', 0, true],
    },
    {
      name: 'scale-up with the template change: before the first step the floor is not met yet',
      rollout: rollout(15, [3, '3'], [2, '2']), step: step(10, 0, 10),
      pods: ['10 pods ≤ 15 + 3 (maxSurge 3)', 18, true],
      available: ['10 available < 15 − 2 (maxUnavailable 2)', 13, false],
    },
    {
      name: 'scale-down: more pods than the new ceiling until the controller scales',
      rollout: rollout(2, [1, '25%'], [0, '25%']), step: step(4, 0, 4),
      pods: ['4 pods > 2 + 1 (maxSurge 25% of 2, rounded up)', 3, false],
      available: ['4 available ≥ 2 − 0 (maxUnavailable 25% of 2, rounded down)', 2, true],
    },
    {
      name: 'an older server without the written values: the resolved numbers',
      rollout: { ...rollout(4, [1, null], [1, null]), maxSurgeSpec: undefined, maxUnavailableSpec: undefined }, step: step(3, 2, 3),
      pods: ['5 pods ≤ 4 + 1 (maxSurge 1)', 5, true],
      available: ['3 available ≥ 4 − 1 (maxUnavailable 1)', 3, true],
    },
    {
      name: 'Recreate: no surge and no floor',
      rollout: rollout(3, [0, null], [0, null], 'Recreate'), step: step(0, 3, 0),
      pods: ['3 pods ≤ 3 (Recreate: no surge; the old pods stop before the new ones start)', 3, true],
      available: ['0 available ≥ 0 (Recreate keeps no pod available while it replaces them)', 0, true],
    },
    {
      name: 'one pod is singular',
      rollout: rollout(1, [1, '25%'], [0, '25%']), step: step(1, 0, 1),
      pods: ['1 pod ≤ 1 + 1 (maxSurge 25% of 1, rounded up)', 2, true],
      available: ['1 available ≥ 1 − 0 (maxUnavailable 25% of 1, rounded down)', 1, true],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const budget = stepBudget(c.rollout, c.step);
      assert.ok(budget);
      assert.deepEqual([budget.pods.text, budget.pods.bound, budget.pods.holds], c.pods);
      assert.deepEqual([budget.available.text, budget.available.bound, budget.available.holds], c.available);
      assert.equal(budget.pods.value, c.step.oldReplicas + c.step.newReplicas);
      assert.equal(budget.available.value, c.step.available);
      for (const meter of [budget.pods, budget.available]) assert.ok(meter.scaleMax >= Math.max(meter.value, meter.bound, 1), 'the scale holds the value and the bound');
    });
  }

  it('no budget without the replica count (an older server)', () => {
    assert.equal(stepBudget(rollout(undefined, [1, '25%'], [0, '25%']), step(3, 1, 3)), null);
  });
});
