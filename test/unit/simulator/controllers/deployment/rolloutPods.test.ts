import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulateRollout } from '../../../../../server/src/simulator/controllers/deployment/rollout';
import { placerFor } from '../../../../../server/src/simulator/controllers/deployment/clusterPlacer';
import { unboundedPlacer } from '../../../../../server/src/simulator/controllers/deployment/podPlacer';
import { MAX_ROLLOUT_POD_PLACEMENTS, MAX_STEP_POD_PLACEMENTS } from '../../../../../server/src/simulator/controllers/deployment/podPlacements';
import type { PodPlacer, RolloutOptions, RolloutResult, RolloutStep } from '../../../../../server/src/simulator/controllers/deployment/types';
import type { Manifest } from '../../../../../server/src/simulator/model/source';
import { deployment, withImage, type DeploymentOptions } from './builders';
import { fakePlacer } from './fakePlacer';

/**
 * `steps[].pods`: every pod of the Deployment at the end of each step, on its node (null: Pending),
 * old or new, ready or not, ReplicaSets in creation order and pods in creation order within each.
 * Pod names carry a pseudo-hash (rollout.md §7.5), so pods are written as "old#2" / "new#1": the
 * n-th pod of that kind ever seen, in the order the steps list them.
 */
function describePods(result: RolloutResult): string[][] {
  const aliases = new Map<string, string>();
  const counters = { old: 0, new: 0 };
  return result.steps.map((step) => {
    assert.ok(step.pods, `step ${step.step} lists its pods`);
    return step.pods.map((p) => {
      const kind = p.isNew ? 'new' : 'old';
      let alias = aliases.get(p.pod);
      if (!alias) aliases.set(p.pod, (alias = `${kind}#${++counters[kind]}`));
      assert.ok(alias.startsWith(kind), `${p.pod} stays ${alias.split('#')[0]}`);
      return `${alias} ${p.node ?? 'Pending'} ${p.ready ? 'ready' : 'not-ready'}`;
    });
  });
}

const roll = (options: DeploymentOptions, placer: PodPlacer, extra: RolloutOptions = {}) =>
  simulateRollout(deployment(options), withImage(deployment(options), 'nginx:next'), placer, extra);

const surge1 = { replicas: 3, maxSurge: 1, maxUnavailable: 0 };
/** Two nodes of two pods each (first fit, node-1 first): room for R + maxSurge = 4 pods. */
const twoNodes = () => fakePlacer({ nodes: 2, podsPerNode: 2 }).placer;

