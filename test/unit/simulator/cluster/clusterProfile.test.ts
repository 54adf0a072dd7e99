import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readClusterProfile } from '../../../../server/src/simulator/cluster/clusterProfile';
import { emptyClusterObjects } from '../../../../server/src/simulator/model/clusterObjects';
import { manifests } from '../yaml';

const profile = (text: string, maxNodes = 100) => readClusterProfile(manifests(text, 'cluster.yaml'), emptyClusterObjects(), { maxNodes });

describe('cluster profile', () => {
  it('reads a List of Nodes as kubectl prints it', () => {
    const result = profile(`
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: a, labels: {topology.kubernetes.io/zone: z1}}
  spec: {taints: [{key: dedicated, value: db, effect: NoSchedule}]}
  status:
    allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
    images: [{names: [nginx:1.27], sizeBytes: 70000000}]
- apiVersion: v1
  kind: Node
  metadata: {name: b}
  spec: {unschedulable: true}
  status: {capacity: {cpu: "2", memory: 4Gi, pods: "20"}}
`);
    assert.deepEqual(result.nodes.map((n) => n.name), ['a', 'b']);
    assert.equal(result.nodes[0].allocatable.cpu, 3920);
    assert.deepEqual(result.nodes[0].taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    assert.equal(result.nodes[0].images[0].names[0], 'nginx:1.27');
    assert.equal(result.nodes[1].allocatable.pods, 20, 'capacity stands in for a missing allocatable');
    assert.equal(result.nodes[1].unschedulable, true);
    assert.deepEqual(result.nodes[0].source, { file: 'cluster.yaml', document: 0, path: ['items', 0] });
    assert.equal(result.findings.length, 0);
  });
  it('running pods are kept, finished ones dropped; phase and readiness are read', () => {
    const result = profile(`
apiVersion: v1
kind: Node
metadata: {name: a}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: running, namespace: prod, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, controller: true}]}
spec: {nodeName: a, containers: [{name: c}]}
status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec: {nodeName: a, containers: [{name: c}]}
status: {phase: Succeeded}
`);
    assert.deepEqual(result.pods.map((p) => p.key), ['prod/running']);
    assert.equal(result.pods[0].ready, false);
    assert.deepEqual(result.pods[0].owner, { kind: 'ReplicaSet', name: 'web-1' });
  });
  it('a node without allocatable pods gets a warning on its status', () => {
    const result = profile(`
apiVersion: v1
kind: Node
metadata: {name: a}
status: {allocatable: {cpu: "4"}}
`);
    assert.equal(result.findings[0].code, 'sim/node-without-allocatable');
    assert.deepEqual(result.findings[0].path, ['status', 'allocatable']);
  });
  it('duplicate nodes and the node limit are reported', () => {
    const node = (name: string) => `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus: {allocatable: {pods: "1"}}\n`;
    const result = profile([node('a'), node('a'), node('b'), node('c')].join('---\n'), 2);
    assert.deepEqual(result.nodes.map((n) => n.name), ['a', 'b']);
    assert.deepEqual(result.findings.map((f) => f.code), ['sim/duplicate-object', 'sim/too-many-nodes']);
  });
  it('no profile: the embedded default cluster (6 nodes in 3 zones, a tainted control plane)', () => {
    const result = readClusterProfile(null, emptyClusterObjects(), { maxNodes: 100 });
    assert.equal(result.isDefault, true);
    assert.equal(result.nodes.length, 6);
    assert.equal(new Set(result.nodes.map((n) => n.labels['topology.kubernetes.io/zone'])).size, 3);
    assert.deepEqual(result.nodes[0].taints, [{ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' }]);
    assert.ok(result.pods.length > 0);
    assert.equal(result.findings.length, 0);
  });
});
