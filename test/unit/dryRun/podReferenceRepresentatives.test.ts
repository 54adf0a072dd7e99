import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainServicesWithoutPods } from '../../../server/src/dryRun/serviceNoPods';
import { POD_REFERENCE_CODES, podReferenceFindings } from '../../../server/src/dryRun/podReferences';
import { WorkspaceIndex } from '../../../server/src/language/rules/workspace/workspaceIndex';
import { addClusterObject, emptyClusterObjects } from '../../../server/src/simulator/model/clusterObjects';
import { computeServices } from '../../../server/src/simulator/controllers/services';
import { readClusterProfile } from '../../../server/src/simulator/cluster/clusterProfile';
import { expandWorkloads } from '../../../server/src/simulator/workloads/expandWorkloads';
import { manifests } from '../simulator/yaml';
import { node } from '../simulator/builders';

/**
 * `drydock check` builds one pod per ReplicaSet's replicas (`representatives`); its findings must be
 * those of the editor's full dry run, counts and the example pod's name included.
 */
const deployment = (name: string, replicas: number, labels: string, ports = '[{name: http, containerPort: 8080}]', kind = 'Deployment', ns = 'default') => `
apiVersion: apps/v1
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec: {containers: [{name: c, image: nginx, ports: ${ports}}]}
---`;
const service = (name: string, selector: string, targetPort = 'http', ns = 'default') => `
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: ${selector}, ports: [{port: 80, targetPort: ${targetPort}}]}
---`;

const CASES: Array<{ name: string; yaml: string; limits?: { maxPodsPerWorkload: number; maxPodsTotal: number } }> = [
  { name: 'every selected pod names the port', yaml: deployment('web', 3, '{app: web}') + service('web', '{app: web}') },
  { name: 'one of two Deployments lacks the named port', yaml: deployment('a', 3, '{app: web}') + deployment('b', 2, '{app: web}', '[{name: other, containerPort: 81}]') + service('web', '{app: web}') },
  { name: 'no selected pod names the port', yaml: deployment('a', 4, '{app: web}', '[]') + service('web', '{app: web}') },
  { name: 'zero replicas: no pods', yaml: deployment('a', 0, '{app: web}') + service('web', '{app: web}') },
  { name: 'ReplicaSet, ReplicationController and StatefulSet together', yaml: deployment('rs', 3, '{app: web}', '[]', 'ReplicaSet') + deployment('sts', 2, '{app: web}') + service('web', '{app: web}') + service('one', '{statefulset.kubernetes.io/pod-name: sts-1}') },
  { name: 'another namespace', yaml: deployment('a', 3, '{app: web}', '[]', 'Deployment', 'shop') + service('web', '{app: web}') + service('shop', '{app: web}', 'http', 'shop') },
  {
    name: 'the limits cut the last Deployments short',
    yaml: deployment('a', 3, '{app: a}') + deployment('b', 3, '{app: b}', '[]') + deployment('c', 3, '{app: c}') + service('a', '{app: a}') + service('b', '{app: b}') + service('c', '{app: c}'),
    limits: { maxPodsPerWorkload: 10, maxPodsTotal: 4 },
  },
];

describe('pod references from representative pods', () => {
  for (const { name, yaml, limits } of CASES) {
    it(name, () => {
      const list = manifests(yaml);
      const index = new WorkspaceIndex(list);
      const options = limits ?? { maxPodsPerWorkload: 500, maxPodsTotal: 2_000 };
      const objects = emptyClusterObjects();
      const { nodes } = readClusterProfile(null, objects, { maxNodes: 5_000 });
      for (const manifest of list) addClusterObject(objects, manifest);
      const pods = expandWorkloads(list, { nodes, objects, ...options }).workloads.flatMap((workload) => workload.pods);
      const full = computeServices(list, pods).findings.filter((finding) => POD_REFERENCE_CODES.has(finding.code));
      assert.ok(full.length > 0 || name.startsWith('every'), 'a case with findings to compare');
      assert.deepEqual(podReferenceFindings(list, null, index, options), explainServicesWithoutPods(full, list, index));
    });
  }

  it('counts the replicas a representative stands for in its message', () => {
    const list = manifests(deployment('a', 3, '{app: web}') + deployment('b', 2, '{app: web}', '[]') + service('web', '{app: web}'));
    const [finding] = podReferenceFindings(list, null, new WorkspaceIndex(list));
    assert.match(finding.message, /^targetPort "http" is not a TCP container port name of 2 of the 5 selected pods \(e\.g\. default\/b-\w+-\w{5}\)/);
  });

  it('builds one pod per ReplicaSet, counted as all its replicas toward the limits', () => {
    const list = manifests(deployment('a', 3, '{app: a}') + deployment('b', 3, '{app: b}') + deployment('sts', 2, '{app: s}', '[]', 'StatefulSet'));
    const expansion = expandWorkloads(list, { nodes: [node({ name: 'n1' })], objects: emptyClusterObjects(), maxPodsPerWorkload: 10, maxPodsTotal: 5, representatives: true });
    assert.deepEqual(
      expansion.workloads.map((workload) => [workload.name, workload.pods.length, workload.replicasPerPod]),
      [['a', 1, 3], ['b', 1, 2], ['sts', 0, undefined]],
    );
    assert.deepEqual(expansion.findings.map((finding) => finding.code), ['sim/too-many-pods', 'sim/too-many-pods']);
  });
});
