import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newRSNewReplicas } from '../../../../../server/src/simulator/controllers/deployment/newReplicas';
import { maxScaledDown, planCleanupUnhealthyReplicas, planScaleDownOldReplicaSets, type ReplicaSetView } from '../../../../../server/src/simulator/controllers/deployment/rollingMath';
import { maxUnavailableOf } from '../../../../../server/src/simulator/controllers/deployment/fenceposts';

const rs = (id: string, replicas: number, available: number, created = 0): ReplicaSetView => ({ id, replicas, available, created });
const total = (plan: Array<{ from: number; to: number }>) => plan.reduce((sum, p) => sum + p.from - p.to, 0);

describe('NewRSNewReplicas', () => {
  // [name, R, surge, all replicas, new RS replicas, expected]
  const cases: Array<[string, number, number, number, number, number]> = [
    ['TestNewRSNewReplicas: can not scale up', 1, 1, 10, 5, 5],
    ['TestNewRSNewReplicas: scale up to depReplicas', 6, 10, 7, 2, 6],
    ['reconcileNewReplicaSet table: surge 0, old 10 → no scale', 10, 0, 10, 0, 0],
    ['reconcileNewReplicaSet table: surge 2, old 10 → 2', 10, 2, 10, 0, 2],
    ['reconcileNewReplicaSet table: surge 2, old 5 → 7', 10, 2, 5, 0, 7],
    ['reconcileNewReplicaSet table: surge 2, old 10, new 2 → no scale', 10, 2, 12, 2, 2],
    ['10/3/2 first step: new RS created at 3', 10, 3, 10, 0, 3],
    ['first rollout: no old RS → full size', 5, 2, 0, 0, 5],
  ];
  for (const [name, R, surge, all, current, want] of cases) it(name, () => assert.equal(newRSNewReplicas(R, surge, all, current), want));
});

describe('cleanupUnhealthyReplicas (upstream TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  const cases: Array<[string, number, number, number, number]> = [
    // [name, old replicas, ready, budget, cleaned]
    ['budget 1 of 2 unhealthy', 10, 8, 1, 1],
    ['budget 3, 2 unhealthy', 10, 8, 3, 2],
    ['budget 0', 10, 8, 0, 0],
    ['all healthy', 10, 10, 3, 0],
  ];
  for (const [name, replicas, ready, budget, want] of cases) {
    it(name, () => assert.equal(total(planCleanupUnhealthyReplicas([rs('old', replicas, ready)], budget)), want));
  }
  it('visits the oldest first and skips empty or healthy ReplicaSets', () => {
    const plan = planCleanupUnhealthyReplicas([rs('b', 4, 1, 2), rs('a', 3, 0, 1), rs('z', 0, 0, 0), rs('h', 2, 2, 0)], 4);
    assert.deepEqual(plan, [{ id: 'a', from: 3, to: 0 }, { id: 'b', from: 4, to: 3 }]);
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate (upstream table, maxSurge 0)', () => {
  // [name, R, maxUnavailable, ready, old replicas, expected old replicas or null for no scaling]
  const cases: Array<[string, number, number, number, number, number | null]> = [
    ['maxUnavailable 0 → 1 by the both-zero rule: 10 → 9', 10, 0, 10, 10, 9],
    ['maxUnavailable 2: 10 → 8', 10, 2, 10, 10, 8],
    ['8 ready = minAvailable: nothing', 10, 2, 8, 10, null],
    ['old RS already at 0: nothing', 10, 2, 10, 0, null],
    ['1 ready: nothing', 10, 2, 1, 10, null],
  ];
  for (const [name, R, unavailable, ready, old, want] of cases) {
    it(name, () => {
      const minAvailable = R - maxUnavailableOf({ type: 'RollingUpdate', maxSurge: { kind: 'int', value: 0 }, maxUnavailable: { kind: 'int', value: unavailable } }, R);
      const plan = planScaleDownOldReplicaSets([rs('old', old, Math.min(ready, old))], Math.min(ready, old), minAvailable);
      assert.deepEqual(plan.length === 0 ? null : plan[0].to, want);
    });
  }
});

describe('reconcileOldReplicaSets (upstream TestDeploymentController_reconcileOldReplicaSets)', () => {
  // [name, R, maxUnavailable, old, new, ready old, ready new, expected old replicas after, scaled]
  const cases: Array<[string, number, number, number, number, number, number, number, boolean]> = [
    ['maxUnavailable 0 (→1): 10 → 9', 10, 0, 10, 0, 10, 0, 9, true],
    ['maxUnavailable 2: 10 → 8', 10, 2, 10, 0, 10, 0, 8, true],
    ['unhealthy old replicas are cleaned up: 10 (8 ready) → 8', 10, 2, 10, 0, 8, 0, 8, true],
    ['1 unhealthy cleaned + 1 ready scaled down: 10 (9 ready) → 8', 10, 2, 10, 0, 9, 0, 8, true],
    ['unavailable new pods do not let old scale down further', 10, 2, 8, 2, 8, 0, 8, false],
  ];
  for (const [name, R, unavailable, old, nu, readyOld, readyNew, want, scaled] of cases) {
    it(name, () => {
      const U = maxUnavailableOf({ type: 'RollingUpdate', maxSurge: { kind: 'int', value: 0 }, maxUnavailable: { kind: 'int', value: unavailable } }, R);
      const budget = maxScaledDown(old + nu, R - U, nu, readyNew);
      let replicas = old;
      if (budget > 0) {
        const cleanup = planCleanupUnhealthyReplicas([rs('old', replicas, readyOld)], budget);
        replicas -= total(cleanup);
        const scaleDown = planScaleDownOldReplicaSets([rs('old', replicas, readyOld)], readyOld + readyNew, R - U);
        replicas -= total(scaleDown);
      }
      assert.equal(replicas, want);
      assert.equal(replicas !== old, scaled);
    });
  }
  it('the rolling.go comment: 13 pods, minAvailable 8, 5 new unavailable → budget 0', () => assert.equal(maxScaledDown(13, 8, 5, 0), 0));
  it('the rolling.go comment after a rollback: 1 new unavailable → budget 4', () => assert.equal(maxScaledDown(13, 8, 1, 0), 4));
});
