import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PodSpec } from '../../../../server/src/simulator/model/pod';
import { parseResourceList, podRequests } from '../../../../server/src/simulator/model/resources';

const c = (requests: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name: 'c', resources: { requests }, ...extra });

describe('podRequests (PodRequests, component-helpers)', () => {
  const cases: Array<{ name: string; spec: PodSpec; options?: { nonMissing?: boolean }; cpu: number; memory?: number }> = [
    { name: 'sum of containers', spec: { containers: [c({ cpu: '100m' }), c({ cpu: '200m' })] }, cpu: 300 },
    { name: 'init containers: the max, not the sum', spec: { containers: [c({ cpu: '500m' })], initContainers: [c({ cpu: '200m' }), c({ cpu: '1' })] }, cpu: 1000 },
    { name: 'worked example: a sidecar runs alongside and before later init containers (1200m)', spec: { containers: [c({ cpu: '500m' })], initContainers: [c({ cpu: '200m' }, { restartPolicy: 'Always' }), c({ cpu: '1' })] }, cpu: 1200 },
    { name: 'sidecars add to the steady state', spec: { containers: [c({ cpu: '500m' })], initContainers: [c({ cpu: '200m' }, { restartPolicy: 'Always' })] }, cpu: 700 },
    { name: 'overhead is added', spec: { containers: [c({ cpu: '500m' })], overhead: { cpu: '250m' } }, cpu: 750 },
    { name: 'limits default the requests', spec: { containers: [{ name: 'c', resources: { limits: { cpu: '2', memory: '1Gi' } } }] }, cpu: 2000, memory: 2 ** 30 },
    { name: 'non-missing: 100m / 200Mi for a container without requests', spec: { containers: [c({}), c({ cpu: '0' })] }, options: { nonMissing: true }, cpu: 100, memory: 2 * 200 * 2 ** 20 },
    { name: 'non-missing applies to init containers too', spec: { containers: [c({ cpu: '50m' })], initContainers: [c({})] }, options: { nonMissing: true }, cpu: 100 },
    { name: 'pod-level requests replace the container sum', spec: { containers: [c({ cpu: '100m' })], resources: { requests: { cpu: '3' } } }, cpu: 3000 },
    { name: 'no containers: nothing at all', spec: { containers: [] }, options: { nonMissing: true }, cpu: 0 },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const result = podRequests(t.spec, t.options);
      assert.equal(result.cpu ?? 0, t.cpu);
      if (t.memory !== undefined) assert.equal(result.memory, t.memory);
    });
  }
});

describe('parseResourceList', () => {
  it('cpu in millicores, the rest in units rounded up; problems reported', () => {
    const problems: Array<{ resource: string; error: string }> = [];
    const amounts = parseResourceList({ cpu: '1.5', memory: '1.5Ki', pods: 110, bad: 'x' }, problems);
    assert.deepEqual({ ...amounts }, { cpu: 1500, memory: 1536, pods: 110 });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].resource, 'bad');
  });
  it('the fast path and the exact parser agree', () => {
    for (const text of ['500m', '2', '64Gi', '1k', '3M', '0', '999999999999999']) {
      const viaFast = parseResourceList({ cpu: text, memory: text });
      const viaExact = parseResourceList({ cpu: `+${text}`, memory: `+${text}` });
      assert.deepEqual({ ...viaFast }, { ...viaExact }, text);
    }
  });
});
