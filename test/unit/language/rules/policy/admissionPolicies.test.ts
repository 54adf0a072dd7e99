import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestsOf } from '../../../../../server/src/language/manifests';
import { parseFile } from '../../../../../server/src/language/parse/parseFile';
import { runWorkspaceRules, runWorkspaceRulesOn } from '../../../../../server/src/language/rules/workspace/runWorkspaceRules';
import { clusterPolicyObjects } from '../../../../../server/src/language/rules/workspace/policy/clusterPolicyObjects';
import { WorkspaceIndex } from '../../../../../server/src/language/rules/workspace/workspaceIndex';

/**
 * ValidatingAdmissionPolicies over the manifests, after the examples of the Kubernetes documentation
 * (replica limits, params, namespace selectors, variables, messageExpression, audit annotations,
 * match conditions), as our own fixtures.
 */
const lines = (...l: string[]) => l.join('\n') + '\n';
const docs = (...d: string[]) => d.join('---\n');

const policy = (name: string, spec: string[]) => lines('apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicy', `metadata: {name: ${name}}`, 'spec:', ...spec.map((l) => `  ${l}`));
const binding = (name: string, policyName: string, spec: string[] = [], actions = '[Deny]') =>
  lines('apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicyBinding', `metadata: {name: ${name}}`, 'spec:', `  policyName: ${policyName}`, `  validationActions: ${actions}`, ...spec.map((l) => `  ${l}`));
