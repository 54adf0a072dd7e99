import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetStatus, readDisruptionBudget, scaled, type BudgetPod } from '../../../../server/src/simulator/lifecycle/disruptionBudget';
import { drainDecision, NO_CONTROLLER_MESSAGE } from '../../../../server/src/simulator/lifecycle/drainFilters';
import { evict, MULTIPLE_BUDGETS_MESSAGE } from '../../../../server/src/simulator/lifecycle/evictionApi';
import { parseWhatIfEvent } from '../../../../server/src/simulator/lifecycle/parseEvent';
import { probeDelay, readinessDelay } from '../../../../server/src/simulator/lifecycle/readiness';
import { noExecuteVerdict, parseTimedTolerations, withDefaultTolerationSeconds } from '../../../../server/src/simulator/lifecycle/tolerationSeconds';
import { taintingInterval, zoneState } from '../../../../server/src/simulator/lifecycle/zoneTainting';
import { pod } from '../builders';

const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', value: '', effect: 'NoExecute' };
const NOT_READY = { key: 'node.kubernetes.io/not-ready', value: '', effect: 'NoExecute' };

describe('DefaultTolerationSeconds admission (node-lifecycle.md §4)', () => {
  // tolerations as written → seconds the pod tolerates unreachable:NoExecute (null: forever), not-ready added?
  const cases: Array<[string, unknown[], number | null, boolean]> = [
    ['none', [], 300, true],
    ['unreachable NoExecute 30 s', [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }], 30, true],
    ['unreachable NoExecute, no seconds', [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute' }], null, true],
    ['unreachable, empty effect, 700 s', [{ key: UNREACHABLE.key, operator: 'Exists', tolerationSeconds: 700 }], 700, true],
    ['unreachable NoSchedule does not count', [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoSchedule' }], 300, true],
    ['not-ready NoExecute 60 s', [{ key: NOT_READY.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }], 300, false],
    ['Exists with no key', [{ operator: 'Exists' }], null, false],
  ];
  for (const [name, raw, seconds, notReadyAdded] of cases) {
    it(name, () => {
      const admitted = withDefaultTolerationSeconds(parseTimedTolerations(raw));
      const verdict = noExecuteVerdict([UNREACHABLE], admitted);
      assert.deepEqual(verdict.kind === 'after' ? verdict.seconds : verdict.kind === 'never' ? null : verdict.kind, seconds);
      assert.equal(admitted.some((t) => t.key === NOT_READY.key && t.seconds === 300), notReadyAdded);
    });
  }
});

describe('taint-based eviction: processPodOnNode (§5)', () => {
  const cases: Array<[string, unknown[], string]> = [
    ['a NoExecute taint nothing tolerates → now', [{ key: 'other', operator: 'Exists' }], 'now'],
    ['the smallest seconds of the tolerations used', [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 90 }, { key: NOT_READY.key, operator: 'Exists', tolerationSeconds: 20 }], 'after 20'],
    ['0 seconds → now', [{ key: UNREACHABLE.key, operator: 'Exists', tolerationSeconds: 0 }, { key: NOT_READY.key, operator: 'Exists' }], 'now'],
    ['no seconds anywhere → never', [{ operator: 'Exists' }], 'never'],
  ];
  for (const [name, raw, expected] of cases) {
    it(name, () => {
      const verdict = noExecuteVerdict([UNREACHABLE, NOT_READY], parseTimedTolerations(raw));
      assert.equal(verdict.kind === 'after' ? `after ${verdict.seconds}` : verdict.kind, expected);
    });
  }
  it('NoSchedule taints alone evict nothing', () => {
    assert.equal(noExecuteVerdict([{ ...UNREACHABLE, effect: 'NoSchedule' }], []).kind, 'none');
  });
});

function budgetPods(count: number, healthy: number, controller: string | null = 'Deployment default/web'): BudgetPod[] {
  return Array.from({ length: count }, (_, i) => ({ namespace: 'default', labels: { app: 'web' }, ready: i < healthy, deleting: false, controller, controllerKind: controller?.split(' ')[0] ?? null }));
}

describe('PodDisruptionBudget arithmetic (§8, disruption_test.go rows)', () => {
  // spec, pods (= replicas), desired, allowed with all healthy
  const cases: Array<[Record<string, unknown>, number, number, number]> = [
    [{ minAvailable: '34%' }, 3, 2, 1],
    [{ minAvailable: '28%' }, 11, 4, 7],
    [{ minAvailable: '28%' }, 22, 7, 15],
    [{ minAvailable: '20%' }, 10, 2, 8],
    [{ maxUnavailable: '30%' }, 7, 4, 3],
    [{ maxUnavailable: '30%' }, 3, 2, 1],
    [{ maxUnavailable: 2 }, 7, 5, 2],
    [{ minAvailable: '67%' }, 3, 3, 0],
    [{ maxUnavailable: 0 }, 4, 4, 0],
    [{ minAvailable: 2 }, 3, 2, 1],
  ];
  for (const [spec, count, desired, allowed] of cases) {
    it(`${JSON.stringify(spec)} of ${count}`, () => {
      const budget = readDisruptionBudget({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { ...spec, selector: { matchLabels: { app: 'web' } } } })!;
      const status = budgetStatus(budget, budgetPods(count, count), () => count);
      assert.deepEqual([status.desiredHealthy, status.disruptionsAllowed], [desired, allowed]);
    });
  }
  it('percentages count the controllers\' replicas, not the pods; bare pods are left out', () => {
    const budget = readDisruptionBudget({ kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec: { maxUnavailable: '50%', selector: {} } })!;
    const status = budgetStatus(budget, [...budgetPods(2, 2), ...budgetPods(1, 1, null)], () => 4);
    assert.deepEqual([status.expectedPods, status.desiredHealthy, status.currentHealthy, status.disruptionsAllowed], [4, 2, 3, 1]);
  });
  it('a controller without a scale (a Job) allows no disruption', () => {
    const budget = readDisruptionBudget({ kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec: { maxUnavailable: 1, selector: {} } })!;
    const status = budgetStatus(budget, budgetPods(2, 2, 'Job default/batch'), () => 2);
    assert.equal(status.disruptionsAllowed, 0);
    assert.match(status.error ?? '', /no scale/);
  });
  it('fewer healthy than desired: 0, never negative', () => {
    const budget = readDisruptionBudget({ kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec: { minAvailable: 3, selector: {} } })!;
    assert.equal(budgetStatus(budget, budgetPods(3, 1), () => 3).disruptionsAllowed, 0);
  });
  it('rounds percentages up', () => {
    assert.deepEqual([scaled({ kind: 'percent', value: 10 }, 11), scaled({ kind: 'percent', value: 50 }, 3), scaled({ kind: 'int', value: 2 }, 9)], [2, 2, 2]);
  });
});

describe('the eviction subresource (§7)', () => {
  const budget = (spec: Record<string, unknown>, name = 'web') => readDisruptionBudget({ kind: 'PodDisruptionBudget', metadata: { name }, spec: { selector: {}, ...spec } })!;
  const candidate = (ready: boolean, phase = 'Running') => ({ ...budgetPods(1, ready ? 1 : 0)[0], phase });
  const cases: Array<[string, ReturnType<typeof candidate>, Array<ReturnType<typeof budget>>, number, number, string]> = [
    ['no budget → deleted', candidate(true), [], 3, 3, 'deleted'],
    ['Pending pod → deleted without a check', candidate(false, 'Pending'), [budget({ maxUnavailable: 0 })], 3, 3, 'deleted'],
    ['two budgets → 500', candidate(true), [budget({ maxUnavailable: 1 }), budget({ maxUnavailable: 1 }, 'other')], 3, 3, '500'],
    ['allowed 1 → deleted', candidate(true), [budget({ minAvailable: 2 })], 3, 3, 'deleted'],
    ['allowed 0 → 429', candidate(true), [budget({ minAvailable: 2 })], 2, 2, '429'],
    ['unready, budget met without it (IfHealthyBudget) → deleted', candidate(false), [budget({ minAvailable: 2 })], 3, 2, 'deleted'],
    ['unready, budget not met → 429', candidate(false), [budget({ minAvailable: 3 })], 3, 2, '429'],
    ['unready, AlwaysAllow → deleted', candidate(false), [budget({ minAvailable: 3, unhealthyPodEvictionPolicy: 'AlwaysAllow' })], 3, 2, 'deleted'],
  ];
  for (const [name, pod, budgets, count, healthy, expected] of cases) {
    it(name, () => {
      const outcome = evict(pod, budgets, (b) => budgetStatus(b, budgetPods(count, healthy), () => count));
      assert.equal(outcome.kind === 'deleted' ? 'deleted' : String(outcome.code), expected);
      if (outcome.kind === 'blocked' && outcome.code === 500) assert.equal(outcome.message, MULTIPLE_BUDGETS_MESSAGE);
      if (outcome.kind === 'blocked' && outcome.code === 429) assert.match(outcome.message, /^Cannot evict pod as it would violate the pod's disruption budget\. The disruption budget web needs \d+ healthy pods and has \d+ currently$/);
    });
  }
});

describe('kubectl drain filters (--ignore-daemonsets --delete-emptydir-data)', () => {
  const owned = (kind: string) => ({ ...pod({ name: 'p' }), owner: { kind, name: 'o' } });
  const cases: Array<[string, ReturnType<typeof pod>, string, string]> = [
    ['DaemonSet pod skipped', owned('DaemonSet'), 'Running', 'skip'],
    ['mirror pod skipped', { ...pod({ name: 'm' }), annotations: { 'kubernetes.io/config.mirror': 'x' } }, 'Running', 'skip'],
    ['ReplicaSet pod evicted', owned('ReplicaSet'), 'Running', 'evict'],
    ['emptyDir evicted (with a warning)', { ...owned('ReplicaSet'), spec: { containers: [], volumes: [{ name: 'v', emptyDir: {} }] } }, 'Running', 'evict'],
    ['bare pod refused without --force', pod({ name: 'bare' }), 'Running', 'error'],
    ['bare pod with emptyDir refused too', { ...pod({ name: 'bare' }), spec: { containers: [], volumes: [{ name: 'v', emptyDir: {} }] } }, 'Running', 'error'],
    ['finished bare pod evicted', pod({ name: 'done' }), 'Succeeded', 'evict'],
  ];
  for (const [name, subject, phase, expected] of cases) {
    it(name, () => {
      const decision = drainDecision(subject, phase);
      assert.equal(decision.kind, expected);
      if (decision.kind === 'error') assert.equal(decision.message, NO_CONTROLLER_MESSAGE);
    });
  }
});

describe('readiness of a replacement (§9)', () => {
  const cases: Array<[string, unknown, number]> = [
    ['no probe', undefined, 0],
    ['delay 0, default period', {}, 0],
    ['delay 12, period 5 → 15', { initialDelaySeconds: 12, periodSeconds: 5 }, 15],
    ['delay 10, default period 10 → 10', { initialDelaySeconds: 10 }, 10],
    ['successThreshold 3, period 5 → +10', { periodSeconds: 5, successThreshold: 3 }, 10],
  ];
  for (const [name, probe, seconds] of cases) it(name, () => assert.equal(probeDelay(probe), seconds));
  it('a startupProbe comes first; the slowest container decides', () => {
    const spec = { containers: [{ name: 'a', readinessProbe: { initialDelaySeconds: 5, periodSeconds: 5 } }, { name: 'b', startupProbe: { initialDelaySeconds: 20, periodSeconds: 10 }, readinessProbe: { periodSeconds: 10, initialDelaySeconds: 1 } }] };
    assert.equal(readinessDelay(spec), 30);
  });
});

describe('zone states and NoExecute tainting rate (§3)', () => {
  const cases: Array<[number, number, number, boolean, string, number | null]> = [
    // ready, not ready, zone size, every zone fully disrupted → state, seconds between taints
    [4, 1, 5, false, 'Normal', 10],
    [2, 3, 5, false, 'PartialDisruption', null],
    [40, 60, 100, false, 'PartialDisruption', 100],
    [3, 2, 5, false, 'Normal', 10],
    [0, 2, 2, false, 'FullDisruption', 10],
    [0, 2, 2, true, 'FullDisruption', null],
  ];
  for (const [ready, notReady, size, allFull, state, interval] of cases) {
    it(`${notReady} of ${ready + notReady} not ready`, () => {
      const s = zoneState(ready, notReady);
      assert.equal(s, state);
      assert.equal(taintingInterval(s, size, allFull), interval);
    });
  }
});

describe('--event', () => {
  const cases: Array<[string, unknown]> = [
    ['node-down:worker-1a', { kind: 'node-down', node: 'worker-1a', at: 0 }],
    ['drain:n1@30', { kind: 'drain', node: 'n1', at: 30 }],
    ['cordon:n1@0', { kind: 'cordon', node: 'n1', at: 0 }],
    ['node-up:n1@600', { kind: 'node-up', node: 'n1', at: 600 }],
    ['node-up:n1', 'error'],
    ['reboot:n1', 'error'],
    ['drain:', 'error'],
    ['drain:n1@-5', 'error'],
    ['drain:n1@1.5', 'error'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const parsed = parseWhatIfEvent(text);
      assert.deepEqual('error' in parsed ? 'error' : parsed, expected);
    });
  }
});
