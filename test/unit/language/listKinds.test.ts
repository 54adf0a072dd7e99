import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, check, yaml } from '../../helpers/validate';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { documentSymbols } from '../../../server/src/language/symbols/documentSymbols';
import { objectAtCursor } from '../../../server/src/language/completion/objectAtCursor';

/**
 * kubectl decodes an object with `items` as a list and splits it into its items on the client
 * (cli-runtime's FlattenListVisitor): the list is never sent, so it needs no name; each item is sent,
 * and is checked exactly like a document of its own.
 */
const cases: Array<{ name: string; text: string; expect: string[] }> = [
  {
    name: 'a ConfigMapList needs no metadata.name (never sent to the API server)',
    text: yaml('apiVersion: v1', 'kind: ConfigMapList', 'items:', '- apiVersion: v1', '  kind: ConfigMap', '  metadata: {name: a, namespace: monitoring}', '  data: {k: v}'),
    expect: [],
  },
  {
    name: 'a RoleList and a RoleBindingList (rbac.authorization.k8s.io/v1) need no name',
    text: yaml(
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleList',
      'items:',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: Role',
      '  metadata: {name: r, namespace: default}',
      '  rules: []',
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleBindingList',
      'items:',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: RoleBinding',
      '  metadata: {name: rb, namespace: default}',
      '  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}',
      '  subjects: [{kind: ServiceAccount, name: s, namespace: default}]',
    ),
    expect: [],
  },
  { name: 'an empty List needs no name', text: yaml('apiVersion: v1', 'kind: List', 'items: []'), expect: [] },
  {
    name: 'the api/* rules run on the items of a ConfigMapList: an item named B_',
    text: yaml('apiVersion: v1', 'kind: ConfigMapList', 'items:', '- apiVersion: v1', '  kind: ConfigMap', '  metadata: {name: B_}'),
    expect: ['api/name-format@5:19'],
  },
  {
    name: 'the api/* rules run on the items of a RoleList: an item without a name',
    text: yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleList', 'items:', '- apiVersion: rbac.authorization.k8s.io/v1', '  kind: Role', '  metadata: {namespace: default}', '  rules: []'),
    expect: ['api/name-required@5:2'],
  },
  {
    name: 'the schema runs on the items of a DeploymentList',
    text: yaml('apiVersion: apps/v1', 'kind: DeploymentList', 'items:', '- apiVersion: apps/v1', '  kind: Deployment', '  metadata: {name: web}', '  spec: {replica: 1}'),
    expect: ['schema/required@6:2', 'schema/required@6:2', 'schema/unknown-field@6:9'],
  },
  {
    name: 'decodeToList: an item with neither apiVersion nor kind is of the list\'s apiVersion and kind less "List"',
    text: yaml('apiVersion: v1', 'kind: ConfigMapList', 'items:', '- metadata: {name: a}', '  data: {k: 1}'),
    expect: ['schema/type@4:12'],
  },
  {
    name: 'decodeToList: a kind List gives its bare items its apiVersion, but no kind',
    text: yaml('apiVersion: v1', 'kind: List', 'items:', '- metadata: {name: a}'),
    expect: ['schema/missing-kind@3:2'],
  },
];

for (const c of cases) {
  test(`list kinds: ${c.name}`, () => assert.deepEqual(brief(check(c.text)), c.expect));
}

test('list kinds: the simulator and the outline see the items of a DeploymentList', () => {
  const text = yaml('apiVersion: apps/v1', 'kind: DeploymentList', 'items:', '- metadata: {name: a}', '  spec: {}', '- apiVersion: apps/v1', '  kind: Deployment', '  metadata: {name: b}');
  const parsed = parseFile(text);
  const manifests = manifestsOf('f.yaml', parsed);
  assert.deepEqual(manifests.map((m) => [m.source.path, m.object.kind, m.object.metadata?.name]), [[['items', 0], 'Deployment', 'a'], [['items', 1], 'Deployment', 'b']]);
  assert.deepEqual(documentSymbols(parsed)[0].children.map((s) => s.name), ['Deployment/a', 'Deployment/b']);
});

test('list kinds: a kind ending in List without items is an object, not a list', () => {
  const text = yaml('apiVersion: example.com/v1', 'kind: AccessList', 'metadata: {name: a}', 'spec: {entries: []}');
  assert.deepEqual(manifestsOf('f.yaml', parseFile(text)).map((m) => m.object.kind), ['AccessList']);
  assert.deepEqual(brief(check(text)), ['schema/no-schema@1:6']);
});

test('list kinds: completion and hover see a bare item of a ConfigMapList as a ConfigMap', () => {
  const doc = parseFile(yaml('apiVersion: v1', 'kind: ConfigMapList', 'items:', '- metadata: {name: a}', '  data: {k: v}')).documents[0];
  const at = objectAtCursor(doc, ['items', 0, 'data']);
  assert.deepEqual([at.objectPath, at.path, at.apiVersion, at.kind], [['items', 0], ['data'], 'v1', 'ConfigMap']);
});