const deployments = ['matchConstraints:', '  resourceRules:', '  - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}'];
const deployment = (name: string, replicas: number, namespace = 'default', labels = '{app: web}', image = 'example.com/web:1') =>
  lines('apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}`, 'spec:', `  replicas: ${replicas}`, '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', `    spec: {containers: [{name: web, image: "${image}"}]}`);
const namespace = (name: string, labels: string) => lines('apiVersion: v1', 'kind: Namespace', `metadata: {name: ${name}, labels: ${labels}}`);

const demoPolicy = policy('demo-policy.example.com', ['failurePolicy: Fail', ...deployments, 'validations:', '- expression: "object.spec.replicas <= 5"']);
const testNamespaces = ['matchResources:', '  namespaceSelector: {matchLabels: {environment: test}}'];
const replicaLimit = policy('replicalimit-policy.example.com', [
  'paramKind: {apiVersion: rules.example.com/v1, kind: ReplicaLimit}',
  ...deployments,
  'validations:',
  '- expression: "object.spec.replicas <= params.maxReplicas"',
  "  messageExpression: \"'object.spec.replicas must be no greater than ' + string(params.maxReplicas)\"",
  '  reason: Invalid',
]);
const limit = (name: string, max: number, namespace = 'default', labels = '{}') => lines('apiVersion: rules.example.com/v1', 'kind: ReplicaLimit', `metadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}`, `maxReplicas: ${max}`);
const paramRef = (ref: string) => [`paramRef: ${ref}`];

interface Case {
  name: string;
  text: string;
  /** `severity code message` of each finding on the Deployments, in order. */
  expect: string[];
}

const FAILED = 'error policy/demo-policy.example.com failed expression: object.spec.replicas <= 5';
const cases: Case[] = [
  { name: 'a Deny binding rejects an object over the limit', text: docs(demoPolicy, binding('demo-binding', 'demo-policy.example.com'), deployment('big', 6)), expect: [FAILED] },
  { name: 'an object within the limit passes', text: docs(demoPolicy, binding('demo-binding', 'demo-policy.example.com'), deployment('small', 5)), expect: [] },
  { name: 'a policy without a binding does nothing', text: docs(demoPolicy, deployment('big', 6)), expect: [] },
  { name: 'a binding without its policy does nothing', text: docs(binding('demo-binding', 'demo-policy.example.com'), deployment('big', 6)), expect: [] },
  { name: 'Warn is a warning', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', [], '[Warn]'), deployment('big', 6)), expect: ['warning policy/demo-policy.example.com failed expression: object.spec.replicas <= 5'] },
  { name: 'Audit is information', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', [], '[Audit]'), deployment('big', 6)), expect: ['information policy/demo-policy.example.com failed expression: object.spec.replicas <= 5'] },
  { name: 'Deny with Audit is an error', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', [], '[Audit, Deny]'), deployment('big', 6)), expect: [FAILED] },
  { name: 'resource rules: a StatefulSet is not a deployment', text: docs(demoPolicy, binding('b', 'demo-policy.example.com'), deployment('big', 6).replace('kind: Deployment', 'kind: StatefulSet')), expect: [] },
  {
    name: 'excludeResourceRules by name',
    text: docs(policy('p', [...deployments, '  excludeResourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: ["*"], resources: [deployments], resourceNames: [big]}]', 'validations: [{expression: "false", message: nope}]']), binding('b', 'p'), deployment('big', 1), deployment('other', 1)),
    expect: ['error policy/p nope'],
  },
  {
    name: 'operations: a rule for UPDATE only does not see a creation',
    text: docs(policy('p', ['matchConstraints:', '  resourceRules: [{apiGroups: ["*"], apiVersions: ["*"], operations: [UPDATE], resources: ["*"]}]', 'validations: [{expression: "false"}]']), binding('b', 'p'), deployment('big', 1)),
    expect: [],
  },
  { name: 'namespaceSelector: a labelled namespace among the manifests', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', testNamespaces), namespace('qa', '{environment: test}'), deployment('big', 6, 'qa')), expect: [FAILED] },
  { name: 'namespaceSelector: a namespace without the label', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', testNamespaces), namespace('prod', '{environment: prod}'), deployment('big', 6, 'prod')), expect: [] },
  {
    name: 'namespaceSelector: a namespace no manifest defines is not guessed',
    text: docs(demoPolicy, binding('b', 'demo-policy.example.com', testNamespaces), deployment('big', 6, 'qa')),
    expect: ['information policy/not-evaluated ValidatingAdmissionPolicy `demo-policy.example.com` not evaluated on this object: binding `b`: its namespaceSelector looks at the labels of namespace `qa`, which no manifest defines.'],
  },
  {
    name: 'namespaceSelector: the name label is known without the namespace',
    text: docs(demoPolicy, binding('b', 'demo-policy.example.com', ['matchResources:', '  namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}]}']), deployment('big', 6, 'qa'), deployment('sys', 6, 'kube-system')),
    expect: [FAILED],
  },
  { name: 'objectSelector', text: docs(demoPolicy, binding('b', 'demo-policy.example.com', ['matchResources:', '  objectSelector: {matchLabels: {tier: web}}']), deployment('big', 6, 'default', '{tier: web}'), deployment('other', 6)), expect: [FAILED] },
  {
    name: 'params by name, with messageExpression',
    text: docs(replicaLimit, binding('replicalimit-binding', 'replicalimit-policy.example.com', paramRef('{name: replica-limit-test.example.com, namespace: default, parameterNotFoundAction: Deny}')), limit('replica-limit-test.example.com', 3), deployment('big', 4), deployment('ok', 3)),
    expect: ['error policy/replicalimit-policy.example.com object.spec.replicas must be no greater than 3'],
  },
  {
    name: "params in the object's namespace when paramRef names none",
    text: docs(replicaLimit, binding('b', 'replicalimit-policy.example.com', paramRef('{name: limit, parameterNotFoundAction: Allow}')), limit('limit', 3, 'qa'), limit('limit', 10, 'prod'), deployment('a', 4, 'qa'), deployment('b', 4, 'prod'), deployment('c', 40, 'dev')),
    expect: ['error policy/replicalimit-policy.example.com object.spec.replicas must be no greater than 3'],
  },
  {
    name: 'params by selector: every selected object is checked',
    text: docs(replicaLimit, binding('b', 'replicalimit-policy.example.com', paramRef('{selector: {matchLabels: {tier: web}}, parameterNotFoundAction: Deny}')), limit('l1', 3, 'default', '{tier: web}'), limit('l2', 2, 'default', '{tier: web}'), limit('l3', 1), deployment('big', 3)),
    expect: ['error policy/replicalimit-policy.example.com object.spec.replicas must be no greater than 2'],
  },
  {
    name: 'params not found: Deny',
    text: docs(replicaLimit, binding('b', 'replicalimit-policy.example.com', paramRef('{name: missing, parameterNotFoundAction: Deny}')), deployment('big', 3)),
    expect: ['error policy/replicalimit-policy.example.com No params found for policy binding `b` with `Deny` parameterNotFoundAction: no ReplicaLimit `missing` in namespace `default` among the manifests.'],
  },
  {
    name: 'a policy with params and a binding without paramRef: failurePolicy decides',
    text: docs(replicaLimit, binding('b', 'replicalimit-policy.example.com'), deployment('big', 3), replicaLimit.replace('paramKind:', 'failurePolicy: Ignore\n  paramKind:').replace(/replicalimit-policy/g, 'lenient'), binding('b2', 'lenient.example.com')),
    expect: ['error policy/replicalimit-policy.example.com Failed to configure binding: binding `b` has no paramRef, but the policy takes params of kind ReplicaLimit (failurePolicy Fail rejects the object).'],
  },
  { name: 'params not found: Allow', text: docs(replicaLimit, binding('b', 'replicalimit-policy.example.com', paramRef('{name: missing, parameterNotFoundAction: Allow}')), deployment('big', 3)), expect: [] },
  {
    name: 'variables and filter (image registries)',
    text: docs(
      policy('image-matches-namespace-environment.policy.example.com', [
        ...deployments,
        'variables:',
        '- {name: containers, expression: "object.spec.template.spec.containers"}',
        "- {name: badImages, expression: \"variables.containers.filter(c, !c.image.startsWith('example.com/'))\"}",
        'validations:',
        '- expression: "size(variables.badImages) == 0"',
        "  messageExpression: \"'images must come from example.com/: ' + variables.badImages[0].image\"",
      ]),
      binding('b', 'image-matches-namespace-environment.policy.example.com', [], '[Warn]'),
      deployment('good', 1),
      deployment('bad', 1, 'default', '{app: web}', 'docker.io/web:1'),
    ),
    expect: ['warning policy/image-matches-namespace-environment.policy.example.com images must come from example.com/: docker.io/web:1'],
  },
  {
    name: 'two policies on one object, each with its own variable of the same name',
    text: docs(
      policy('p1', [...deployments, 'variables: [{name: limit, expression: "1"}]', 'validations: [{expression: "object.spec.replicas <= variables.limit", message: over one}]']),
      policy('p2', [...deployments, 'variables: [{name: limit, expression: "5"}]', 'validations: [{expression: "object.spec.replicas <= variables.limit", message: over five}]']),
      binding('b1', 'p1'),
      binding('b2', 'p2'),
      deployment('web', 3),
      deployment('big', 6),
    ),
    expect: ['error policy/p1 over one', 'error policy/p1 over one', 'error policy/p2 over five'],
  },
  {
    name: 'auditAnnotations',
    text: docs(
      policy('demo-policy.example.com', [...deployments, 'auditAnnotations:', "- {key: high-replica-count, valueExpression: \"object.spec.replicas > 50 ? 'Deployment spec.replicas set to ' + string(object.spec.replicas) : null\"}"]),
      binding('b', 'demo-policy.example.com', [], '[Audit]'),
      deployment('big', 60),
      deployment('small', 2),
    ),
    expect: ['information policy/demo-policy.example.com Audit annotation demo-policy.example.com/high-replica-count: Deployment spec.replicas set to 60'],
  },
  {
    name: 'matchConditions: a false condition skips the policy',
    text: docs(policy('p', [...deployments, 'matchConditions:', "- {name: only-web, expression: \"object.metadata.name.startsWith('web')\"}", 'validations: [{expression: "false", message: denied}]']), binding('b', 'p'), deployment('web-1', 1), deployment('api', 1)),
    expect: ['error policy/p denied'],
  },
  {
    name: 'matchConditions about the user are not evaluated',
    text: docs(
      policy('p', [
        'failurePolicy: Ignore',
        ...deployments,
        'matchConditions:',
        '- {name: exclude-leases, expression: "!(request.resource.group == \'coordination.k8s.io\' && request.resource.resource == \'leases\')"}',
        "- {name: exclude-kubelet-requests, expression: \"!('system:nodes' in request.userInfo.groups)\"}",
        'validations: [{expression: "false"}]',
      ]),
      binding('b', 'p'),
      deployment('web', 1),
    ),
    expect: ["information policy/not-evaluated ValidatingAdmissionPolicy `p` not evaluated on this object: the matchCondition `exclude-kubelet-requests` `!('system:nodes' in request.userInfo.groups)` cannot be evaluated from the manifests (it errors here, or uses a value Drydock does not know) (failurePolicy Ignore: an error in the cluster admits the object)."],
  },
  {
    name: 'an expression outside the subset is not evaluated',
    text: docs(policy('p', [...deployments, 'validations: [{expression: "authorizer.serviceAccount(\'default\', \'x\').group(\'apps\').resource(\'deployments\').check(\'create\').allowed()"}]']), binding('b', 'p'), deployment('web', 1)),
    expect: ["information policy/not-evaluated ValidatingAdmissionPolicy `p` not evaluated on this object: the validation `authorizer.serviceAccount('default', 'x').group('apps').resource('deployments').check('create').allowed()` is outside the CEL subset Drydock evaluates (failurePolicy Fail: an error in the cluster rejects the object)."],
  },
  {
    name: 'request basics and namespaceObject',
    text: docs(
      policy('p', [...deployments, 'validations:', "- {expression: \"request.operation == 'CREATE' && request.namespace == 'qa' && request.kind.kind == 'Deployment' && request.resource.resource == 'deployments' && oldObject == null\", message: request}", "- {expression: \"namespaceObject.metadata.labels.environment != 'test'\", message: not in test}"]),
      binding('b', 'p'),
      namespace('qa', '{environment: test}'),
      deployment('web', 1, 'qa'),
    ),
    expect: ['error policy/p not in test'],
  },
];

for (const c of cases) {
  test(`admission policies: ${c.name}`, () => {
    const findings = runWorkspaceRules(manifestsOf('file:///ws/all.yaml', parseFile(c.text))).filter((f) => f.code.startsWith('policy/'));
    assert.deepEqual(
      findings.map((f) => `${f.severity} ${f.code} ${f.message}`),
      c.expect,
    );
  });
}

test('admission policies: the finding is on the object, at the validation fieldPath when present', () => {
  const text = docs(policy('p', [...deployments, 'validations: [{expression: "object.spec.replicas < 2", fieldPath: ".spec.replicas", message: too many}, {expression: "false", message: nope}]']), binding('b', 'p'), deployment('web', 3));
  const findings = runWorkspaceRules(manifestsOf('file:///ws/all.yaml', parseFile(text))).filter((f) => f.code === 'policy/p');
  assert.deepEqual(
    findings.map((f) => [f.source.document, f.path]),
    [
      [2, ['spec', 'replicas']],
      [2, ['metadata', 'name']],
    ],
  );
});

test('admission policies: drydock.rules sets the severity of one policy, or turns it off', () => {
  const text = docs(demoPolicy, binding('b', 'demo-policy.example.com'), deployment('big', 6));
  const run = (severity: 'hint' | 'off') => runWorkspaceRules(manifestsOf('file:///ws/all.yaml', parseFile(text)), { rules: { severities: { 'policy/demo-policy.example.com': severity }, bestPractices: false } });
  assert.deepEqual(run('hint').map((f) => f.severity), ['hint']);
  assert.deepEqual(run('off'), []);
  const unknown = docs(demoPolicy, binding('b', 'demo-policy.example.com'), deployment('big', 6).replace('  replicas: 6\n', ''));
  const notEvaluated = (severities: Record<string, 'off'>) => runWorkspaceRules(manifestsOf('file:///ws/all.yaml', parseFile(unknown)), { rules: { severities, bestPractices: false } }).map((f) => f.code);
  assert.deepEqual(notEvaluated({}), ['policy/not-evaluated'], 'an unset field is not defaulted: not evaluated');
  assert.deepEqual(notEvaluated({ 'policy/not-evaluated': 'off' }), []);
});

test('admission policies: a cluster profile gives its policies, bindings, Namespaces and params, nothing else', () => {
  const node = lines('apiVersion: v1', 'kind: Node', 'metadata: {name: n1}');
  const profile = manifestsOf('file:///ws/.drydock/cluster.yaml', parseFile(docs(node, replicaLimit, binding('b', 'replicalimit-policy.example.com', paramRef('{name: l, namespace: qa, parameterNotFoundAction: Deny}')), namespace('qa', '{environment: test}'), limit('l', 3, 'qa'), lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}'))));
  const inputs = manifestsOf('file:///ws/app.yaml', parseFile(deployment('web', 4, 'qa')));
  const context = clusterPolicyObjects(profile, inputs);
  assert.deepEqual(context.map((m) => m.object.kind), ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'Namespace', 'ReplicaLimit']);
  assert.deepEqual(clusterPolicyObjects(inputs, inputs), [], 'a profile among the manifests is not added twice');
  const index = new WorkspaceIndex([...context, ...inputs], undefined, (m) => inputs.includes(m));
  assert.deepEqual(runWorkspaceRulesOn(index).map((f) => `${f.source.file} ${f.code} ${f.message}`), ['file:///ws/app.yaml policy/replicalimit-policy.example.com object.spec.replicas must be no greater than 3']);
});

test('admission policies: admission configuration is not subject to policies; namespaceObject has its name label', () => {
  const everything = ['matchConstraints:', '  resourceRules: [{apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}]'];
  const text = docs(
    policy('p', [...everything, 'validations:', "- {expression: \"request.namespace == '' || namespaceObject.metadata.labels['kubernetes.io/metadata.name'] == 'qa'\", message: wrong namespace}"]),
    binding('b', 'p'),
    namespace('qa', '{environment: test}'),
    deployment('web', 1, 'qa'),
  );
  const findings = runWorkspaceRules(manifestsOf('file:///ws/all.yaml', parseFile(text))).filter((f) => f.code.startsWith('policy/'));
  assert.deepEqual(findings, [], 'neither the policy, its binding, the namespace nor the deployment');
});

test("admission policies: an object defined twice is its last copy (the manifests' over the cluster profile's)", () => {
  const strict = (max: number) => policy('limit', [...deployments, 'validations:', `- {expression: "object.spec.replicas <= ${max}", message: "at most ${max}"}`]);
  const profile = manifestsOf('file:///ws/.drydock/cluster.yaml', parseFile(docs(strict(5), binding('b', 'limit', [], '[Warn]'))));
  const workspace = manifestsOf('file:///ws/all.yaml', parseFile(docs(strict(2), binding('b', 'limit'), deployment('web', 3))));
  const subjects = new Set(workspace);
  const index = new WorkspaceIndex([...clusterPolicyObjects(profile, workspace), ...workspace], undefined, (m) => subjects.has(m));
  assert.deepEqual(runWorkspaceRulesOn(index).map((f) => `${f.severity} ${f.message}`), ['error at most 2']);
});
