import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, check, yaml } from '../../helpers/validate';

const deployment = (specLines: string[]) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    ...specLines,
  );

const pod = (...containerLines: string[]) =>
  yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: app', '    image: nginx', ...containerLines);

interface Case {
  name: string;
  text: string;
  version?: string;
  /** `code@line:character` of every finding, in order. */
  expect: string[];
  /** Substrings the messages must contain, in order of the findings. */
  messages?: string[];
}

const cases: Case[] = [
  { name: 'a valid pod has no findings', text: pod(), expect: [] },
  {
    name: 'unknown field is on its key, with a suggestion',
    text: deployment(['  replica: 3', '  selector: {matchLabels: {app: web}}', '  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: a, image: b}]}}']),
    expect: ['schema/unknown-field@5:2'],
    messages: ['`replica` is not a field of DeploymentSpec - did you mean `replicas`?'],
  },
  {
    name: 'missing required field is on the object that lacks it',
    text: deployment(['  template: {spec: {containers: [{name: a, image: b}]}}']),
    expect: ['schema/required@4:0'],
    messages: ['Missing required field `selector` in DeploymentSpec.'],
  },
  {
    name: 'YAML 1.1 boolean in a string field suggests quoting',
    text: pod('    env:', '    - name: DEBUG', '      value: yes'),
    expect: ['schema/type@10:13'],
    messages: ['`yes` is a boolean in YAML 1.1'],
  },
  { name: 'quoted yes is a string', text: pod('    env:', '    - name: DEBUG', '      value: "yes"'), expect: [] },
  {
    name: 'number in a string field suggests quoting',
    text: pod('    env:', '    - name: VERSION', '      value: 1.10'),
    expect: ['schema/type@10:13'],
    messages: ['quote it ("1.10")'],
  },
  { name: 'int-or-string accepts an integer and a name', text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  ports: [{port: 80, targetPort: 8080}, {port: 81, targetPort: http}]'), expect: [] },
  { name: 'int-or-string rejects a boolean', text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  ports: [{port: 80, targetPort: true}]'), expect: ['schema/type@4:33'] },
  {
    name: 'quantities accept numbers and quantity strings',
    text: pod('    resources:', '      requests: {cpu: 500m, memory: 256000}', '      limits: {cpu: 2, memory: 1Gi, ephemeral-storage: 1e3}'),
    expect: [],
  },
  {
    name: 'quantities reject booleans and bad suffixes',
    text: pod('    resources:', '      requests: {cpu: true, memory: 1Gb}'),
    expect: ['schema/quantity@9:22', 'schema/quantity@9:36'],
  },
  { name: 'null means unset', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  creationTimestamp: null', 'data:'), expect: [] },
  { name: 'non-string keys of a string map are strings', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  5: five', '  "3.14": pi', '  true: "yes"'), expect: [] },
  { name: 'timestamps stay strings', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  creationTimestamp: 2024-01-01T00:00:00Z'), expect: [] },
  {
    name: 'Secret data must be base64',
    text: yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data:', '  ok: aGVsbG8=', '  bad: not base64!'),
    expect: ['schema/base64@5:7'],
  },
  {
    name: 'unknown kind in a built-in group is an error with a suggestion',
    text: yaml('apiVersion: v1', 'kind: configmap', 'metadata: {name: c}'),
    expect: ['schema/unknown-kind@1:6'],
    messages: ['did you mean `ConfigMap`?'],
  },
  {
    name: 'removed API version names its replacement',
    text: yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: i}'),
    expect: ['schema/unknown-api-version@0:12'],
    messages: ['removed in Kubernetes 1.22) - use `networking.k8s.io/v1`'],
  },
  { name: 'custom resource gets an information note', text: yaml('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}'), expect: ['schema/no-schema@1:6'] },
  { name: 'missing kind and apiVersion', text: yaml('metadata: {name: x}', 'kind: Pod', '---', 'apiVersion: v1'), expect: ['schema/missing-api-version@0:0', 'schema/missing-kind@3:0'] },
  { name: 'duplicate key is a YAML error', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'kind: ConfigMap'), expect: ['yaml/duplicate-key@3:0'] },
  { name: 'tab indentation is a YAML error', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: c\n', expect: ['yaml/syntax@3:0'] },
  {
    name: 'List items are validated one by one',
    text: yaml('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: ConfigMap', '  metadata: {name: a}', '- apiVersion: v1', '  kind: ConfigMap', '  metadata: {name: b}', '  dta: {}'),
    expect: ['schema/unknown-field@9:2'],
  },
  { name: 'empty List is valid', text: yaml('apiVersion: v1', 'kind: List', 'items: []'), expect: [] },
  { name: 'documents keep their own line numbers', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: b}', 'bogus: 1'), expect: ['schema/unknown-field@7:0'] },
  { name: 'empty and comment-only documents are fine', text: yaml('---', '# nothing', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: ns}', '---', ''), expect: [] },
  { name: 'a scalar document is not an object', text: yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: ns}', '---', 'just text'), expect: ['schema/not-an-object@4:0'] },
  { name: 'JSON is YAML', text: '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}', expect: [] },
  { name: 'a field new in 1.36 is valid in 1.36', text: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostnameOverride: h', '  containers: [{name: a, image: b}]'), expect: [] },
  { name: 'a field new in 1.36 is unknown in 1.32', version: '1.32', text: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostnameOverride: h', '  containers: [{name: a, image: b}]'), expect: ['schema/unknown-field@4:2'] },
  { name: 'a merge key whose value is not a map is a YAML error, not a crash', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  <<: 1'), expect: ['yaml/syntax@0:0'] },
  { name: 'a complex merge key is a YAML error, not a crash', text: yaml('{<<: 1}: x'), expect: ['yaml/syntax@0:0'] },
  { name: 'a YAML 1.1 `n` is a boolean, as Kubernetes reads it', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: n}'), expect: ['schema/type@2:17'] },
  {
    name: 'an alias bomb is refused, not expanded',
    text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'),
    expect: ['yaml/alias-limit@0:0'],
  },
];

for (const c of cases) {
  test(`validate: ${c.name}`, () => {
    const findings = check(c.text, c.version);
    assert.deepEqual(brief(findings), c.expect, JSON.stringify(findings, null, 1));
    (c.messages ?? []).forEach((fragment, i) => assert.ok(findings[i].message.includes(fragment), `"${findings[i].message}" should contain "${fragment}"`));
  });
}
