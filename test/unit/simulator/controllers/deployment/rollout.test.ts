import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulateRollout } from '../../../../../server/src/simulator/controllers/deployment/rollout';
import { unboundedPlacer } from '../../../../../server/src/simulator/controllers/deployment/podPlacer';
import type { RolloutResult } from '../../../../../server/src/simulator/controllers/deployment/types';
import { deployment, withImage, type DeploymentOptions } from './builders';
import { fakePlacer } from './fakePlacer';

type Tuple = [number, number, number, number];
const compact = (result: RolloutResult): Tuple[] => result.steps.map((s) => [s.oldReplicas, s.newReplicas, s.available, s.unavailable]);
const roll = (options: DeploymentOptions, change: DeploymentOptions = {}, extra: { neverReady?: boolean } = {}) =>
  simulateRollout(deployment(options), withImage(deployment({ ...options, ...change }), 'nginx:next'), unboundedPlacer(), extra);
/** The scale operations in order, as "old-1"/"new+1" deltas (creating at 0 is not an operation). */
const deltas = (result: RolloutResult): string[] => result.steps.flatMap((s) => s.actionDetails)
  .filter((a) => a.to !== a.from)
  .map((a) => `${a.revision === 1 ? 'old' : 'new'}${a.to > a.from ? '+' : '-'}${Math.abs(a.to - a.from)}`);

