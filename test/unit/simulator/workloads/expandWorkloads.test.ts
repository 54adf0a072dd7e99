import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addClusterObject, emptyClusterObjects } from '../../../../server/src/simulator/model/clusterObjects';
import { expandWorkloads } from '../../../../server/src/simulator/workloads/expandWorkloads';
import { node } from '../builders';
import { manifests } from '../yaml';

function expand(text: string, options: { nodes?: ReturnType<typeof node>[]; maxPodsPerWorkload?: number; maxPodsTotal?: number } = {}) {
  const objects = emptyClusterObjects();
  const list = manifests(text);
  for (const m of list) addClusterObject(objects, m);
  return expandWorkloads(list, { nodes: options.nodes ?? [node({ name: 'n1' })], objects, maxPodsPerWorkload: options.maxPodsPerWorkload ?? 10_000, maxPodsTotal: options.maxPodsTotal ?? 100_000 });
}

const template = (extra = '') => `
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]${extra}`;

describe('Deployment', () => {
  const result = expand(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
${template()}
`);
  const [workload] = result.workloads;
  it('expands to its replicas, owned by the ReplicaSet <name>-<pod-template-hash>', () => {
    assert.equal(workload.pods.length, 3);
    const hash = workload.pods[0].labels['pod-template-hash'];
    assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    for (const pod of workload.pods) {
      assert.equal(pod.namespace, 'shop');
      assert.deepEqual(pod.owner, { kind: 'ReplicaSet', name: `web-${hash}` });
      assert.deepEqual(pod.workload, { kind: 'Deployment', name: 'web' });
      assert.match(pod.name, new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      assert.deepEqual(pod.ownerSelector, { matchLabels: { app: 'web', 'pod-template-hash': hash } });
      assert.deepEqual(pod.specPath, ['spec', 'template', 'spec']);
    }
    assert.equal(new Set(workload.pods.map((p) => p.name)).size, 3);
  });
  it('the replicas share one spec object (compiled once by the scheduler)', () => {
    assert.ok(workload.pods.every((p) => p.spec === workload.pods[0].spec));
  });
  it('names are deterministic', () => {
    const again = expand(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
${template()}
`);
    assert.deepEqual(again.workloads[0].pods.map((p) => p.name), workload.pods.map((p) => p.name));
  });
});

