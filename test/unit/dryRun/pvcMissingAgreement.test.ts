import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runWorkspaceRulesOn } from '../../../server/src/language/rules/workspace/runWorkspaceRules';
import { WorkspaceIndex } from '../../../server/src/language/rules/workspace/workspaceIndex';
import { simulate } from '../../../server/src/simulator/simulate';
import { manifests } from '../simulator/yaml';

/**
 * `ref/pvc-missing` (the cross-resource rule) and the dry run (VolumeRestrictions' PreFilter:
 * `persistentvolumeclaim "<name>" not found`) must say the same thing about every claim reference:
 * both run over the same fixture (the profile's objects join the rule's index as look-ups only, as
 * the profile's policy objects do), and the claims each says are missing must be equal.
 */
const NODE = `apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}
`;
const CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;

function claim(name: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}, namespace: ${namespace}}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
}

function pod(name: string, volumes: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}}
spec: {containers: [{name: c, image: "i:1"}], volumes: ${volumes}}
`;
}

function mounts(claimName: string, volume = 'v'): string {
  return `[{name: ${volume}, persistentVolumeClaim: {claimName: ${claimName}}}]`;
}

function statefulSet(name: string, replicas: number, volumes = '[]', templates = '[{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]'): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  serviceName: ${name}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: "i:1"}], volumes: ${volumes}}
  volumeClaimTemplates: ${templates}
`;
}

const EPHEMERAL = '[{name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]';

const cases: Array<{ name: string; profile?: string[]; docs: string[]; missing: string[] }> = [
  { name: 'a claim among the manifests', docs: [claim('data'), pod('p', mounts('data'))], missing: [] },
  { name: 'no such claim anywhere', docs: [pod('p', mounts('data'))], missing: ['p:data'] },
  { name: 'a claim in another namespace does not count', docs: [claim('data', 'other'), pod('p', mounts('data'))], missing: ['p:data'] },
  { name: 'a claim of the cluster profile', profile: [claim('data')], docs: [pod('p', mounts('data'))], missing: [] },
  { name: 'a profile claim in another namespace does not count', profile: [claim('data', 'other')], docs: [pod('p', mounts('data'))], missing: ['p:data'] },
  { name: "a StatefulSet's own template volume", docs: [statefulSet('web', 2)], missing: [] },
  { name: 'a template volume listed in the pod template is replaced', docs: [statefulSet('web', 2, mounts('whatever', 'data'))], missing: [] },
  { name: 'a template name used as a claimName under another volume name', docs: [statefulSet('web', 1, mounts('data', 'other'))], missing: ['web-0:data'] },
  { name: "another pod mounts a StatefulSet's claim <template>-<set>-<ordinal>", docs: [statefulSet('web', 2), pod('p', mounts('data-web-1'))], missing: [] },
  { name: 'an ordinal the StatefulSet does not create', docs: [statefulSet('web', 2), pod('p', mounts('data-web-2'))], missing: ['p:data-web-2'] },
  { name: "a StatefulSet's claim from another namespace", docs: [statefulSet('web', 1), pod('p', mounts('data-web-0'), 'other')], missing: ['p:data-web-0'] },
  { name: "a pod's own ephemeral volume", docs: [pod('p', EPHEMERAL)], missing: [] },
  { name: "another pod mounts an ephemeral volume's claim <pod>-<volume>", docs: [pod('p', EPHEMERAL), pod('q', mounts('p-scratch'))], missing: [] },
  { name: "a StatefulSet pod's ephemeral claim <set>-<ordinal>-<volume>", docs: [statefulSet('web', 2, EPHEMERAL, '[]'), pod('q', mounts('web-1-scratch'))], missing: [] },
  { name: "an ephemeral claim's name in another namespace", docs: [pod('p', EPHEMERAL), pod('q', mounts('p-scratch'), 'other')], missing: ['q:p-scratch'] },
];

const NOT_FOUND = /persistentvolumeclaim "([^"]+)" not found/;

describe('ref/pvc-missing agrees with the dry run', () => {
  for (const c of cases) {
    it(c.name, () => {
      const profile = manifests([NODE, CLASS, ...(c.profile ?? [])].join('---\n'), 'profile.yaml');
      const inputs = manifests(c.docs.join('---\n'), 'app.yaml');

      const run = simulate(inputs, profile);
      const dryRun = run.pods
        .filter((p) => p.pod.origin === 'manifest')
        .flatMap((p) => {
          const match = NOT_FOUND.exec(p.placement.message);
          return match ? [`${p.pod.name}:${match[1]}`] : [];
        });

      const index = new WorkspaceIndex([...profile, ...inputs], undefined, (m) => m.source.file === 'app.yaml');
      const rule = runWorkspaceRulesOn(index)
        .filter((f) => f.code === 'ref/pvc-missing')
        .map((f) => {
          const object = inputs.find((m) => m.source.document === f.source.document)!.object;
          const name = /`([^`]+)`/.exec(f.message)![1];
          return `${object.metadata?.name}:${name}`;
        });

      // The dry run names the pod (`web-0`), the rule the workload (`web`): compare by workload.
      const byWorkload = (entries: string[]) => [...new Set(entries.map((e) => e.replace(/^(\w+)-\d+:/, '$1:')))].sort();
      assert.deepEqual(byWorkload(dryRun), byWorkload(c.missing), 'dry run');
      assert.deepEqual(byWorkload(rule), byWorkload(c.missing), 'ref/pvc-missing');
    });
  }
});