describe('rollout.md §3.4 worked examples', () => {
  it('3 replicas, defaults (surge 1, unavailable 0)', () => {
    const result = roll({ replicas: 3 });
    assert.equal(result.outcome, 'complete');
    assert.deepEqual(compact(result), [[3, 1, 3, 1], [2, 2, 3, 1], [1, 3, 3, 1], [0, 3, 3, 0]]);
    assert.deepEqual(deltas(result), ['new+1', 'old-1', 'new+1', 'old-1', 'new+1', 'old-1'], 'the kubectl describe event order');
    assert.match(result.steps[1].actions[0], /^Scaled down replica set web-\w+ to 2 from 3 \(scaleDownOldReplicaSetsForRollingUpdate/);
  });
  it('10 replicas, surge 3, unavailable 2', () => {
    const result = roll({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    assert.deepEqual(compact(result), [[8, 5, 8, 5], [3, 10, 8, 5], [0, 10, 10, 0]]);
    assert.deepEqual(result.steps[0].actionDetails.map((a) => [a.op, a.by, a.to]), [
      ['create', 'reconcileNewReplicaSet', 3],
      ['scale', 'scaleDownOldReplicaSetsForRollingUpdate', 8],
      ['scale', 'reconcileNewReplicaSet', 5],
    ]);
  });
  it('10/3/2 with new pods never ready stalls at (8, 5, 8, 5), the stall step not recorded', () => {
    const result = roll({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, {}, { neverReady: true });
    assert.equal(result.outcome, 'stalled');
    assert.deepEqual(compact(result), [[8, 5, 8, 5]]);
    const finding = result.findings.find((f) => f.code === 'sim/rollout-stalled');
    assert.ok(finding);
    assert.equal(finding.severity, 'warning');
    assert.match(result.stallReason ?? '', /never become ready/);
  });
  it('Recreate, 3 replicas', () => {
    const result = roll({ replicas: 3, strategy: 'Recreate' });
    assert.deepEqual(compact(result), [[0, 3, 0, 3], [0, 3, 3, 0]]);
    assert.deepEqual(result.steps[0].actionDetails.map((a) => a.by), ['scaleDownOldReplicaSetsForRecreate', 'scaleUpNewReplicaSetForRecreate']);
  });
});

describe('ResolveFenceposts doc-comment sequences', () => {
  const cases: Array<[string, number, string, string, string[]]> = [
    ['2 desired, unavailable 1%, surge 0%', 2, '0%', '1%', ['old-1', 'new+1', 'old-1', 'new+1']],
    ['1 desired, unavailable 1%, surge 0%', 1, '0%', '1%', ['old-1', 'new+1']],
    ['2 desired, unavailable 25%, surge 1%', 2, '1%', '25%', ['new+1', 'old-1', 'new+1', 'old-1']],
    ['1 desired, unavailable 25%, surge 1%', 1, '1%', '25%', ['new+1', 'old-1']],
    ['2 desired, unavailable 0%, surge 1%', 2, '1%', '0%', ['new+1', 'old-1', 'new+1', 'old-1']],
    ['1 desired, unavailable 0%, surge 1%', 1, '1%', '0%', ['new+1', 'old-1']],
  ];
  for (const [name, replicas, maxSurge, maxUnavailable, want] of cases) {
    it(name, () => {
      const result = roll({ replicas, maxSurge, maxUnavailable });
      assert.equal(result.outcome, 'complete');
      assert.deepEqual(deltas(result), want);
    });
  }
});

describe('never-ready settles at old = R − U, new = min(R, S + U)', () => {
  const cases: Array<[number, number | string, number | string]> = [[10, 3, 2], [10, '25%', '25%'], [4, 1, 1], [5, 0, 2], [3, '25%', '25%'], [100, '25%', '25%']];
  for (const [R, surge, unavailable] of cases) {
    it(`R=${R} ${surge}/${unavailable}`, () => {
      const result = roll({ replicas: R, maxSurge: surge, maxUnavailable: unavailable }, {}, { neverReady: true });
      const S = result.maxSurge;
      const U = result.maxUnavailable;
      const last = result.steps[result.steps.length - 1];
      assert.equal(result.outcome, 'stalled');
      assert.deepEqual([last.oldReplicas, last.newReplicas, last.available], [R - U, Math.min(R, S + U), R - U]);
    });
  }
});

describe('what changes between the versions', () => {
  it('first rollout (no old version): the new RS starts at full size', () => {
    const result = simulateRollout(null, deployment({ replicas: 4 }), unboundedPlacer());
    assert.deepEqual(compact(result), [[0, 4, 0, 4], [0, 4, 4, 0]]);
    assert.match(result.notes[0], /first rollout/);
  });
  it('nothing changed: complete at step 0 with no action', () => {
    const result = simulateRollout(deployment(), deployment(), unboundedPlacer());
    assert.equal(result.outcome, 'complete');
    assert.deepEqual(compact(result), [[0, 3, 3, 0]]);
    assert.deepEqual(result.steps[0].actions, []);
  });
  it('replicas only: a scaling event, no new ReplicaSet', () => {
    const result = simulateRollout(deployment({ replicas: 3 }), deployment({ replicas: 5 }), unboundedPlacer());
    assert.deepEqual(compact(result), [[0, 5, 3, 2], [0, 5, 5, 0]]);
    assert.equal(result.steps[0].actionDetails[0].by, 'scale(activeOrLatest)');
  });
  it('replicas and template together: the running RS is scaled first, then rolled (scale-and-template-together)', () => {
    const result = simulateRollout(deployment({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }), withImage(deployment({ replicas: 15, maxSurge: 3, maxUnavailable: 2 }), 'x'), unboundedPlacer());
    assert.deepEqual(result.steps[0].actionDetails.map((a) => `${a.by} ${a.from}→${a.to}`), [
      'scale(activeOrLatest) 10→15', 'reconcileNewReplicaSet 0→3', 'cleanupUnhealthyReplicas 15→13', 'reconcileNewReplicaSet 3→5',
    ]);
    assert.deepEqual(compact(result), [[13, 5, 10, 8], [8, 10, 13, 5], [3, 15, 13, 5], [0, 15, 15, 0]]);
  });
  it('paused: proportional scaling only, outcome paused', () => {
    const result = simulateRollout(deployment({ replicas: 3 }), withImage(deployment({ replicas: 3, paused: true }), 'x'), unboundedPlacer());
    assert.equal(result.outcome, 'paused');
    assert.deepEqual(compact(result), [[3, 0, 3, 0]]);
  });
  it('revisionHistoryLimit 0 deletes the scaled-down old ReplicaSet once complete', () => {
    const result = roll({ replicas: 2, revisionHistoryLimit: 0 });
    const last = result.steps[result.steps.length - 1];
    assert.deepEqual(last.actionDetails.map((a) => [a.op, a.by]).at(-1), ['delete', 'cleanupDeployment']);
    assert.equal(last.replicaSets.length, 1);
  });
  it('minReadySeconds is noted', () => {
    assert.ok(roll({ minReadySeconds: 30 }).notes.some((n) => /minReadySeconds is 30/.test(n)));
  });
  it('availability delay of 2 steps records wait steps', () => {
    const result = simulateRollout(deployment({ replicas: 1 }), withImage(deployment({ replicas: 1 }), 'x'), unboundedPlacer(), { availabilityDelayTicks: 2 });
    assert.deepEqual(compact(result), [[1, 1, 1, 1], [1, 1, 1, 1], [0, 1, 1, 0]]);
    assert.deepEqual(result.steps[1].actions, []);
  });
});

describe('specs the API server rejects are not simulated', () => {
  const cases: Array<[string, () => RolloutResult, string]> = [
    ['literal 0/0', () => roll({ maxSurge: 0, maxUnavailable: '0%' }), 'sim/deployment-both-zero'],
    ['bare numeric string', () => roll({ maxSurge: '5' }), 'sim/deployment-invalid-int-or-percent'],
    ['maxUnavailable over 100%', () => roll({ maxUnavailable: '150%' }), 'sim/deployment-max-unavailable-over-100'],
    ['selector does not match the template', () => simulateRollout(null, deployment({ selector: { app: 'other' } }), unboundedPlacer()), 'ref/selector-template-mismatch'],
    ['selector changed (immutable)', () => simulateRollout(deployment(), deployment({ labels: { app: 'web', v: '2' }, selector: { app: 'web', v: '2' } }), unboundedPlacer()), 'sim/deployment-selector-immutable'],
    ['absurd replicas', () => simulateRollout(null, deployment({ replicas: 1_000_000_000 }), unboundedPlacer()), 'sim/rollout-too-large'],
  ];
  for (const [name, run, code] of cases) {
    it(name, () => {
      const result = run();
      assert.equal(result.outcome, 'invalid');
      assert.deepEqual(result.steps, []);
      assert.ok(result.findings.some((f) => f.code === code), `expected ${code}, got ${result.findings.map((f) => f.code)}`);
    });
  }
  it('rollingUpdate with Recreate', () => {
    const manifest = deployment({ strategy: 'Recreate' });
    (manifest.object.spec as { strategy: Record<string, unknown> }).strategy.rollingUpdate = { maxSurge: 1 };
    assert.ok(simulateRollout(null, manifest, unboundedPlacer()).findings.some((f) => f.code === 'sim/deployment-recreate-with-rolling-update'));
  });
});

describe('every new pod goes through the placer', () => {
  const antiAffinity = { replicas: 4, maxSurge: 1, maxUnavailable: 0 } as const;
  it('a surge pod that fits nowhere (one pod per node, all nodes taken) stalls the rollout', () => {
    const { placer } = fakePlacer({ nodes: 4, antiAffinityKey: 'app' });
    const result = simulateRollout(deployment(antiAffinity), withImage(deployment(antiAffinity), 'x'), placer);
    assert.equal(result.outcome, 'stalled');
    assert.deepEqual(compact(result), [[4, 1, 4, 1]]);
    assert.equal(result.steps[0].pending.length, 1);
    assert.match(result.steps[0].pending[0], /^default\/web-\w+-\w{5}: 0\/4 nodes are available: 4 node\(s\) didn't match pod anti-affinity rules\.$/);
    const finding = result.findings.find((f) => f.code === 'sim/rollout-stalled');
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /cannot be scheduled/);
  });
  it('with maxUnavailable 1 each node freed by an old pod takes a pending new pod, and the rollout completes', () => {
    const options = { replicas: 4, maxSurge: 1, maxUnavailable: 1 };
    const { placer } = fakePlacer({ nodes: 4, antiAffinityKey: 'app' });
    const result = simulateRollout(deployment(options), withImage(deployment(options), 'x'), placer);
    assert.equal(result.outcome, 'complete');
    // Step 0: new RS at 1 (pending), old 4→3 frees a node (the pending pod lands there), new 1→2 (pending again).
    assert.deepEqual(compact(result)[0], [3, 2, 3, 2]);
    assert.equal(result.steps[0].scheduled.length, 1);
    assert.equal(result.steps[0].pending.length, 1);
    assert.deepEqual(result.steps.at(-1)?.pending, []);
  });
  it('old pods that do not fit make a warning, and they count as unavailable', () => {
    const { placer } = fakePlacer({ nodes: 2, podsPerNode: 1 });
    const result = simulateRollout(deployment({ replicas: 3 }), withImage(deployment({ replicas: 3 }), 'x'), placer);
    assert.ok(result.findings.some((f) => f.code === 'sim/rollout-initial-unschedulable'));
  });
  it('deleted pods are removed from the placer, newest unavailable first', () => {
    const { placer, calls } = fakePlacer({ nodes: 10 });
    simulateRollout(deployment({ replicas: 2 }), withImage(deployment({ replicas: 2 }), 'x'), placer);
    assert.equal(calls.filter((c) => c.startsWith('remove')).length, 2);
    assert.equal(calls.filter((c) => c.startsWith('place')).length, 4);
  });
  it('is deterministic', () => {
    const a = JSON.stringify(roll({ replicas: 7, maxSurge: '30%', maxUnavailable: 2 }));
    const b = JSON.stringify(roll({ replicas: 7, maxSurge: '30%', maxUnavailable: 2 }));
    assert.equal(a, b);
  });
});
