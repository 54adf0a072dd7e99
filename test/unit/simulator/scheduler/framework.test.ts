import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClusterState, filterVerdicts, removePod, scheduleOne, weightedScore } from '../../../../server/src/simulator/scheduler';
import { numFeasibleNodesToFind } from '../../../../server/src/simulator/scheduler/runtime/numNodesToFind';
import { nodeTreeOrder } from '../../../../server/src/simulator/scheduler/cache/nodeOrder';
import { node, pod } from '../builders';
import { schedule } from './harness';

describe('numFeasibleNodesToFind (percentageOfNodesToScore)', () => {
  const cases: Array<[number, number, number]> = [[0, 99, 99], [0, 500, 230], [0, 1000, 420], [0, 5000, 500], [0, 6000, 300], [100, 5000, 5000], [10, 120, 100]];
  for (const [percentage, nodes, want] of cases) it(`${nodes} nodes at ${percentage}% → ${want}`, () => assert.equal(numFeasibleNodesToFind(percentage, nodes), want));
});

describe('node order (node tree: zones round-robin)', () => {
  it('a1, a2, b1, c1, b2 → a1, b1, c1, a2, b2', () => {
    const nodes = [node({ name: 'a1', zone: 'a' }), node({ name: 'a2', zone: 'a' }), node({ name: 'b1', zone: 'b' }), node({ name: 'c1', zone: 'c' }), node({ name: 'b2', zone: 'b' })];
    assert.deepEqual(nodeTreeOrder(nodes).map((n) => n.name), ['a1', 'b1', 'c1', 'a2', 'b2']);
  });
});

describe('scheduleOne: the default profile end to end', () => {
  it('worked example: 3 CPU / 5 GiB pod → node2 (450) over node1 (424)', () => {
    const { placement } = schedule({ nodes: [node({ name: 'node1', cpu: '4', memory: '10Gi' }), node({ name: 'node2', cpu: '6', memory: '10Gi' })] }, pod({ cpu: '3', memory: '5Gi' }));
    assert.equal(placement.node, 'node2');
    assert.deepEqual(Array.from(placement.scores!.totals), [424, 450]);
    const plugins = placement.scores!.plugins;
    const fit = plugins.indexOf('NodeResourcesFit');
    const balanced = plugins.indexOf('NodeResourcesBalancedAllocation');
    assert.deepEqual([weightedScore(placement.scores!, 0, fit), weightedScore(placement.scores!, 0, balanced)], [37, 87]);
    assert.equal(weightedScore(placement.scores!, 0, plugins.indexOf('TaintToleration')), 300);
    assert.equal(placement.tie, null);
  });
  it('a tie picks the lowest node name and reports every tied node', () => {
    const { placement } = schedule({ nodes: [node({ name: 'b', cpu: '4', memory: '8Gi' }), node({ name: 'a', cpu: '4', memory: '8Gi' })] }, pod({ cpu: '500m', memory: '1Gi' }));
    assert.equal(placement.node, 'a');
    assert.deepEqual(placement.tie, ['a', 'b']);
    assert.deepEqual(Array.from(placement.scores!.totals), [487, 487]);
  });
  it('a single feasible node is chosen without scoring', () => {
    const { placement } = schedule({ nodes: [node({ name: 'small', cpu: '1' }), node({ name: 'big', cpu: '8' })] }, pod({ cpu: '2' }));
    assert.equal(placement.node, 'big');
    assert.equal(placement.scores, null);
    assert.deepEqual(filterVerdicts(placement), [{ node: 'small', plugin: 'NodeResourcesFit', code: 'Unschedulable', reason: 'Insufficient cpu' }]);
  });
  it('unschedulable: the event message, sorted as strings, with the PostFilter part', () => {
    const nodes = [node({ name: 'n1', cpu: '1' }), node({ name: 'n2', cpu: '1' }), ...['t1', 't2', 't3', 't4'].map((name) => node({ name, taints: [{ key: 'dedicated' }] }))];
    const { placement } = schedule({ nodes }, pod({ cpu: '2' }));
    assert.equal(placement.status, 'Pending');
    assert.equal(placement.message, '0/6 nodes are available: 2 Insufficient cpu, 4 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/6 nodes are available: 2 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.');
  });
  it('histogram entries sort as strings ("10 …" before "2 …")', () => {
    const nodes = [...Array.from({ length: 10 }, (_, i) => node({ name: `t${i}`, taints: [{ key: 'x' }] })), node({ name: 'a', cpu: '1' }), node({ name: 'b', cpu: '1' })];
    const { placement } = schedule({ nodes }, pod({ cpu: '2' }));
    assert.match(placement.message, /^0\/12 nodes are available: 10 node\(s\) had untolerated taint\(s\), 2 Insufficient cpu\./);
  });
  it('nodes excluded by NodeAffinity\'s PreFilter count in the message', () => {
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } };
    const { placement } = schedule({ nodes: [node({ name: 'n1', cpu: '1' }), node({ name: 'n2' }), node({ name: 'n3' })] }, pod({ cpu: '2', spec }));
    assert.match(placement.message, /^0\/3 nodes are available: 1 Insufficient cpu, 2 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\./);
    assert.equal(placement.evaluatedNodes, 1);
  });
  it('… and carry that status in a Pending pod\'s filter table', () => {
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } };
    const { placement } = schedule({ nodes: [node({ name: 'n1', cpu: '1' }), node({ name: 'n2' }), node({ name: 'n3' })] }, pod({ cpu: '2', spec }));
    const table = Object.fromEntries(filterVerdicts(placement).map((v) => [v.node, `${v.plugin}: ${v.reason}`]));
    assert.deepEqual(table, { n1: 'NodeResourcesFit: Insufficient cpu', n2: "NodeAffinity: node(s) didn't satisfy plugin(s) [NodeAffinity]", n3: "NodeAffinity: node(s) didn't satisfy plugin(s) [NodeAffinity]" });
  });
  it('a PreFilter rejection replaces the histogram', () => {
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }, { key: 'metadata.name', operator: 'In', values: ['n2'] }] }] } } } };
    const { placement } = schedule({ nodes: [node({ name: 'n1' }), node({ name: 'n2' })] }, pod({ spec }));
    assert.equal(placement.message, '0/2 nodes are available: pod affinity terms conflict. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });
  it('preemptionPolicy Never: not eligible', () => {
    const { placement } = schedule({ nodes: [node({ name: 'n1', cpu: '1' })] }, pod({ cpu: '2', spec: { preemptionPolicy: 'Never' } }));
    assert.equal(placement.message, '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.');
  });
  it('lower-priority pods that free enough room: preemption would evict them (no PostFilter message)', () => {
    const victim = pod({ name: 'low', cpu: '1', nodeName: 'n1', priority: 0 });
    const { placement, state } = schedule({ nodes: [node({ name: 'n1', cpu: '1' })], existing: [victim] }, pod({ name: 'high', cpu: '1', priority: 1000 }));
    assert.equal(placement.message, '0/1 nodes are available: 1 Insufficient cpu.');
    assert.deepEqual(placement.preemption, { kind: 'preempts', node: 'n1', victims: ['default/low'] });
    assert.ok(state.pods.has('default/low'), 'the dry run leaves the state as it was');
  });
  it('victims that would not free enough room: their node reports the filter reason', () => {
    const victim = pod({ name: 'low', cpu: '1', nodeName: 'n1', priority: 0 });
    const { placement } = schedule({ nodes: [node({ name: 'n1', cpu: '2' })], existing: [victim] }, pod({ name: 'high', cpu: '3', priority: 1000 }));
    assert.equal(placement.message, '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Insufficient cpu.');
  });
  it('another scheduler, scheduling gates and spec.nodeName', () => {
    const nodes = [node({ name: 'n1' })];
    assert.equal(schedule({ nodes }, pod({ spec: { schedulerName: 'custom' } })).placement.reason, 'OtherScheduler');
    assert.equal(schedule({ nodes }, pod({ spec: { schedulingGates: [{ name: 'example.com/wait' }] } })).placement.reason, 'SchedulingGated');
    assert.deepEqual([schedule({ nodes }, pod({ nodeName: 'n1', cpu: '64' })).placement.status, schedule({ nodes }, pod({ nodeName: 'n1' })).placement.node], ['Bound', 'n1']);
    assert.equal(schedule({ nodes }, pod({ nodeName: 'gone' })).placement.reason, 'NodeNotFound');
  });
  it('no nodes at all', () => {
    assert.equal(schedule({ nodes: [] }, pod()).placement.message, 'no nodes available to schedule pods');
  });
});

