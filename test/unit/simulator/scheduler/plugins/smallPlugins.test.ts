import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { balancedAllocationPlugin } from '../../../../../server/src/simulator/scheduler/plugins/balancedAllocation';
import { imageLocalityPlugin } from '../../../../../server/src/simulator/scheduler/plugins/imageLocality';
import { nodeNamePlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodeName';
import { nodePortsPlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodePorts';
import { nodeUnschedulablePlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodeUnschedulable';
import { node, pod } from '../../builders';
import { filterAll, scoreAll } from '../harness';

const MB = 1024 * 1024;
const withRequests = (name: string, requests: Array<Record<string, string>>, nodeName?: string) =>
  pod({ name, nodeName, containers: requests.map((r, i) => ({ name: `c${i}`, resources: { requests: r } })) });

describe('NodeResourcesBalancedAllocation (upstream balanced_allocation_test)', () => {
  const cpuAndMemory = [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }];
  const cpuOnly = [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }];
  const cases = [
    { name: 'nothing scheduled, resources requested, differently sized machines', nodes: [['machine1', '4000m', '10000'], ['machine2', '6000m', '10000']], existing: [], want: { machine1: 87, machine2: 100 } },
    { name: 'resources requested, pods scheduled with resources', nodes: [['machine1', '10000m', '20000'], ['machine2', '10000m', '20000']], existing: [[cpuOnly, 'machine1'], [cpuAndMemory, 'machine2']], want: { machine1: 82, machine2: 95 } },
    { name: 'resources requested, pods scheduled with resources, differently sized machines', nodes: [['machine1', '10000m', '20000'], ['machine2', '10000m', '50000']], existing: [[cpuOnly, 'machine1'], [cpuAndMemory, 'machine2']], want: { machine1: 82, machine2: 80 } },
    { name: 'requested resources exceed node capacity', nodes: [['machine1', '4000m', '10000'], ['machine2', '4000m', '10000']], existing: [[cpuOnly, 'machine1'], [cpuAndMemory, 'machine2']], want: { machine1: 50, machine2: 75 }, incoming: cpuOnly },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const nodes = c.nodes.map(([name, cpu, memory]) => node({ name, cpu, memory }));
      const existing = c.existing.map(([r, n], i) => withRequests(`e${i}`, [...r], n));
      const incoming = 'incoming' in c ? c.incoming : cpuAndMemory;
      assert.deepEqual(scoreAll(balancedAllocationPlugin, { nodes, existing }, withRequests('p', [...incoming])), c.want);
    });
  }
  it('a best-effort pod is skipped (1.33+)', () => {
    assert.equal(scoreAll(balancedAllocationPlugin, { nodes: [node({ name: 'a' })] }, pod()), 'skip');
  });
});

describe('ImageLocality (upstream image_locality_test)', () => {
  const node1 = node({ name: 'node1', images: [{ names: ['gcr.io/40:latest'], sizeBytes: 40 * MB }, { names: ['gcr.io/300:latest'], sizeBytes: 300 * MB }, { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * MB }] });
  const node2 = node({ name: 'node2', images: [{ names: ['gcr.io/250:latest'], sizeBytes: 250 * MB }, { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * MB }] });
  const withImages = (...images: string[]) => pod({ containers: images.map((image, i) => ({ name: `c${i}`, image })) });
  const cases = [
    { name: 'two images spread on two nodes, prefer the larger image one', pod: withImages('gcr.io/40', 'gcr.io/250'), want: { node1: 0, node2: 5 } },
    { name: 'two images on one node, prefer this node', pod: withImages('gcr.io/40', 'gcr.io/300'), want: { node1: 7, node2: 0 } },
    { name: 'a tagged name matches exactly', pod: withImages('gcr.io/10:v1'), want: { node1: 0, node2: 0 } },
    { name: 'an untagged name is compared with :latest, not with another registry spelling', pod: withImages('docker.io/gcr.io/250'), want: { node1: 0, node2: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(scoreAll(imageLocalityPlugin, { nodes: [node1, node2] }, c.pod), c.want));
  }
  it('worked example: 500 MiB image on one of two nodes → 23', () => {
    const a = node({ name: 'node-a', images: [{ names: ['registry.example.com/app:1.0'], sizeBytes: 500 * MB }] });
    assert.deepEqual(scoreAll(imageLocalityPlugin, { nodes: [a, node({ name: 'node-b' })] }, pod({ image: 'registry.example.com/app:1.0' })), { 'node-a': 23, 'node-b': 0 });
  });
});

describe('NodePorts', () => {
  const withPort = (name: string, port: Record<string, unknown>, nodeName?: string) => pod({ name, nodeName, containers: [{ name: 'c', ports: [port as never] }] });
  const cases = [
    { name: 'a free port', used: { containerPort: 80, hostPort: 8080 }, wanted: { containerPort: 80, hostPort: 8081 }, want: null },
    { name: 'the same port and protocol', used: { containerPort: 80, hostPort: 8080 }, wanted: { containerPort: 80, hostPort: 8080 }, want: "node(s) didn't have free ports for the requested pod ports" },
    { name: 'another protocol', used: { containerPort: 80, hostPort: 8080, protocol: 'UDP' }, wanted: { containerPort: 80, hostPort: 8080 }, want: null },
    { name: 'different host IPs', used: { containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1' }, wanted: { containerPort: 80, hostPort: 8080, hostIP: '127.0.0.2' }, want: null },
    { name: '0.0.0.0 conflicts with every IP', used: { containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1' }, wanted: { containerPort: 80, hostPort: 8080 }, want: "node(s) didn't have free ports for the requested pod ports" },
    { name: 'a containerPort alone takes no host port', used: { containerPort: 8080 }, wanted: { containerPort: 80, hostPort: 8080 }, want: null },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(filterAll(nodePortsPlugin, { nodes: [node({ name: 'n' })], existing: [withPort('e', c.used, 'n')] }, withPort('p', c.wanted)).n, c.want));
  }
  it('hostNetwork pods use their containerPorts on the host', () => {
    const existing = pod({ name: 'e', nodeName: 'n', spec: { hostNetwork: true }, containers: [{ name: 'c', ports: [{ containerPort: 9100 }] }] });
    assert.equal(filterAll(nodePortsPlugin, { nodes: [node({ name: 'n' })], existing: [existing] }, withPort('p', { containerPort: 1, hostPort: 9100 })).n, "node(s) didn't have free ports for the requested pod ports");
  });
});

describe('NodeUnschedulable and NodeName', () => {
  it('a cordoned node rejects pods', () => {
    assert.equal(filterAll(nodeUnschedulablePlugin, { nodes: [node({ name: 'n', unschedulable: true })] }, pod()).n, 'node(s) were unschedulable');
  });
  it('unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const tolerant = pod({ spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } });
    assert.equal(filterAll(nodeUnschedulablePlugin, { nodes: [node({ name: 'n', unschedulable: true })] }, tolerant).n, null);
  });
  it('NodeName fits only the named node', () => {
    const named = pod({ spec: { nodeName: 'b' } });
    assert.deepEqual(filterAll(nodeNamePlugin, { nodes: [node({ name: 'a' }), node({ name: 'b' })] }, named), { a: "node(s) didn't match the requested node name", b: null });
  });
});
