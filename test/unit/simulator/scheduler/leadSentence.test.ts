import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SimNode } from '../../../../server/src/simulator/model/node';
import type { SimPod } from '../../../../server/src/simulator/model/pod';
import { createClusterState, scheduleOne } from '../../../../server/src/simulator/scheduler';
import { leadAsSentence, leadSentence } from '../../../../server/src/simulator/scheduler/explain/leadSentence';
import { quantity } from '../../../../server/src/simulator/scheduler/explain/quantityText';
import { simplePlacement } from '../../../../server/src/simulator/scheduler/runtime/placement';
import { placementFindings } from '../../../../server/src/simulator/scheduler/explain/findings';
import { node, pod } from '../builders';

/** Schedules `incoming` on `nodes` (with `existing` bound) and returns its lead sentence and the scheduler's message. */
function lead(nodes: SimNode[], incoming: SimPod, existing: SimPod[] = []): { lead: string | null; message: string } {
  const state = createClusterState(nodes, existing);
  const placement = scheduleOne(state, incoming);
  assert.equal(placement.status, 'Pending', `${incoming.name} should stay Pending`);
  return { lead: leadSentence(incoming, placement, state), message: placement.message };
}

const zones = (n: number): SimNode[] => Array.from({ length: n }, (_, i) => node({ name: `n${i}`, zone: `z${i}`, cpu: '4' }));
const cache = (name: string, nodeName: string) => pod({ name, nodeName, labels: { app: 'cache' } });
const antiZone = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'topology.kubernetes.io/zone' }] } } };

interface Case {
  name: string;
  nodes: SimNode[];
  pod: SimPod;
  existing?: SimPod[];
  want: string;
  /** The upstream text the lead explains (checked to stay the scheduler's own). */
  upstream: RegExp;
}

