import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReadyHistory } from '../../../../server/src/simulator/lifecycle/lifecycleState';
import { verdicts } from '../../../../server/src/simulator/lifecycle/verdicts';
import { verdictLine } from '../../../../server/src/dryRun/whatIfWords';

function history(total: number, initial: number, changes: Array<[number, number, number]>): ReadyHistory {
  return { kind: 'Deployment', namespace: 'default', name: 'web', total, initial, ready: changes.length ? changes[changes.length - 1][1] : initial, changes };
}

describe('verdicts from ready counts', () => {
  // total, ready at the start, [second, ready after, fewest during] → the line
  const cases: Array<[string, ReadyHistory, string]> = [
    ['never below', history(3, 3, []), 'web: 3/3 ready throughout'],
    ['a dip and a recovery', history(3, 3, [[50, 2, 2], [365, 3, 3]]), 'web: 2/3 ready from +50s to +365s'],
    ['two dips: from the first to the last recovery', history(3, 3, [[0, 2, 2], [15, 3, 3], [20, 2, 2], [35, 3, 3]]), 'web: 2/3 ready from +0s to +35s'],
    ['below at the end', history(2, 2, [[50, 1, 1]]), 'web: 1/2 ready from +50s to the end (+900s)'],
    ['a dip within one second', history(2, 2, [[0, 2, 1]]), 'web: 1/2 ready for a moment at +0s'],
    ['pending from the start', history(3, 2, []), 'web: 2/3 ready from +0s to the end (+900s)'],
    ['a surge above total is not a dip', history(3, 3, [[15, 4, 4], [20, 3, 3]]), 'web: 3/3 ready throughout'],
  ];
  for (const [name, h, line] of cases) it(name, () => assert.equal(verdictLine(verdicts([h], () => null)[0], 900), line));

  it('with a budget: under its floor or never', () => {
    const h = history(3, 3, [[0, 2, 1], [20, 3, 3]]);
    const [v] = verdicts([h], () => ({ name: 'web', requirement: 'minAvailable 2', desired: 2 }));
    assert.equal(verdictLine(v, 30), 'web: 1/3 ready from +0s to +20s; below minAvailable 2, needs 2 (PodDisruptionBudget web) for a moment at +0s');
    const [ok] = verdicts([history(3, 3, [[0, 2, 2], [20, 3, 3]])], () => ({ name: 'web', requirement: 'minAvailable 2', desired: 2 }));
    assert.equal(verdictLine(ok, 30), 'web: 2/3 ready from +0s to +20s; never below minAvailable 2, needs 2 (PodDisruptionBudget web)');
  });
});
