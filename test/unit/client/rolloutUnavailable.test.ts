import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentRollout, PreviewRolloutPod, PreviewRolloutStep } from '../../../server/src/protocol/preview';
import { unavailableReasons } from '../../../client/webview/rolloutUnavailable';

const rollout = (newPodsWaitFor?: string): DeploymentRollout => ({
  namespace: 'shop', name: 'web', strategy: 'RollingUpdate', replicas: 3, maxSurge: 1, maxUnavailable: 0, outcome: 'complete', steps: [],
  ...(newPodsWaitFor === undefined ? {} : { newPodsWaitFor }),
});
/** "o+" old ready, "o-" old not ready, "n+" new ready, "n-" new not ready on a node, "n?" / "o?" pending (no node). */
function step(...codes: string[]): PreviewRolloutStep {
  const pods: PreviewRolloutPod[] = codes.map((code, i) => ({ pod: `shop/web-${i}`, isNew: code[0] === 'n', ready: code[1] === '+', node: code[1] === '?' ? null : 'node-1' }));
  const available = pods.filter((p) => p.ready).length;
  return {
    oldReplicas: pods.filter((p) => !p.isNew).length, newReplicas: pods.filter((p) => p.isNew).length,
    available, unavailable: pods.length - available, actions: [], pending: [], pods,
  };
}

describe('unavailableReasons: why a step has unavailable pods', () => {
  const cases: Array<{ name: string; rollout: DeploymentRollout; step: PreviewRolloutStep; neverReady?: boolean; want: string[] }> = [
    { name: 'everything available: nothing to explain', rollout: rollout('containers to start'), step: step('o+', 'o+', 'n+'), want: [] },
    { name: 'one new pod starting, with its probe', rollout: rollout('readinessProbe initialDelaySeconds 10'), step: step('o+', 'o+', 'o+', 'n-'), want: ['1 new pod not ready yet: readinessProbe initialDelaySeconds 10'] },
    { name: 'several new pods, minReadySeconds', rollout: rollout('containers to start, then minReadySeconds 20'), step: step('o+', 'n-', 'n-'), want: ['2 new pods not ready yet: containers to start, then minReadySeconds 20'] },
    { name: 'never ready (simulated)', rollout: rollout('containers to start'), step: step('o+', 'o+', 'o+', 'n-'), neverReady: true, want: ['1 new pod never becomes ready (simulated: "New pods never become ready")'] },
    { name: 'a surge pod that fits no node', rollout: rollout('containers to start'), step: step('o+', 'o+', 'o+', 'n?'), want: ['1 new pod pending: no node fits it (see PENDING)'] },
    {
      name: 'all causes at once',
      rollout: rollout('readinessProbe to pass'), step: step('o+', 'o-', 'o?', 'n-', 'n?', 'n?'),
      want: ['1 new pod not ready yet: readinessProbe to pass', '2 new pods pending: no node fits them (see PENDING)', '1 old pod pending: no node fits it (see PENDING)', '1 old pod not available yet'],
    },
    { name: 'an older server without newPodsWaitFor', rollout: rollout(), step: step('o+', 'n-'), want: ['1 new pod not ready yet: containers to start'] },
    {
      name: 'a step too large to list its pods: counted from its ReplicaSets',
      rollout: rollout('readinessProbe initialDelaySeconds 10'),
      step: { oldReplicas: 8, newReplicas: 10, available: 13, unavailable: 5, actions: [], pending: [], replicaSets: [{ name: 'a', revision: 1, replicas: 8, available: 8, isNew: false }, { name: 'b', revision: 2, replicas: 10, available: 5, isNew: true }] },
      want: ['5 new pods not ready yet: readinessProbe initialDelaySeconds 10'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(unavailableReasons(c.rollout, c.step, c.neverReady ?? false), c.want));
});
