import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeResourcesFitPlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodeResourcesFit';
import { node, pod, type PodOptions } from '../../builders';
import { filterAll, scoreAll } from '../harness';

/** A pod with one container per request map, as upstream's st.MakePod().Req(...).Req(...). */
function reqPod(name: string, requests: Array<Record<string, string>>, extra: PodOptions = {}) {
  return pod({ name, ...extra, containers: requests.map((r, i) => ({ name: `c${i}`, image: 'img', resources: { requests: r } })) });
}

describe('NodeResourcesFit filter (upstream fit_test cases)', () => {
  const cases: Array<{ name: string; pod: ReturnType<typeof pod>; node: Parameters<typeof node>[0]; existing?: Array<Record<string, string>>; want: string | null }> = [
    { name: 'no resources requested always fits', pod: reqPod('p', []), node: { cpu: '10m', memory: '20', pods: '32' }, existing: [{ cpu: '10m', memory: '20' }], want: null },
    { name: 'too many resources fails on cpu and memory', pod: reqPod('p', [{ cpu: '1m', memory: '1' }]), node: { cpu: '10m', memory: '20' }, existing: [{ cpu: '10m', memory: '20' }], want: 'Insufficient cpu, Insufficient memory' },
    { name: 'too many resources fails on cpu only', pod: reqPod('p', [{ cpu: '1m', memory: '1' }]), node: { cpu: '10m', memory: '20' }, existing: [{ cpu: '10m', memory: '5' }], want: 'Insufficient cpu' },
    { name: 'equal to what is left fits', pod: reqPod('p', [{ cpu: '5m', memory: '5' }]), node: { cpu: '10m', memory: '20' }, existing: [{ cpu: '5m', memory: '15' }], want: null },
    { name: 'init container larger than the containers decides (max, not sum)', pod: pod({ name: 'p', containers: [{ name: 'a', resources: { requests: { cpu: '1m', memory: '1' } } }], spec: { initContainers: [{ name: 'i', resources: { requests: { cpu: '3m', memory: '1' } } }] } }), node: { cpu: '10m', memory: '20' }, existing: [{ cpu: '8m', memory: '19' }], want: 'Insufficient cpu' },
    { name: 'extended resource missing on the node', pod: reqPod('p', [{ 'example.com/aaa': '1' }]), node: { cpu: '10m', memory: '20' }, want: 'Insufficient example.com/aaa' },
    { name: 'extended resource available', pod: reqPod('p', [{ 'example.com/aaa': '1' }]), node: { cpu: '10m', memory: '20', extra: { 'example.com/aaa': '5' } }, want: null },
    { name: 'a bare resource name is not a scalar resource and is ignored', pod: reqPod('p', [{ storage: '1' }]), node: { cpu: '10m', memory: '20' }, want: null },
    { name: 'ephemeral storage is checked', pod: reqPod('p', [{ 'ephemeral-storage': '25' }]), node: { cpu: '10m', memory: '20', extra: { 'ephemeral-storage': '20' } }, want: 'Insufficient ephemeral-storage' },
    { name: 'pod count: node full', pod: reqPod('p', [{ cpu: '1m', memory: '1' }]), node: { cpu: '10m', memory: '20', pods: '1' }, existing: [{ cpu: '1m', memory: '1' }], want: 'Too many pods' },
    { name: 'pod count and resources together', pod: reqPod('p', [{ cpu: '1m', memory: '1' }]), node: { cpu: '10m', memory: '20', pods: '1' }, existing: [{ cpu: '10m', memory: '20' }], want: 'Too many pods, Insufficient cpu, Insufficient memory' },
    { name: 'a node without allocatable pods takes nothing', pod: reqPod('p', []), node: { cpu: '10m', memory: '20', pods: null }, want: 'Too many pods' },
    { name: 'limits without requests are requests (API defaulting)', pod: pod({ name: 'p', containers: [{ name: 'a', resources: { limits: { cpu: '20m' } } }] }), node: { cpu: '10m', memory: '20' }, want: 'Insufficient cpu' },
    { name: 'pod overhead counts', pod: reqPod('p', [{ cpu: '5m' }], { spec: { overhead: { cpu: '6m' } } }), node: { cpu: '10m', memory: '20' }, want: 'Insufficient cpu' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const existing = (c.existing ?? []).map((r, i) => reqPod(`e${i}`, [r], { nodeName: 'node' }));
      const result = filterAll(nodeResourcesFitPlugin, { nodes: [node({ name: 'node', ...c.node })], existing }, c.pod);
      assert.equal(result.node, c.want);
    });
  }
});

describe('NodeResourcesFit score, LeastAllocated (upstream least_allocated_test)', () => {
  const cases: Array<{ name: string; pod: ReturnType<typeof pod>; nodes: Array<[string, string, string]>; existing?: Array<[string, Record<string, string>]>; want: number[] }> = [
    { name: 'nothing scheduled, nothing requested', pod: reqPod('p', []), nodes: [['node1', '4000', '10000'], ['node2', '4000', '10000']], want: [100, 100] },
    { name: 'nothing scheduled, resources requested, differently sized nodes', pod: reqPod('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]), nodes: [['node1', '4000', '10000'], ['node2', '6000', '10000']], want: [37, 50] },
    { name: 'no resources requested, pods scheduled with resources', pod: reqPod('p', []), nodes: [['node1', '10000', '20000'], ['node2', '10000', '20000']], existing: [['node1', { cpu: '3000', memory: '0' }], ['node1', { cpu: '3000', memory: '0' }], ['node2', { cpu: '3000', memory: '0' }], ['node2', { cpu: '3000', memory: '5000' }]], want: [70, 57] },
    { name: 'resources requested, pods scheduled with resources', pod: reqPod('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]), nodes: [['node1', '10000', '20000'], ['node2', '10000', '20000']], existing: [['node1', { cpu: '3000', memory: '0' }], ['node2', { cpu: '3000', memory: '5000' }]], want: [57, 45] },
    { name: 'resources requested, pods scheduled with resources, differently sized nodes', pod: reqPod('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]), nodes: [['node1', '10000', '20000'], ['node2', '10000', '50000']], existing: [['node1', { cpu: '3000', memory: '0' }], ['node2', { cpu: '3000', memory: '5000' }]], want: [57, 60] },
    { name: 'requested resources exceed node capacity', pod: reqPod('p', [{ cpu: '3000', memory: '0' }]), nodes: [['node1', '4000', '10000'], ['node2', '4000', '10000']], existing: [['node1', { cpu: '3000', memory: '0' }], ['node2', { cpu: '3000', memory: '5000' }]], want: [50, 25] },
    { name: 'best-effort pods count 100m / 200Mi (worked example: 5 pods on 4 CPU / 8Gi → 85)', pod: pod({ name: 'p' }), nodes: [['node1', '4', '8Gi']], existing: [0, 1, 2, 3, 4].map(() => ['node1', {}] as [string, Record<string, string>]), want: [85] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const nodes = c.nodes.map(([name, cpu, memory]) => node({ name, cpu, memory }));
      const existing = (c.existing ?? []).map(([n, r], i) => reqPod(`e${i}`, [r], { nodeName: n }));
      const scores = scoreAll(nodeResourcesFitPlugin, { nodes, existing }, c.pod);
      assert.deepEqual(c.nodes.map(([name]) => (scores as Record<string, number>)[name]), c.want);
    });
  }
});
