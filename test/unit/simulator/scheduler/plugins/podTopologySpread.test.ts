import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podTopologySpreadPlugin } from '../../../../../server/src/simulator/scheduler/plugins/podTopologySpread';
import { node, pod, type PodOptions } from '../../builders';
import { filterAll, scoreAll } from '../harness';

const SKEW = "node(s) didn't match pod topology spread constraints";
const MISSING = "node(s) didn't match pod topology spread constraints (missing required label)";
const constraint = (topologyKey: string, maxSkew: number, whenUnsatisfiable: string, extra: Record<string, unknown> = {}) => ({ maxSkew, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: { foo: '' } }, ...extra });
const incoming = (constraints: unknown[], extra: PodOptions = {}) => pod({ name: 'p', labels: { foo: '' }, ...extra, spec: { topologySpreadConstraints: constraints as never, ...extra.spec } });
const on = (nodeName: string, count: number, labels: Record<string, string> = { foo: '' }) => Array.from({ length: count }, (_, i) => pod({ name: `${nodeName}-${i}`, nodeName, labels }));
const zoned = (name: string, zone: string, labels: Record<string, string> = {}) => node({ name, labels: { zone, ...labels } });

describe('PodTopologySpread filter', () => {
  const fourNodes = [zoned('n1', 'a'), zoned('n2', 'a'), zoned('n3', 'b'), zoned('n4', 'b')];
  it('worked example: zones a=3, b=1, maxSkew 1 → only zone b fits', () => {
    const result = filterAll(podTopologySpreadPlugin, { nodes: fourNodes, existing: [...on('n1', 2), ...on('n2', 1), ...on('n3', 1)] }, incoming([constraint('zone', 1, 'DoNotSchedule')]));
    assert.deepEqual(result, { n1: SKEW, n2: SKEW, n3: null, n4: null });
  });
  it('minDomains above the number of domains forces a global minimum of 0', () => {
    const result = filterAll(podTopologySpreadPlugin, { nodes: fourNodes, existing: [...on('n1', 1), ...on('n3', 1)] }, incoming([constraint('zone', 1, 'DoNotSchedule', { minDomains: 3 })]));
    assert.deepEqual(result, { n1: SKEW, n2: SKEW, n3: SKEW, n4: SKEW });
  });
  it('a node without the topology key fails as unresolvable', () => {
    const result = filterAll(podTopologySpreadPlugin, { nodes: [zoned('n1', 'a'), node({ name: 'n2' })] }, incoming([constraint('zone', 1, 'DoNotSchedule')]));
    assert.deepEqual(result, { n1: null, n2: MISSING });
  });
  it('pods of other namespaces and non-matching pods do not count', () => {
    const existing = [...on('n1', 1, { bar: '' }), pod({ name: 'other', namespace: 'other', nodeName: 'n1', labels: { foo: '' } })];
    const result = filterAll(podTopologySpreadPlugin, { nodes: [zoned('n1', 'a'), zoned('n2', 'b')], existing }, incoming([constraint('zone', 1, 'DoNotSchedule')]));
    assert.deepEqual(result, { n1: null, n2: null });
  });
  it('nodeAffinityPolicy Honor: nodes the pod cannot go to are not domains', () => {
    // Zone c has no pod, but its only node does not match the pod's nodeSelector: min is taken over a and b.
    const nodes = [zoned('n1', 'a', { disk: 'ssd' }), zoned('n2', 'b', { disk: 'ssd' }), zoned('n3', 'c')];
    const existing = [...on('n1', 1), ...on('n2', 1)];
    const honor = filterAll(podTopologySpreadPlugin, { nodes, existing }, incoming([constraint('zone', 1, 'DoNotSchedule')], { spec: { nodeSelector: { disk: 'ssd' } } }));
    assert.deepEqual(honor, { n1: null, n2: null, n3: null });
    const ignore = filterAll(podTopologySpreadPlugin, { nodes, existing }, incoming([constraint('zone', 1, 'DoNotSchedule', { nodeAffinityPolicy: 'Ignore' })], { spec: { nodeSelector: { disk: 'ssd' } } }));
    assert.deepEqual(ignore, { n1: SKEW, n2: SKEW, n3: null });
  });
  it('matchLabelKeys narrows the selector to pods with the same value', () => {
    const nodes = [zoned('n1', 'a'), zoned('n2', 'b')];
    const existing = [...on('n1', 2, { foo: '', 'pod-template-hash': 'old' })];
    const result = filterAll(podTopologySpreadPlugin, { nodes, existing }, incoming([constraint('zone', 1, 'DoNotSchedule', { matchLabelKeys: ['pod-template-hash'] })], { labels: { foo: '', 'pod-template-hash': 'new' } }));
    assert.deepEqual(result, { n1: null, n2: null });
  });
  it('ScheduleAnyway constraints never filter', () => {
    const result = filterAll(podTopologySpreadPlugin, { nodes: fourNodes, existing: on('n1', 5) }, incoming([constraint('zone', 1, 'ScheduleAnyway')]));
    assert.deepEqual(result, { n1: null, n2: null, n3: null, n4: null });
  });
});