describe('the ClusterState API', () => {
  it('scheduleOne binds, removePod frees the node', () => {
    const state = createClusterState([node({ name: 'n1', cpu: '1' })], []);
    assert.equal(scheduleOne(state, pod({ name: 'a', cpu: '1' })).node, 'n1');
    assert.equal(scheduleOne(state, pod({ name: 'b', cpu: '1' })).status, 'Pending');
    assert.equal(removePod(state, 'default/a'), true);
    assert.equal(removePod(state, 'default/a'), false);
    assert.equal(scheduleOne(state, pod({ name: 'b', cpu: '1' })).node, 'n1');
  });
  it('running pods given at creation occupy their node; unknown nodes and finished pods are ignored', () => {
    const state = createClusterState([node({ name: 'n1', cpu: '1' })], [pod({ name: 'r', cpu: '1', nodeName: 'n1' }), pod({ name: 'x', cpu: '1', nodeName: 'nope' }), pod({ name: 'done', cpu: '1', nodeName: 'n1', phase: 'Succeeded' })]);
    assert.deepEqual([...state.pods.keys()], ['default/r']);
    assert.equal(scheduleOne(state, pod({ name: 'b', cpu: '1' })).status, 'Pending');
  });
  it('replicas see the previous placements (anti-affinity spreads them)', () => {
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    const state = createClusterState([node({ name: 'n1' }), node({ name: 'n2' })], []);
    const spec = { containers: [{ name: 'c' }], affinity: anti };
    const nodes = ['r1', 'r2', 'r3'].map((name) => scheduleOne(state, pod({ name, labels: { app: 'web' }, spec })).node);
    assert.deepEqual(nodes, ['n1', 'n2', null]);
  });
  it('percentageOfNodesToScore: 150 nodes at 50% → 100 feasible nodes searched, the start rotates', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => node({ name: `n${String(i).padStart(3, '0')}` }));
    const state = createClusterState(nodes, [], { percentageOfNodesToScore: 50 });
    const first = scheduleOne(state, pod({ name: 'a' }));
    assert.equal(first.feasibleNodes, 100);
    assert.equal(state.nextStartNodeIndex, 100);
    const second = scheduleOne(state, pod({ name: 'b' }));
    assert.equal(second.scores!.nodes[0], 'n100');
  });
});
