import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulateRollout } from '../../../../../server/src/simulator/controllers/deployment/rollout';
import { unboundedPlacer } from '../../../../../server/src/simulator/controllers/deployment/podPlacer';
import { deployment, withImage, type DeploymentOptions } from './builders';
import { fakePlacer } from './fakePlacer';

/** `initial`: the Deployment before the controller's first tick, which the preview draws as its step 0. */
describe('rollout: the state before the first step', () => {
  const cases: Array<{ name: string; old: DeploymentOptions | null; next: DeploymentOptions; want: [old: number, next: number, available: number, unavailable: number]; pods: number }> = [
    { name: 'template change: the running version at full size, all available', old: { replicas: 3 }, next: { replicas: 3 }, want: [3, 0, 3, 0], pods: 3 },
    { name: 'scale-up with the template change: still the old size', old: { replicas: 10, maxSurge: 3, maxUnavailable: 2 }, next: { replicas: 15, maxSurge: 3, maxUnavailable: 2 }, want: [10, 0, 10, 0], pods: 10 },
    { name: 'first apply: nothing runs', old: null, next: { replicas: 2 }, want: [0, 0, 0, 0], pods: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = simulateRollout(c.old && deployment(c.old), withImage(deployment(c.next), 'nginx:next'), unboundedPlacer());
      const initial = result.initial;
      assert.ok(initial);
      assert.deepEqual([initial.oldReplicas, initial.newReplicas, initial.available, initial.unavailable], c.want);
      assert.equal(initial.pods?.length, c.pods);
      assert.ok(initial.pods?.every((pod) => !pod.isNew && pod.ready && pod.node !== null));
      assert.deepEqual(initial.pending, []);
      // The first recorded step is the controller's tick 0, as before: the snapshot is not a step.
      assert.equal(result.steps[0].step, 0);
    });
  }

  it('the pods are where the scheduler put them, and tick 0 keeps them there', () => {
    const result = simulateRollout(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), withImage(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), 'nginx:next'), fakePlacer({ nodes: 2, podsPerNode: 2 }).placer);
    const before = result.initial?.pods ?? [];
    assert.deepEqual(before.map((pod) => pod.node), ['node-1', 'node-1', 'node-2']);
    const tick0 = result.steps[0].pods ?? [];
    assert.deepEqual(tick0.filter((pod) => !pod.isNew), before, 'the old pods stay put at tick 0 (the surge pod is added)');
  });

  it('the new pods wait for what the new template says', () => {
    const probe = { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 10 } }] };
    const result = simulateRollout(deployment({ replicas: 3 }), withImage(deployment({ replicas: 3, podSpec: probe }), 'nginx:next'), unboundedPlacer());
    assert.equal(result.newPodsWaitFor, 'readinessProbe initialDelaySeconds 10');
  });
});
