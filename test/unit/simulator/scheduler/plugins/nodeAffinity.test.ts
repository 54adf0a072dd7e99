import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeAffinityPlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodeAffinity';
import { node, pod } from '../../builders';
import { filterAll, scoreAll } from '../harness';

const REJECT = "node(s) didn't match Pod's node affinity/selector";
const required = (...terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

describe('NodeAffinity filter (upstream node_affinity_test)', () => {
  const cases: Array<{ name: string; spec: Record<string, unknown>; labels: Record<string, string>; want: string | null }> = [
    { name: 'no selector matches every node', spec: {}, labels: {}, want: null },
    { name: 'nodeSelector on a node without labels', spec: { nodeSelector: { foo: 'bar' } }, labels: {}, want: REJECT },
    { name: 'nodeSelector matches the same label', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, want: null },
    { name: 'nodeSelector needs every key', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, want: REJECT },
    { name: 'In matches a listed value', spec: required(expr('foo', 'In', ['value1', 'value2'])), labels: { foo: 'value2' }, want: null },
    { name: 'In does not match a missing key', spec: required(expr('foo', 'In', ['value1'])), labels: {}, want: REJECT },
    { name: 'Gt with an integer label', spec: required(expr('kernel-version', 'Gt', ['0204'])), labels: { 'kernel-version': '0206' }, want: null },
    { name: 'Gt with a non-integer label never matches', spec: required(expr('kernel-version', 'Gt', ['0204'])), labels: { 'kernel-version': '2.6' }, want: REJECT },
    { name: 'Lt', spec: required(expr('mem-type', 'Lt', ['4'])), labels: { 'mem-type': '3' }, want: null },
    { name: 'NotIn matches a node without the key', spec: required(expr('mem-type', 'NotIn', ['DDR', 'DDR2'])), labels: {}, want: null },
    { name: 'NotIn rejects a listed value', spec: required(expr('mem-type', 'NotIn', ['DDR', 'DDR2'])), labels: { 'mem-type': 'DDR' }, want: REJECT },
    { name: 'Exists', spec: required(expr('GPU', 'Exists')), labels: { GPU: 'NVIDIA-GRID-K1' }, want: null },
    { name: 'DoesNotExist rejects a node with the key', spec: required(expr('GPU', 'DoesNotExist')), labels: { GPU: 'x' }, want: REJECT },
    { name: 'terms are ORed', spec: required(expr('foo', 'In', ['x']), expr('diffkey', 'In', ['wrong', 'value2'])), labels: { diffkey: 'value2' }, want: null },
    { name: 'an empty term matches nothing', spec: required({}), labels: { foo: 'bar' }, want: REJECT },
    { name: 'an invalid requirement makes its term match nothing', spec: required(expr('foo', 'In', [])), labels: { foo: 'bar' }, want: REJECT },
    { name: 'nodeSelector and required affinity must both hold', spec: { nodeSelector: { foo: 'bar' }, ...required(expr('GPU', 'Exists')) }, labels: { foo: 'bar' }, want: REJECT },
    { name: 'matchFields metadata.name In', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node'] }] }), labels: {}, want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(filterAll(nodeAffinityPlugin, { nodes: [node({ name: 'node', labels: c.labels })] }, pod({ spec: c.spec })).node, c.want);
    });
  }

  it('PreFilter pins the pod to the named nodes (how DaemonSet pods are placed)', () => {
    const spec = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] });
    const result = filterAll(nodeAffinityPlugin, { nodes: [node({ name: 'n1' }), node({ name: 'n2' })] }, pod({ spec }));
    assert.deepEqual(result, { n1: 'excluded by PreFilter', n2: null });
  });
  it('conflicting node names reject the pod in PreFilter', () => {
    const spec = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }, { key: 'metadata.name', operator: 'In', values: ['n2'] }] });
    assert.equal(filterAll(nodeAffinityPlugin, { nodes: [node({ name: 'n1' })] }, pod({ spec })).n1, 'pod affinity terms conflict');
  });
});

describe('NodeAffinity score', () => {
  it('all nodes match with different priorities (upstream: 18, 100, 36)', () => {
    const preferred = [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
      { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
      { weight: 5, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }, { key: 'key', operator: 'In', values: ['value'] }, { key: 'az', operator: 'In', values: ['az1'] }] } },
    ];
    const nodes = [node({ name: 'node1', labels: { foo: 'bar' } }), node({ name: 'node5', labels: { foo: 'bar', key: 'value', az: 'az1' } }), node({ name: 'node2', labels: { key: 'value' } })];
    const scores = scoreAll(nodeAffinityPlugin, { nodes }, pod({ spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } } }));
    assert.deepEqual(scores, { node1: 18, node5: 100, node2: 36 });
  });
  it('no preferred terms: the plugin is skipped', () => {
    assert.equal(scoreAll(nodeAffinityPlugin, { nodes: [node({ name: 'a' })] }, pod()), 'skip');
  });
  it('weight 0 terms are ignored', () => {
    const preferred = [{ weight: 0, preference: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } }];
    assert.equal(scoreAll(nodeAffinityPlugin, { nodes: [node({ name: 'a', labels: { foo: 'x' } })] }, pod({ spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } } })), 'skip');
  });
});
