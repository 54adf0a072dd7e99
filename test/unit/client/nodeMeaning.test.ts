import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PreviewModel, PreviewNode, PreviewPod } from '../../../server/src/protocol/preview';
import { formatInSharedUnit, formatUsage } from '../../../client/webview/format';
import { nodeResources } from '../../../client/webview/nodeResources';
import { colourPods } from '../../../client/webview/podColours';

describe('formatUsage: requested / allocatable in one unit, named', () => {
  const cases: Array<[resource: string, requested: number, allocatable: number, expected: string]> = [
    ['cpu', 650, 1930, '0.65 / 1.93 CPU'],
    ['cpu', 3750, 4000, '3.75 / 4 CPU'],
    ['cpu', 0, 500, '0 / 0.5 CPU'],
    ['cpu', 5, 4000, '0.005 / 4 CPU'],
    ['memory', 9 * 1024 ** 3, 16 * 1024 ** 3, '9 / 16 Gi memory'],
    ['memory', 64 * 1024 ** 2, 7 * 1024 ** 3, '0.06 / 7 Gi memory'],
    ['memory', 64 * 1024 ** 2, 512 * 1024 ** 2, '64 / 512 Mi memory'],
    ['memory', 0, 0, '0 / 0 bytes memory'],
    ['ephemeral-storage', 0, 95551679124, '0 / 88.99 Gi ephemeral-storage'],
    ['hugepages-2Mi', 2 * 1024 ** 2, 1024 ** 3, '0.002 / 1 Gi hugepages-2Mi'],
    ['pods', 3, 110, '3 / 110 pods'],
    ['nvidia.com/gpu', 1, 1, '1 / 1 nvidia.com/gpu'],
    ['nvidia.com/gpu', 2, 0, '2 / 0 nvidia.com/gpu'],
  ];
  for (const [resource, requested, allocatable, expected] of cases) {
    it(`${resource} ${requested} of ${allocatable} → ${expected}`, () => assert.equal(formatUsage(resource, requested, allocatable), expected));
  }
});

describe('formatInSharedUnit: every amount in the unit of the largest', () => {
  const cases: Array<[resource: string, amounts: number[], expected: string[]]> = [
    ['cpu', [650, 1930], ['0.65 CPU', '1.93 CPU']],
    ['memory', [1536 * 1024 ** 2, 14 * 1024 ** 3], ['1.5 Gi', '14 Gi']],
    ['memory', [256 * 1024 ** 2], ['256 Mi']],
    ['pods', [1, 110], ['1', '110']],
  ];
  for (const [resource, amounts, expected] of cases) {
    it(`${resource} ${amounts.join(', ')}`, () => assert.deepEqual(formatInSharedUnit(resource, amounts), expected));
  }
});

const node = (allocatable: Record<string, number>, requested: Record<string, number> = {}, source: PreviewNode['source'] = null): PreviewNode =>
  ({ name: 'n', labels: {}, taints: [], allocatable, requested, source });

describe('nodeResources: cpu, memory, pods first, then every other resource allocatable or requested, by name', () => {
  const cases: Array<[name: string, node: PreviewNode, expected: string[]]> = [
    ['the three always', node({}), ['cpu', 'memory', 'pods']],
    ['extended and ephemeral', node({ cpu: 1, 'nvidia.com/gpu': 1, 'ephemeral-storage': 1, memory: 1, pods: 1 }), ['cpu', 'memory', 'pods', 'ephemeral-storage', 'nvidia.com/gpu']],
    ['requested but not allocatable', node({ cpu: 1 }, { 'example.com/fpga': 1 }), ['cpu', 'memory', 'pods', 'example.com/fpga']],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(nodeResources(input), expected));
});

const pod = (namespace: string, name: string, uri = 'file:///w/app.yaml'): PreviewPod =>
  ({ namespace, name, owner: null, node: 'n', status: 'Scheduled', message: '', filters: {}, scores: {}, source: { uri, line: 0 } });
const model = (pods: PreviewPod[]): PreviewModel => ({
  source: { uri: null, scope: 'workspace' },
  kubernetesVersion: '1.36',
  simulation: { nodes: [node({}, {}, { uri: 'file:///w/cluster.yaml', line: 0 })], pods, services: [], diagnostics: [] },
});

describe('colourPods: user namespaces take the charts palette in name order; the cluster\'s own pods are system', () => {
  const cases: Array<{ name: string; pods: PreviewPod[]; colours: string[]; legend: string[] }> = [
    {
      name: 'namespaces by name, kube-system and the profile\'s pods are system',
      pods: [pod('shop', 'a'), pod('data', 'b'), pod('kube-system', 'dns'), pod('data', 'pg', 'file:///w/cluster.yaml')],
      colours: ['green', 'blue', 'system', 'system'],
      legend: ['blue data 1', 'green shop 1', "system system 2 kube-system and the cluster profile's pods"],
    },
    {
      name: 'past six namespaces, the rest share "other"',
      pods: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((ns) => pod(ns, 'p')),
      colours: ['blue', 'green', 'purple', 'orange', 'yellow', 'red', 'other', 'other'],
      legend: ['blue a 1', 'green b 1', 'purple c 1', 'orange d 1', 'yellow e 1', 'red f 1', 'other other namespaces 2 namespaces g, h'],
    },
    {
      name: 'only the profile\'s pods',
      pods: [pod('data', 'pg', 'file:///w/cluster.yaml')],
      colours: ['system'],
      legend: ["system system 1 the cluster profile's pods"],
    },
  ];
  for (const { name, pods, colours, legend } of cases) {
    it(name, () => {
      const colouring = colourPods(model(pods));
      assert.deepEqual(pods.map(colouring.colourOf), colours);
      assert.deepEqual(colouring.legend.map((e) => [e.colour, e.label, e.pods, ...(e.covers.startsWith('namespace ') ? [] : [e.covers])].join(' ')), legend);
    });
  }
});
