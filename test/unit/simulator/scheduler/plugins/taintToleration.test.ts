import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { taintTolerationPlugin } from '../../../../../server/src/simulator/scheduler/plugins/taintToleration';
import { node, pod } from '../../builders';
import { filterAll, scoreAll } from '../harness';

const REJECT = 'node(s) had untolerated taint(s)';

describe('TaintToleration filter (upstream taint_toleration_test)', () => {
  const cases = [
    { name: 'a pod without tolerations on a node without taints', taints: [], tolerations: undefined, want: null },
    { name: 'a pod without tolerations on a tainted node', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: undefined, want: REJECT },
    { name: 'Equal toleration with the same key, value and effect', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: null },
    { name: 'a different value is not tolerated', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], want: REJECT },
    { name: 'Exists tolerates any value', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], want: null },
    { name: 'one toleration per taint: the second taint is not tolerated', taints: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], want: REJECT },
    { name: 'a toleration for another effect does not tolerate', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], want: REJECT },
    { name: 'an empty effect tolerates every effect', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }], want: null },
    { name: 'PreferNoSchedule never filters', taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }], tolerations: undefined, want: null },
    { name: 'NoExecute filters too', taints: [{ key: 'foo', value: 'bar', effect: 'NoExecute' }], tolerations: undefined, want: REJECT },
    { name: 'operator Exists with an empty key tolerates everything', taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }, { key: 'c', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], want: null },
    { name: 'not-ready NoExecute is tolerated by the admission default', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }], tolerations: undefined, want: null },
    { name: 'not-ready NoSchedule (added by the node lifecycle controller) is not', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }], tolerations: undefined, want: REJECT },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = filterAll(taintTolerationPlugin, { nodes: [node({ name: 'n', taints: c.taints })] }, pod({ spec: c.tolerations ? { tolerations: c.tolerations } : {} }));
      assert.equal(result.n, c.want);
    });
  }
});

describe('TaintToleration score', () => {
  it('the more intolerable PreferNoSchedule taints a node has, the lower its score (100/50/0)', () => {
    const nodes = [
      node({ name: 'nodeA' }),
      node({ name: 'nodeB', taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }] }),
      node({ name: 'nodeC', taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }] }),
    ];
    assert.deepEqual(scoreAll(taintTolerationPlugin, { nodes }, pod()), { nodeA: 100, nodeB: 50, nodeC: 0 });
  });
  it('tolerated PreferNoSchedule taints do not lower the score', () => {
    const nodes = [node({ name: 'nodeA', taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] }), node({ name: 'nodeB', taints: [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }] })];
    const tolerant = pod({ spec: { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] } });
    assert.deepEqual(scoreAll(taintTolerationPlugin, { nodes }, tolerant), { nodeA: 100, nodeB: 0 });
  });
  it('NoSchedule tolerations do not count for the score', () => {
    const nodes = [node({ name: 'nodeA', taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] }), node({ name: 'nodeB' })];
    const tolerant = pod({ spec: { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] } });
    assert.deepEqual(scoreAll(taintTolerationPlugin, { nodes }, tolerant), { nodeA: 0, nodeB: 100 });
  });
  it('no PreferNoSchedule taint anywhere: every node gets 100', () => {
    assert.deepEqual(scoreAll(taintTolerationPlugin, { nodes: [node({ name: 'a' }), node({ name: 'b', taints: [{ key: 'x', effect: 'NoSchedule' }] })] }, pod()), { a: 100, b: 100 });
  });
});
