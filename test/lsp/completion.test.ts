import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers/applyEdits';
import { LspClient } from '../helpers/lspClient';

/** `¦` marks the cursor. */
function split(marked: string): { text: string; position: { line: number; character: number } } {
  const offset = marked.indexOf('¦');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;

interface Case {
  name: string;
  text: string;
  includes?: string[];
  excludes?: string[];
  /** Labels that must come first, in this order, once sorted by sortText. */
  first?: string[];
  /** Apply the item with this label and expect this text. */
  apply?: { label: string; expect: string };
  /** The item must insert exactly this (snippet) text. */
  insert?: { label: string; text: string };
}

const cases: Case[] = [
  {
    name: 'keys of DeploymentSpec, required first, present ones excluded',
    text: deployment('  replicas: 2\n  ¦\n'),
    includes: ['selector', 'template', 'strategy', 'minReadySeconds'],
    excludes: ['replicas', 'containers'],
    first: ['selector', 'template'],
  },
  {
    name: 'keys of a container inside a list item',
    text: deployment('  template:\n    spec:\n      containers:\n      - name: web\n        im¦\n'),
    includes: ['image', 'imagePullPolicy', 'ports'],
    excludes: ['name'],
  },
  {
    name: 'a key of a nested mapping opens a block',
    text: deployment('  template:\n    spec:\n      containers:\n      - name: web\n        ¦\n'),
    insert: { label: 'resources', text: 'resources:\n  $0' },
  },
  {
    name: 'an enumerated key offers its values as a choice',
    text: deployment('  template:\n    spec:\n      containers:\n      - name: web\n        ¦\n'),
    insert: { label: 'imagePullPolicy', text: 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}' },
  },
  {
    name: 'values of an enumerated field (protocol)',
    text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    protocol: ¦\n',
    includes: ['TCP', 'UDP', 'SCTP'],
    apply: { label: 'UDP', expect: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    protocol: UDP\n' },
  },
  { name: 'values of imagePullPolicy', text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    imagePullPolicy: If¦\n', includes: ['Always', 'IfNotPresent', 'Never'] },
  { name: 'values of restartPolicy', text: 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: ¦\n', includes: ['Always', 'OnFailure', 'Never'] },
  { name: 'values of Service type', text: 'apiVersion: v1\nkind: Service\nspec:\n  type: ¦\n', includes: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  { name: 'values of a list of enums (policyTypes)', text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n  policyTypes:\n  - ¦\n', includes: ['Ingress', 'Egress'] },
  { name: 'values of a taint effect', text: 'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec:\n  taints:\n  - key: k\n    effect: ¦\n', includes: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  { name: 'values of a toleration operator', text: 'apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n  - operator: ¦\n', includes: ['Exists', 'Equal'] },
  { name: 'values of a selector operator', text: deployment('  selector:\n    matchExpressions:\n    - key: a\n      operator: ¦\n'), includes: ['In', 'NotIn', 'Exists', 'DoesNotExist'], excludes: ['Gt'] },
  { name: 'values of whenUnsatisfiable', text: deployment('  template:\n    spec:\n      topologySpreadConstraints:\n      - whenUnsatisfiable: ¦\n'), includes: ['DoNotSchedule', 'ScheduleAnyway'] },
  { name: 'values of strategy type', text: deployment('  strategy:\n    type: ¦\n'), includes: ['RollingUpdate', 'Recreate'] },
  { name: 'values of dnsPolicy', text: 'apiVersion: v1\nkind: Pod\nspec:\n  dnsPolicy: ¦\n', includes: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] },
  { name: 'booleans', text: 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: ¦\n', includes: ['true', 'false'] },
  {
    name: 'inside a flow mapping: keys of LabelSelector, present ones excluded',
    text: deployment('  selector: {matchLabels: {app: web}, ¦}\n'),
    includes: ['matchExpressions'],
    excludes: ['matchLabels'],
    insert: { label: 'matchExpressions', text: 'matchExpressions: $0' },
  },
  {
    name: 'inside a flow mapping that spans lines',
    text: deployment('  selector: {\n    matchLabels: {app: web},\n    ¦\n  }\n  replicas: 2\n'),
    includes: ['matchExpressions'],
    excludes: ['matchLabels', 'replicas', 'template'],
  },
  {
    name: 'brackets inside quotes and comments are not flow collections',
    text: deployment('  template:\n    spec:\n      containers:\n      - name: a\n        command: ["sh", "-c", "echo [x"]  # {\n        ¦\n'),
    includes: ['image', 'args'],
    excludes: ['name', 'command'],
  },
  { name: 'after a flow collection that spans lines is closed, block keys again', text: deployment('  selector: {\n    matchLabels: {app: web}\n  }\n  ¦\n'), includes: ['template', 'replicas'], excludes: ['selector', 'matchExpressions'] },
  { name: 'inside a flow sequence of mappings: values', text: 'apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80, protocol: ¦}]\n', includes: ['TCP', 'UDP'] },
  { name: 'inside a flow mapping: keys of ContainerPort', text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    ports: [{containerPort: 80, ¦}]\n', includes: ['protocol', 'name'], excludes: ['containerPort'] },
  {
    name: 'kinds before apiVersion is typed: choosing one inserts its apiVersion',
    text: 'kind: Deplo¦\n',
    includes: ['Deployment', 'Service', 'Pod'],
    apply: { label: 'Deployment', expect: 'apiVersion: apps/v1\nkind: Deployment\n' },
  },
  { name: 'kinds of the typed apiVersion', text: 'apiVersion: apps/v1\nkind: ¦\n', includes: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], excludes: ['Pod', 'DeploymentList'] },
  { name: 'apiVersions serving the typed kind', text: 'kind: HorizontalPodAutoscaler\napiVersion: ¦\n', includes: ['autoscaling/v2', 'autoscaling/v1'], excludes: ['apps/v1'] },
  {
    name: 'an empty document offers apiVersion/kind pairs and skeletons',
    text: '¦',
    includes: ['Deployment (new)', 'Pod (new)', 'Service (new)', 'NetworkPolicy (new)', 'Deployment apps/v1', 'ConfigMap v1', 'apiVersion', 'kind'],
  },
  {
    name: 'a new document after --- offers skeletons too',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n¦',
    includes: ['Service (new)'],
  },
  {
    name: 'the root of a known kind offers its top-level fields',
    text: 'apiVersion: v1\nkind: Service\n¦\n',
    includes: ['metadata', 'spec'],
    excludes: ['apiVersion', 'kind', 'Service (new)'],
  },
  {
    name: 'completion works while the document does not parse',
    text: deployment('  replicas: 2\n  templ¦\n  selector: {matchLabels: {app: web}}\n  strategy: [\n'),
    includes: ['template'],
    excludes: ['selector', 'replicas'],
  },
  { name: 'fields introduced in 1.36 are offered in 1.36', text: 'apiVersion: v1\nkind: Pod\nspec:\n  hostname¦\n', includes: ['hostnameOverride'] },
];

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.dispose();
});

const byLabel = (items: CompletionItem[], label: string): CompletionItem => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
  return item;
};

cases.forEach((c, index) => {
  test(`completion: ${c.name}`, async () => {
    const uri = `file:///ws/completion-${index}.yaml`;
    const { text, position } = split(c.text);
    await client.open(uri, text);
    const items = await client.completion(uri, position);
    const labels = items.map((i) => i.label);
    for (const label of c.includes ?? []) assert.ok(labels.includes(label), `${label} missing from ${labels.join(', ')}`);
    for (const label of c.excludes ?? []) assert.ok(!labels.includes(label), `${label} should not be offered`);
    if (c.first) {
      const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      assert.deepEqual(sorted.slice(0, c.first.length).map((i) => i.label), c.first);
    }
    if (c.insert) {
      const item = byLabel(items, c.insert.label);
      assert.equal(item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText, c.insert.text);
    }
    if (c.apply) {
      const item = byLabel(items, c.apply.label);
      const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
      assert.ok(edit);
      assert.equal(applyEdits(text, [edit, ...(item.additionalTextEdits ?? [])]), c.apply.expect);
    }
    await client.close(uri);
  });
});