describe('rollout steps list every pod on its node', () => {
  const cases: Array<{ name: string; options: DeploymentOptions; placer: () => PodPlacer; extra?: RolloutOptions; outcome: RolloutResult['outcome']; steps: string[][] }> = [
    {
      name: '3 replicas, surge 1 / unavailable 0, 2 nodes: one pod replaced per step, the freed slot taken by the next new pod',
      options: surge1, placer: twoNodes, outcome: 'complete',
      steps: [
        ['old#1 node-1 ready', 'old#2 node-1 ready', 'old#3 node-2 ready', 'new#1 node-2 not-ready'],
        // new#1 became available → the newest old pod (old#3, node-2) goes → new#2 lands in its place.
        ['old#1 node-1 ready', 'old#2 node-1 ready', 'new#1 node-2 ready', 'new#2 node-2 not-ready'],
        ['old#1 node-1 ready', 'new#1 node-2 ready', 'new#2 node-2 ready', 'new#3 node-1 not-ready'],
        ['new#1 node-2 ready', 'new#2 node-2 ready', 'new#3 node-1 ready'],
      ],
    },
    {
      name: 'the same with new pods never ready: stalls at step 0 with the surge pod placed but not ready',
      options: surge1, placer: twoNodes, extra: { neverReady: true }, outcome: 'stalled',
      steps: [['old#1 node-1 ready', 'old#2 node-1 ready', 'old#3 node-2 ready', 'new#1 node-2 not-ready']],
    },
    {
      name: 'surge 2 on the same nodes: the second surge pod is Pending until an old pod frees its slot',
      options: { replicas: 3, maxSurge: 2, maxUnavailable: 0 }, placer: twoNodes, outcome: 'complete',
      steps: [
        ['old#1 node-1 ready', 'old#2 node-1 ready', 'old#3 node-2 ready', 'new#1 node-2 not-ready', 'new#2 Pending not-ready'],
        ['old#1 node-1 ready', 'old#2 node-1 ready', 'new#1 node-2 ready', 'new#2 node-2 not-ready', 'new#3 Pending not-ready'],
        ['old#1 node-1 ready', 'new#1 node-2 ready', 'new#2 node-2 ready', 'new#3 node-1 not-ready'],
        ['new#1 node-2 ready', 'new#2 node-2 ready', 'new#3 node-1 ready'],
      ],
    },
    {
      name: 'one pod per node: the running version already has a Pending pod, and the surge pod fits nowhere',
      options: surge1, placer: () => fakePlacer({ nodes: 2, podsPerNode: 1 }).placer, outcome: 'stalled',
      steps: [['old#1 node-1 ready', 'old#2 node-2 ready', 'old#3 Pending not-ready', 'new#1 Pending not-ready']],
    },
    {
      name: 'Recreate: every old pod goes before the new ones are created',
      options: { replicas: 3, strategy: 'Recreate' }, placer: twoNodes, outcome: 'complete',
      steps: [
        ['new#1 node-1 not-ready', 'new#2 node-1 not-ready', 'new#3 node-2 not-ready'],
        ['new#1 node-1 ready', 'new#2 node-1 ready', 'new#3 node-2 ready'],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = roll(c.options, c.placer(), c.extra);
      assert.equal(result.outcome, c.outcome);
      assert.deepEqual(describePods(result), c.steps);
    });
  }

  it('agrees with the step counts, `pending` and `scheduled` of the same step', () => {
    for (const [options, placer, extra] of [[surge1, twoNodes(), {}], [{ replicas: 3, maxSurge: 2, maxUnavailable: 0 }, twoNodes(), {}], [{ replicas: 7, maxSurge: '30%', maxUnavailable: 2 }, fakePlacer({ nodes: 3, podsPerNode: 3 }).placer, { neverReady: true }]] as const) {
      const result = roll(options, placer, extra);
      assert.ok(result.steps.length > 0);
      for (const step of result.steps) {
        const pods = step.pods ?? [];
        assert.equal(pods.filter((p) => !p.isNew).length, step.oldReplicas, `step ${step.step}: old pods`);
        assert.equal(pods.filter((p) => p.isNew).length, step.newReplicas, `step ${step.step}: new pods`);
        assert.equal(pods.filter((p) => p.ready).length, step.available, `step ${step.step}: ready pods`);
        assert.deepEqual(pods.filter((p) => p.node === null).map((p) => p.pod).sort(), step.pending.map((line) => line.split(': ')[0]).sort());
        for (const line of step.scheduled) {
          const [pod, node] = line.split(' → ');
          const now = pods.find((p) => p.pod === pod);
          if (now) assert.equal(now.node, node, `${pod} is still where it was scheduled`);
        }
      }
    }
  });

  it('takes the nodes from the scheduler: a real 2-node cluster with hostname anti-affinity per version', () => {
    const antiAffinity = (version: string) => ({
      labels: { app: 'web', version },
      selector: { app: 'web' },
      podSpec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web', version } }, topologyKey: 'kubernetes.io/hostname' }] } } },
    });
    const options = { replicas: 2, maxSurge: 0, maxUnavailable: 1 };
    const next = deployment({ ...options, ...antiAffinity('2') });
    const setup = placerFor([nodeManifest('n1'), nodeManifest('n2')], [next]);
    const result = simulateRollout(deployment({ ...options, ...antiAffinity('1') }), next, setup.create(next));
    assert.equal(result.outcome, 'complete');
    assert.deepEqual(result.steps.map((s) => s.pods?.map((p) => `${p.isNew ? 'new' : 'old'} ${p.node}`)), [
      // Unavailable 1, surge 0: an old pod goes first and the new one takes its node.
      ['old n1', 'new n2'],
      ['new n2', 'new n1'],
      ['new n2', 'new n1'],
    ]);
    for (const step of result.steps) {
      const newNodes = (step.pods ?? []).filter((p) => p.isNew && p.node !== null).map((p) => p.node);
      assert.equal(new Set(newNodes).size, newNodes.length, `step ${step.step}: at most one new pod per node`);
    }
  });

  it('is deterministic', () => {
    const run = () => JSON.stringify(roll({ replicas: 7, maxSurge: '30%', maxUnavailable: 2 }, fakePlacer({ nodes: 3, podsPerNode: 3 }).placer).steps.map((s) => s.pods));
    assert.equal(run(), run());
  });
});