describe('PodTopologySpread score (upstream scoring_test)', () => {
  const hostnames = ['node-a', 'node-b', 'node-c', 'node-d'].map((name) => node({ name }));
  const existing = [...on('node-a', 2), ...on('node-b', 1), ...on('node-d', 3)];
  it('one constraint on node, all 4 nodes are candidates (20, 60, 100, 0)', () => {
    const scores = scoreAll(podTopologySpreadPlugin, { nodes: hostnames, existing }, incoming([constraint('kubernetes.io/hostname', 1, 'ScheduleAnyway')]));
    assert.deepEqual(scores, { 'node-a': 20, 'node-b': 60, 'node-c': 100, 'node-d': 0 });
  });
  it('the same with maxSkew 2 (33, 66, 100, 16)', () => {
    const scores = scoreAll(podTopologySpreadPlugin, { nodes: hostnames, existing }, incoming([constraint('kubernetes.io/hostname', 2, 'ScheduleAnyway')]));
    assert.deepEqual(scores, { 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 });
  });
  it('only DoNotSchedule constraints: the score is skipped', () => {
    assert.equal(scoreAll(podTopologySpreadPlugin, { nodes: hostnames }, incoming([constraint('kubernetes.io/hostname', 1, 'DoNotSchedule')])), 'skip');
  });
  it('nodes lacking a key of the pod\'s own constraints score 0', () => {
    const nodes = [zoned('n1', 'a'), zoned('n2', 'b'), node({ name: 'n3' })];
    const scores = scoreAll(podTopologySpreadPlugin, { nodes, existing: on('n1', 1) }, incoming([constraint('zone', 1, 'ScheduleAnyway')]));
    assert.deepEqual(scores, { n1: 0, n2: 100, n3: 0 });
  });
  it('system defaults apply to a ReplicaSet\'s pod and spread it from its siblings', () => {
    const owner = { kind: 'ReplicaSet', name: 'web-1' };
    const ownerSelector = { matchLabels: { app: 'web' } };
    const siblings = on('node-a', 2, { app: 'web' });
    const scores = scoreAll(podTopologySpreadPlugin, { nodes: hostnames.slice(0, 2), existing: siblings }, pod({ name: 'p', labels: { app: 'web' }, owner, ownerSelector }));
    // hostname: w = ln 4; raw a = round(2·1.386 + 2) = 5, b = 2 → a = 100·(5+2−5)/5 = 40, b = 100.
    assert.deepEqual(scores, { 'node-a': 40, 'node-b': 100 });
  });
  it('a bare pod selected by no Service gets no default constraints', () => {
    assert.equal(scoreAll(podTopologySpreadPlugin, { nodes: hostnames }, pod({ labels: { app: 'web' } })), 'skip');
  });
});