describe('StatefulSet, Job, ReplicaSet, Pod', () => {
  it('StatefulSet: ordinal names, pod-name and pod-index labels, OrderedReady by default', () => {
    const [sts] = expand(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
${template()}
`).workloads;
    assert.deepEqual(sts.pods.map((p) => p.name), ['db-0', 'db-1']);
    assert.equal(sts.pods[1].labels['statefulset.kubernetes.io/pod-name'], 'db-1');
    assert.equal(sts.pods[1].labels['apps.kubernetes.io/pod-index'], '1');
    assert.equal(sts.orderedReady, true);
  });
  it('Job: parallelism pods, at most completions; suspended: none', () => {
    const jobs = expand(`
apiVersion: batch/v1
kind: Job
metadata: {name: a}
spec:
  parallelism: 4
  completions: 2
${template()}
---
apiVersion: batch/v1
kind: Job
metadata: {name: b}
spec:
  suspend: true
${template()}
`).workloads;
    assert.deepEqual(jobs.map((j) => j.pods.length), [2, 0]);
    assert.equal(jobs[0].pods[0].labels['batch.kubernetes.io/job-name'], 'a');
  });
  it('ReplicaSet and a bare Pod with generateName', () => {
    const result = expand(`
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  selector: {matchLabels: {app: web}}
${template()}
---
apiVersion: v1
kind: Pod
metadata: {generateName: job-}
spec:
  containers: [{name: c, image: x}]
`);
    assert.equal(result.workloads[0].pods.length, 1);
    assert.deepEqual(result.workloads[0].pods[0].owner, { kind: 'ReplicaSet', name: 'rs' });
    assert.match(result.workloads[1].pods[0].name, /^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('DaemonSet', () => {
  const nodes = [node({ name: 'n1' }), node({ name: 'cp', taints: [{ key: 'node-role.kubernetes.io/control-plane' }] }), node({ name: 'gpu', labels: { gpu: 'yes' } })];
  it('one pod per eligible node, pinned to it by node affinity, with the daemon tolerations', () => {
    const [ds] = expand(`
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: web}}
${template()}
`, { nodes }).workloads;
    assert.equal(ds.pods.length, 2);
    const pinned = ds.pods.map((p) => (p.spec.affinity as any).nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]);
    assert.deepEqual(pinned, ['n1', 'gpu']);
    const keys = (ds.pods[0].spec.tolerations ?? []).map((t) => `${t.key}:${t.effect}`);
    assert.ok(keys.includes('node.kubernetes.io/unschedulable:NoSchedule'));
    assert.ok(keys.includes('node.kubernetes.io/not-ready:NoExecute'));
  });
  it('nodeSelector limits the nodes; a toleration opens tainted ones', () => {
    const [selected, tolerant] = expand(`
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: a}
spec:
  selector: {matchLabels: {app: web}}
${template(`
      nodeSelector: {gpu: "yes"}`)}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: b}
spec:
  selector: {matchLabels: {app: web}}
${template(`
      tolerations: [{operator: Exists}]`)}
`, { nodes }).workloads;
    assert.equal(selected.pods.length, 1);
    assert.equal(tolerant.pods.length, 3);
  });
});

describe('admission and limits', () => {
  it('priorityClassName resolves to the class value; globalDefault applies otherwise', () => {
    const result = expand(`
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: default}
value: 10
globalDefault: true
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {priorityClassName: high, containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec: {containers: [{name: c}]}
`);
    assert.deepEqual(result.workloads.map((w) => w.pods[0].priority), [1000, 10]);
  });
  it('an unknown PriorityClass rejects the pods (error finding, no pods)', () => {
    const result = expand(`
apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {priorityClassName: missing, containers: [{name: c}]}
`);
    assert.equal(result.workloads.length, 0);
    assert.equal(result.findings[0].code, 'sim/admission-rejected');
    assert.equal(result.findings[0].severity, 'error');
    assert.deepEqual(result.findings[0].path, ['spec', 'priorityClassName']);
  });
  it('RuntimeClass adds overhead, nodeSelector and tolerations', () => {
    const result = expand(`
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: kata}
handler: kata
overhead: {podFixed: {cpu: 250m}}
scheduling: {nodeSelector: {runtime: kata}, tolerations: [{key: kata, operator: Exists}]}
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {runtimeClassName: kata, containers: [{name: c}]}
`);
    const spec = result.workloads[0].pods[0].spec;
    assert.deepEqual(spec.overhead, { cpu: '250m' });
    assert.deepEqual(spec.nodeSelector, { runtime: 'kata' });
    assert.equal(spec.tolerations?.length, 1);
  });
  it('replicas: 1000000000 is capped with a finding on spec.replicas', () => {
    const result = expand(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: huge}
spec:
  replicas: 1000000000
  selector: {matchLabels: {app: web}}
${template()}
`, { maxPodsPerWorkload: 50 });
    assert.equal(result.workloads[0].pods.length, 50);
    assert.equal(result.findings[0].code, 'sim/too-many-pods');
    assert.deepEqual(result.findings[0].path, ['spec', 'replicas']);
  });
  it('the total limit applies across workloads', () => {
    const one = (name: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 30
  selector: {matchLabels: {app: web}}
${template()}`;
    const result = expand(`${one('a')}\n---\n${one('b')}`, { maxPodsTotal: 40 });
    assert.deepEqual(result.workloads.map((w) => w.pods.length), [30, 10]);
  });
});