describe('the pod lists are bounded', () => {
  const listed = (steps: readonly RolloutStep[]) => steps.map((s) => s.pods !== undefined);

  it(`a step with more than ${MAX_STEP_POD_PLACEMENTS} pods lists none (counts only); a step at the bound lists them`, () => {
    const result = roll({ replicas: MAX_STEP_POD_PLACEMENTS, maxSurge: '25%', maxUnavailable: '25%' }, unboundedPlacer());
    assert.equal(result.outcome, 'complete');
    for (const step of result.steps) {
      const total = step.oldReplicas + step.newReplicas;
      assert.equal(step.pods !== undefined, total <= MAX_STEP_POD_PLACEMENTS, `step ${step.step} with ${total} pods`);
      assert.ok(!('pods' in step) || step.pods !== undefined, 'no `pods: undefined` key');
    }
    assert.deepEqual(listed(result.steps), [false, false, true]);
    assert.equal(result.steps[2].pods?.length, MAX_STEP_POD_PLACEMENTS);
  });

  it(`a long rollout stops listing pods after ${MAX_ROLLOUT_POD_PLACEMENTS} in all, but its last step is always listed`, () => {
    const result = roll({ replicas: 300, maxSurge: 1, maxUnavailable: 0 }, unboundedPlacer());
    assert.equal(result.outcome, 'complete');
    const flags = listed(result.steps);
    const firstDropped = flags.indexOf(false);
    assert.ok(firstDropped > 0, 'the first steps are listed');
    assert.ok(flags.slice(firstDropped, -1).every((f) => !f), 'once dropped, later steps stay dropped');
    assert.equal(flags.at(-1), true, 'the last step is listed');
    const total = result.steps.slice(0, -1).reduce((sum, s) => sum + (s.pods?.length ?? 0), 0);
    assert.ok(total <= MAX_ROLLOUT_POD_PLACEMENTS && total > MAX_ROLLOUT_POD_PLACEMENTS - 302, `${total} placements listed`);
  });

  it('a long rollout that stalls still lists the pods of the step where it stalls', () => {
    const result = roll({ replicas: 300, maxSurge: 1, maxUnavailable: 0 }, newPodsFitUpTo(250));
    assert.equal(result.outcome, 'stalled');
    const last = result.steps.at(-1);
    assert.ok(last?.pods, 'the stall step is listed');
    assert.equal(result.steps.at(-2)?.pods, undefined, 'the step before it was over the budget');
    assert.deepEqual(
      [last.pods.filter((p) => p.isNew && p.node !== null).length, last.pods.filter((p) => p.node === null).map((p) => p.isNew)],
      [250, [true]],
      '250 new pods placed, the 251st Pending',
    );
  });
});

/** Places every pod of the running version, and the first `count` pods of the new template; then nothing. */
function newPodsFitUpTo(count: number): PodPlacer {
  let placedNew = 0;
  return {
    place(pod) {
      if (pod.labels['pod-template-hash'] === undefined || pod.spec.containers?.[0]?.image !== 'nginx:next') return { node: 'node-old', message: '' };
      if (placedNew >= count) return { node: null, message: '0/1 nodes are available: 1 Too many pods.' };
      placedNew++;
      return { node: 'node-new', message: '' };
    },
    remove: () => undefined,
  };
}

function nodeManifest(name: string): Manifest {
  return {
    source: { file: 'cluster.yaml', document: 0, path: [] },
    object: {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
    },
  };
}
