import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { previewModel, type PreviewContext } from '../../../server/src/dryRun/previewModel';
import type { Manifest } from '../../../server/src/simulator/model/source';
import { deployment, withImage } from '../simulator/controllers/deployment/builders';

const context: PreviewContext = { uri: null, scope: 'file', kubernetesVersion: '1.36', neverReady: false, locate: () => null, diagnostics: [] };

function nodeManifest(name: string): Manifest {
  return {
    source: { file: 'cluster.yaml', document: 0, path: [] },
    object: { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '2' } } },
  };
}

describe('previewModel: rollout steps carry the pods on nodes', () => {
  it('every step of the dry run\'s rollout reaches the preview with its pods', () => {
    const old = deployment({ replicas: 3, maxSurge: 2, maxUnavailable: 0 });
    const next = withImage(old, 'nginx:next');
    const run = dryRun({ manifests: [next], cluster: [nodeManifest('n1'), nodeManifest('n2')], baseline: [old] });
    const [rollout] = run.rollouts;
    assert.equal(rollout.outcome, 'complete');
    const model = previewModel(run, context);
    const [initial, ...steps] = model.rollout?.deployments[0].steps ?? [];
    // The preview's step 0 is the state before the first tick: the old ReplicaSet at full size, no action.
    assert.deepEqual([initial.initial, initial.step, initial.oldReplicas, initial.newReplicas, initial.available, initial.actions], [true, undefined, 3, 0, 3, []]);
    assert.deepEqual(initial.pods, rollout.initial?.pods);
    assert.deepEqual(initial.pods?.map((p) => [p.isNew, p.node === null, p.ready]), [[false, false, true], [false, false, true], [false, false, true]]);
    assert.equal(steps.length, rollout.steps.length);
    steps.forEach((step, i) => assert.deepEqual(step.pods, rollout.steps[i].pods, `step ${i}`));
    assert.equal(steps.some((step) => step.initial), false);
    // Two nodes of two pods: the second surge pod is Pending at tick 0.
    assert.deepEqual(steps[0].pods?.map((p) => [p.isNew, p.node === null, p.ready]), [
      [false, false, true], [false, false, true], [false, false, true], [true, false, false], [true, true, false],
    ]);
    assert.ok(steps.every((s) => (s.pods ?? []).every((p) => p.node === null || p.node === 'n1' || p.node === 'n2')));
  });

  it('a step the simulator left unlisted (too large) has no `pods` key: the view shows counts only', () => {
    const old = deployment({ replicas: 2 });
    const run = dryRun({ manifests: [withImage(old, 'nginx:next')], cluster: [nodeManifest('n1'), nodeManifest('n2')], baseline: [old] });
    delete run.rollouts[0].steps[0].pods;
    const [, ...steps] = previewModel(run, context).rollout?.deployments[0].steps ?? [];
    assert.equal('pods' in steps[0], false);
    assert.equal(steps.slice(1).every((s) => Array.isArray(s.pods)), true);
  });

  it('the budget\'s inputs: fenceposts as written and what new pods wait for; no step 0 without steps', () => {
    const probe = { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 10 } }] };
    const old = deployment({ replicas: 3, maxSurge: '25%', maxUnavailable: '25%', podSpec: probe });
    const run = dryRun({ manifests: [withImage(old, 'nginx:next')], cluster: [nodeManifest('n1'), nodeManifest('n2')], baseline: [old] });
    const rollout = previewModel(run, context).rollout?.deployments[0];
    assert.deepEqual([rollout?.maxSurge, rollout?.maxSurgeSpec, rollout?.maxUnavailable, rollout?.maxUnavailableSpec], [1, '25%', 0, '25%']);
    assert.equal(rollout?.newPodsWaitFor, 'readinessProbe initialDelaySeconds 10');
    run.rollouts[0].steps = [];
    run.rollouts[0].outcome = 'invalid';
    assert.deepEqual(previewModel(run, context).rollout?.deployments[0].steps, [], 'an invalid rollout has no steps, not even step 0');
  });
});