const cases: Case[] = [
  {
    name: 'NodeResourcesFit cpu: the ask against the largest node, with the obvious fix',
    nodes: [node({ name: 'a', cpu: '3920m' }), node({ name: 'b', cpu: '2' })],
    pod: pod({ name: 'big', cpu: '64' }),
    want: 'asks 64 CPU; the largest node has 3.92 CPU allocatable - lower the request to at most 3.92 CPU',
    upstream: /^0\/2 nodes are available: 2 Insufficient cpu\./,
  },
  {
    name: 'NodeResourcesFit cpu: free capacity when the nodes are busy (millicores under a core)',
    nodes: [node({ name: 'a', cpu: '2' }), node({ name: 'b', cpu: '2' })],
    existing: [pod({ name: 'x', nodeName: 'a', cpu: '1500m' }), pod({ name: 'y', nodeName: 'b', cpu: '1350m' })],
    pod: pod({ name: 'p', cpu: '1' }),
    want: 'asks 1 CPU; the most free on any node is 650m CPU (b: 2 CPU allocatable) - lower the request to at most 650m CPU',
    upstream: /^0\/2 nodes are available: 2 Insufficient cpu\./,
  },
  {
    name: 'NodeResourcesFit memory in Gi',
    nodes: [node({ name: 'a', memory: '15.5Gi' }), node({ name: 'b', memory: '8Gi' })],
    pod: pod({ name: 'p', memory: '64Gi' }),
    want: 'asks 64Gi memory; the largest node has 15.5Gi memory allocatable - lower the request to at most 15.5Gi memory',
    upstream: /2 Insufficient memory\./,
  },
  {
    name: 'NodeResourcesFit: an extended resource no node offers',
    nodes: [node({ name: 'a' })],
    pod: pod({ name: 'p', requests: { 'nvidia.com/gpu': '1' } }),
    want: 'asks 1 nvidia.com/gpu; no node offers nvidia.com/gpu - add a node with nvidia.com/gpu',
    upstream: /1 Insufficient nvidia\.com\/gpu\./,
  },
  {
    name: 'NodeResourcesFit: too many pods',
    nodes: [node({ name: 'a', pods: '1' })],
    existing: [pod({ name: 'x', nodeName: 'a' })],
    pod: pod({ name: 'p' }),
    want: 'the nodes already run as many pods as they allow (allocatable pods)',
    upstream: /1 Too many pods\./,
  },
  {
    name: 'TaintToleration: the untolerated taint and the toleration to add',
    nodes: [node({ name: 'g1', taints: [{ key: 'gpu', value: 'true' }] }), node({ name: 'g2', taints: [{ key: 'gpu', value: 'true' }] })],
    pod: pod({ name: 'p' }),
    want: 'untolerated taint gpu=true:NoSchedule - add a toleration for gpu=true:NoSchedule',
    upstream: /2 node\(s\) had untolerated taint\(s\)\./,
  },
  {
    name: 'two plugins: the one that rejects most nodes leads, the other follows',
    nodes: [node({ name: 'a', cpu: '2' }), node({ name: 'b', cpu: '2' }), node({ name: 'c', cpu: '8', taints: [{ key: 'dedicated', value: 'infra', effect: 'NoExecute' }] })],
    pod: pod({ name: 'p', cpu: '4' }),
    want: 'asks 4 CPU; the largest of the 2 nodes it may use has 2 CPU allocatable - lower the request to at most 2 CPU; on the other node: untolerated taint dedicated=infra:NoExecute',
    upstream: /^0\/3 nodes are available: 1 node\(s\) had untolerated taint\(s\), 2 Insufficient cpu\./,
  },
  {
    name: 'a request beyond every node leads alone, even where a taint rejects the largest node first',
    nodes: [node({ name: 'a', cpu: '2' }), node({ name: 'b', cpu: '8', taints: [{ key: 'dedicated', value: 'db' }] })],
    pod: pod({ name: 'p', cpu: '64' }),
    want: 'asks 64 CPU; the largest node has 8 CPU allocatable - lower the request to at most 8 CPU',
    upstream: /^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint\(s\)\./,
  },
  {
    name: 'three plugins: the others with their node counts',
    nodes: [node({ name: 'a', cpu: '2' }), node({ name: 'b', cpu: '2' }), node({ name: 'c', cpu: '8', unschedulable: true }), node({ name: 'd', cpu: '8', taints: [{ key: 'gpu', value: 'true' }] })],
    pod: pod({ name: 'p', cpu: '4' }),
    want: 'asks 4 CPU; the largest of the 2 nodes it may use has 2 CPU allocatable - lower the request to at most 2 CPU; on the other 2 nodes: cordoned (1), untolerated taint gpu=true:NoSchedule (1)',
    upstream: /^0\/4 nodes are available: 1 node\(s\) had untolerated taint\(s\), 1 node\(s\) were unschedulable, 2 Insufficient cpu\./,
  },
  {
    name: 'NodeUnschedulable: cordoned',
    nodes: [node({ name: 'a', unschedulable: true })],
    pod: pod({ name: 'p' }),
    want: 'every node is cordoned (spec.unschedulable) - uncordon a node',
    upstream: /1 node\(s\) were unschedulable\./,
  },
  {
    name: 'NodeAffinity: a nodeSelector label no node has',
    nodes: [node({ name: 'a' }), node({ name: 'b', labels: { disktype: 'hdd' } })],
    pod: pod({ name: 'p', spec: { nodeSelector: { disktype: 'ssd' } } }),
    want: 'no node has the label disktype=ssd (nodeSelector) - label a node disktype=ssd or change the nodeSelector',
    upstream: /2 node\(s\) didn't match Pod's node affinity\/selector\./,
  },
  {
    name: 'NodeAffinity: required node affinity',
    nodes: [node({ name: 'a' })],
    pod: pod({ name: 'p', spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['x'] }] }] } } } } }),
    want: 'no node matches its required node affinity',
    upstream: /1 node\(s\) didn't match Pod's node affinity\/selector\./,
  },
  {
    name: 'InterPodAffinity anti-affinity: every zone already runs one',
    nodes: zones(3),
    existing: [cache('c0', 'n0'), cache('c1', 'n1'), cache('c2', 'n2')],
    pod: pod({ name: 'c3', labels: { app: 'cache' }, spec: antiZone }),
    want: 'every zone already runs a `cache` pod (required anti-affinity on topology.kubernetes.io/zone) - add a node in another zone, or make the anti-affinity preferred',
    upstream: /3 node\(s\) didn't match pod anti-affinity rules\./,
  },
  {
    name: 'InterPodAffinity: required pod affinity no pod satisfies',
    nodes: zones(2),
    pod: pod({ name: 'p', spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { role: 'db', tier: 'x' } }, topologyKey: 'topology.kubernetes.io/zone' }] } } } }),
    want: 'no zone runs a pod matching role=db, tier=x (required pod affinity on topology.kubernetes.io/zone)',
    upstream: /2 node\(s\) didn't match pod affinity rules\./,
  },
  {
    name: 'PodTopologySpread: maxSkew and topology key (a tie of node counts goes to filter order)',
    nodes: [node({ name: 'a', zone: 'z1' }), node({ name: 'b', zone: 'z2', taints: [{ key: 'k' }] })],
    existing: [pod({ name: 'w0', nodeName: 'a', labels: { app: 'web' } })],
    pod: pod({ name: 'w1', labels: { app: 'web' }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] } }),
    want: 'untolerated taint k:NoSchedule - add a toleration for k:NoSchedule; on the other node: placing it would exceed maxSkew 1 across zones (DoNotSchedule spread on topology.kubernetes.io/zone)',
    upstream: /1 node\(s\) didn't match pod topology spread constraints/,
  },
  {
    name: 'NodePorts: the host port in use',
    nodes: [node({ name: 'a' })],
    existing: [pod({ name: 'x', nodeName: 'a', containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] })],
    pod: pod({ name: 'p', containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    want: 'host port 8080/TCP already in use - drop the hostPort or use a Service',
    upstream: /1 node\(s\) didn't have free ports for the requested pod ports\./,
  },
  {
    name: 'VolumeBinding (PreFilter): the upstream reason, kept',
    nodes: [node({ name: 'a' })],
    pod: pod({ name: 'p', spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'missing' } }] } }),
    want: 'persistentvolumeclaim "missing" not found',
    upstream: /persistentvolumeclaim "missing" not found/,
  },
];

