import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../../../server/src/simulator/simulate';
import { manifests } from './yaml';

const cluster = manifests(`
apiVersion: v1
kind: List
items:
${['a', 'b', 'c'].map((zone, i) => `- apiVersion: v1
  kind: Node
  metadata: {name: node-${zone}, labels: {kubernetes.io/hostname: node-${zone}, topology.kubernetes.io/zone: zone-${zone}}}
  status: {allocatable: {cpu: "${i === 2 ? 1 : 4}", memory: 8Gi, pods: "110"}}`).join('\n')}
`, 'cluster.yaml');

const deployment = (name: string, replicas: number, extra = '', cpu = '500m') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: nginx
        resources: {requests: {cpu: ${cpu}, memory: 256Mi}}${extra}
`;

describe('simulate', () => {
  it('anti-affinity across zones: one replica per zone, the fourth Pending with a finding on the term', () => {
    const anti = `
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: web}}
            topologyKey: topology.kubernetes.io/zone`;
    const result = simulate(manifests(deployment('web', 4, anti)), cluster);
    const placed = result.pods.map((p) => p.placement.node);
    assert.equal(new Set(placed.filter(Boolean)).size, 3);
    assert.equal(placed.filter((n) => n === null).length, 1);
    const finding = result.findings.find((f) => f.code === 'sim/unschedulable')!;
    // The subject, the lead sentence (the cause in plain words), then the scheduler's message verbatim.
    assert.match(finding.message, /^1 of 4 pods of Deployment web \(web-\S+\) cannot be scheduled: every zone already runs a `web` pod \(required anti-affinity on topology\.kubernetes\.io\/zone\) - add a node in another zone, or make the anti-affinity preferred\. 0\/3 nodes are available: 3 node\(s\) didn't match pod anti-affinity rules\./);
    const pendingPod = result.pods.find((p) => p.placement.status === 'Pending')!;
    assert.equal(finding.message.endsWith(` ${pendingPod.placement.message}`), true, 'the upstream message stays whole at the end');
    assert.equal(pendingPod.lead, 'every zone already runs a `web` pod (required anti-affinity on topology.kubernetes.io/zone) - add a node in another zone, or make the anti-affinity preferred');
    assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution']);
    assert.equal(finding.severity, 'warning');
  });
  it('a pod that cannot fit: finding on its cpu request', () => {
    const result = simulate(manifests(deployment('big', 2, '', '3')), cluster);
    const pending = result.pods.filter((p) => p.placement.status === 'Pending');
    assert.equal(pending.length, 0, 'two 3-cpu pods fit on the two 4-cpu nodes');
    const more = simulate(manifests(deployment('big', 3, '', '3')), cluster);
    const finding = more.findings.find((f) => f.code === 'sim/unschedulable')!;
    assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu']);
    assert.match(finding.message, /3 Insufficient cpu/);
    assert.match(finding.message, /^1 of 3 pods of Deployment big \(big-\S+\) cannot be scheduled: asks 3 CPU; the most free on any node is 1 CPU \(node-a: 4 CPU allocatable\) - lower the request to at most 1 CPU\. 0\/3 nodes are available: /);
  });
  it('higher priority is scheduled first, then document order', () => {
    const result = simulate(manifests(`
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 100
---
${deployment('low', 1, '', '3')}
---
${deployment('high', 1, `
      priorityClassName: high`, '3')}
`), manifests(`
apiVersion: v1
kind: Node
metadata: {name: only}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}
`, 'cluster.yaml'));
    const byName = Object.fromEntries(result.pods.map((p) => [p.pod.workload?.name, p.placement.status]));
    assert.deepEqual(byName, { low: 'Pending', high: 'Scheduled' });
  });
  it('running pods of the profile occupy their node; a terminal phase does not', () => {
    const profile = manifests(`
apiVersion: v1
kind: Node
metadata: {name: only}
status: {allocatable: {cpu: "2", memory: 8Gi, pods: "10"}}
---
apiVersion: v1
kind: Pod
metadata: {name: busy}
spec: {nodeName: only, containers: [{name: c, resources: {requests: {cpu: "2"}}}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: finished}
spec: {nodeName: only, containers: [{name: c, resources: {requests: {cpu: "2"}}}]}
status: {phase: Failed}
`, 'cluster.yaml');
    const result = simulate(manifests(deployment('web', 1, '', '1')), profile);
    assert.deepEqual(result.pods.map((p) => [p.pod.key, p.placement.status]), [['default/busy', 'Bound'], [result.pods[1].pod.key, 'Pending']]);
    assert.equal(result.nodes[0].requested.cpu, 2000);
    assert.equal(result.nodes[0].requested.pods, 1);
  });
  it('gated pods and pods for another scheduler stay Pending with information findings', () => {
    const result = simulate(manifests(`
apiVersion: v1
kind: Pod
metadata: {name: gated}
spec: {schedulingGates: [{name: example.com/quota}], containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: custom}
spec: {schedulerName: my-scheduler, containers: [{name: c}]}
`), cluster);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity]), [['sim/pending-gated', 'information'], ['sim/other-scheduler', 'information']]);
  });
  it('StatefulSet OrderedReady: after a Pending pod the later ordinals are not created', () => {
    const result = simulate(manifests(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 4
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: c, resources: {requests: {cpu: "3"}}}]
`), cluster);
    assert.deepEqual(result.pods.map((p) => [p.pod.name, p.placement.status]), [['db-0', 'Scheduled'], ['db-1', 'Scheduled'], ['db-2', 'Pending']]);
    assert.ok(result.findings.some((f) => f.code === 'sim/not-created' && f.message.startsWith('db-3 is not created')));
  });
  it('without a profile the embedded default cluster is used', () => {
    const result = simulate(manifests(deployment('web', 2)), null);
    assert.equal(result.defaultCluster, true);
    assert.equal(result.nodes.length, 6);
    assert.ok(result.pods.filter((p) => p.pod.origin === 'manifest').every((p) => p.placement.status === 'Scheduled'));
  });
  it('preemption: a higher-priority pod evicts a running lower-priority one, whose replacement is scheduled again', () => {
    const profile = manifests(`
apiVersion: v1
kind: Node
metadata: {name: only}
status: {allocatable: {cpu: "2", memory: 8Gi, pods: "10"}}
---
apiVersion: v1
kind: Pod
metadata: {name: low, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: low-1, controller: true, uid: x}]}
spec: {nodeName: only, priority: 0, containers: [{name: c, resources: {requests: {cpu: "2"}}}]}
status: {phase: Running}
`, 'cluster.yaml');
    const result = simulate(manifests(`
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: v1
kind: Pod
metadata: {name: urgent}
spec: {priorityClassName: high, containers: [{name: c, resources: {requests: {cpu: "1"}}}]}
`), profile);
    assert.deepEqual(result.pods.map((p) => [p.pod.name, p.placement.status, p.placement.node]), [['low', 'Pending', null], ['urgent', 'Scheduled', 'only']]);
    assert.deepEqual(result.findings.map((f) => f.code), ['sim/preempted', 'sim/unschedulable']);
  });
  it('is deterministic', () => {
    const run = () => simulate(manifests(deployment('web', 5)), cluster).pods.map((p) => `${p.pod.name}@${p.placement.node}`);
    assert.deepEqual(run(), run());
  });
  it('absurd replicas are capped and reported instead of hanging', () => {
    const result = simulate(manifests(deployment('huge', 1_000_000_000)), cluster, { maxPodsPerWorkload: 20 });
    assert.equal(result.pods.length, 20);
    assert.ok(result.findings.some((f) => f.code === 'sim/too-many-pods'));
  });
});
