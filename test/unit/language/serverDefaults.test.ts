import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from '../../helpers/validate';

/**
 * What the API server fills in before validation (the SetDefaults_* functions of the built-in groups),
 * or accepts at its zero value, is not a missing required field, whatever the OpenAPI `required` list
 * of the release says. Every case is checked at every supported version.
 */
const VERSIONS = ['1.32', '1.34', '1.36'];

const accepted: Array<{ name: string; text: string }> = [
  {
    name: 'RoleBinding roleRef without apiGroup (SetDefaults_RoleBinding fills rbac.authorization.k8s.io)',
    text: yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'metadata: {name: b, namespace: default}', 'roleRef: {kind: Role, name: r}', 'subjects: [{kind: ServiceAccount, name: s, namespace: default}]'),
  },
  {
    name: 'ClusterRoleBinding roleRef without apiGroup (SetDefaults_ClusterRoleBinding)',
    text: yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata: {name: b}', 'roleRef: {kind: ClusterRole, name: r}', 'subjects: [{kind: User, name: u}]'),
  },
  {
    name: 'Job podFailurePolicy onPodConditions without status (SetDefaults_PodFailurePolicyOnPodConditionsPattern: True)',
    text: yaml(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: j}',
      'spec:',
      '  podFailurePolicy: {rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]}',
      '  template: {spec: {restartPolicy: Never, containers: [{name: c, image: "i:1"}]}}',
    ),
  },
  {
    name: 'StatefulSet without serviceName (not validated; optional since the 1.34 OpenAPI)',
    text: yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: s}', 'spec:', '  selector: {matchLabels: {app: s}}', '  template: {metadata: {labels: {app: s}}, spec: {containers: [{name: c, image: "i:1"}]}}'),
  },
  {
    name: 'NetworkPolicy without podSelector (the empty selector: every pod of the namespace)',
    text: yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec: {policyTypes: [Ingress]}'),
  },
  { name: 'PriorityClass without value (0)', text: yaml('apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata: {name: p}') },
];

for (const c of accepted) {
  for (const version of VERSIONS) {
    test(`server defaults, ${version}: ${c.name}`, () => {
      assert.deepEqual(check(c.text, version).filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`), []);
    });
  }
}

test('server defaults: what is not defaulted is still required (RoleRef.kind)', () => {
  const text = yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'metadata: {name: b}', 'roleRef: {apiGroup: rbac.authorization.k8s.io, name: r}');
  for (const version of VERSIONS) assert.deepEqual(check(text, version).map((f) => f.message), ['Missing required field `kind` in RoleRef.']);
});