describe('leadSentence: the cause in plain words, per plugin', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = lead(c.nodes, c.pod, c.existing);
      assert.equal(got.lead, c.want);
      assert.match(got.message, c.upstream, 'the scheduler message is left as upstream words it');
    });
  }

  it('no nodes at all', () => {
    const state = createClusterState([], []);
    const p = pod({ name: 'p' });
    assert.equal(leadSentence(p, scheduleOne(state, p), state), 'the cluster has no nodes - add Nodes to the cluster profile');
  });

  it('null for pods that are not Pending as Unschedulable', () => {
    const state = createClusterState([node({ name: 'a' })], []);
    const p = pod({ name: 'p' });
    assert.equal(leadSentence(p, simplePlacement(p.key, 'Pending', null, 'SchedulingGated', 'gated'), state), null);
    assert.equal(leadSentence(p, scheduleOne(state, p), state), null);
  });

  it('as a sentence of its own', () => assert.equal(leadAsSentence('asks 64 CPU'), 'Asks 64 CPU.'));
});

describe('quantity: as kubectl shows it', () => {
  const cases: Array<[string, number, 'up' | 'down', string]> = [
    ['cpu', 3920, 'down', '3.92 CPU'],
    ['cpu', 650, 'down', '650m CPU'],
    ['cpu', 64000, 'up', '64 CPU'],
    ['cpu', 1925, 'down', '1.925 CPU'],
    ['memory', 512 * 2 ** 20, 'down', '512Mi memory'],
    ['memory', 2 ** 30 * 1.999, 'down', '1.99Gi memory'],
    ['memory', 2 ** 30 * 1.999, 'up', '2Gi memory'],
    ['ephemeral-storage', 10 * 2 ** 30, 'down', '10Gi ephemeral-storage'],
    ['nvidia.com/gpu', 2, 'down', '2 nvidia.com/gpu'],
  ];
  for (const [resource, amount, round, want] of cases) it(`${resource} ${amount} (${round}) → ${want}`, () => assert.equal(quantity(resource, amount, round), want));
});



describe('placementFindings: sim/unschedulable starts with the lead sentence', () => {
  const state = createClusterState([node({ name: 'a', cpu: '2' })], []);
  const place = (p: SimPod) => ({ pod: p, placement: scheduleOne(state, p), lead: undefined as string | null | undefined });
  const cases: Array<{ name: string; lead: string | null; want: (message: string) => string }> = [
    { name: 'the subject, the lead, then the scheduler message verbatim', lead: 'asks 64 CPU; the largest node has 2 CPU allocatable', want: (m) => `Pod p cannot be scheduled: asks 64 CPU; the largest node has 2 CPU allocatable. ${m}` },
    { name: 'without a lead: the scheduler message alone', lead: null, want: (m) => `Pod p cannot be scheduled: ${m}` },
    { name: 'a lead that only repeats upstream (a PreFilter reason) is left out', lead: 'Insufficient cpu', want: (m) => `Pod p cannot be scheduled: ${m}` },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const item = { ...place(pod({ name: 'p', cpu: '64' })), lead: c.lead };
      const [finding] = placementFindings([item], () => undefined);
      assert.equal(finding.code, 'sim/unschedulable');
      assert.equal(finding.message, c.want(item.placement.message));
    });
  }
});
