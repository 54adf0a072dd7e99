import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const manifest = [
  'apiVersion: apps/v1', // 0
  'kind: Deployment', // 1
  'metadata:', // 2
  '  name: web', // 3
  'spec:', // 4
  '  replicas: 2', // 5
  '  selector: {matchLabels: {app: web}}', // 6
  '  template:', // 7
  '    metadata: {labels: {app: web}}', // 8
  '    spec:', // 9
  '      hostnameOverride: web-0', // 10
  '      containers:', // 11
  '      - name: web', // 12
  '        image: nginx:1.27', // 13
  '        imagePullPolicy: IfNotPresent', // 14
  '        ports: [{containerPort: 80, protocol: TCP}]', // 15
].join('\n');

interface Case {
  name: string;
  line: number;
  character: number;
  /** Substrings the hover must contain. */
  contains: string[];
  absent?: string[];
}

const cases: Case[] = [
  {
    name: 'a scalar field: type, optional, description, version, reference link',
    line: 5,
    character: 3,
    contains: ['**replicas**', '`integer`', 'optional', 'Number of desired pods', '`DeploymentSpec` in `apps/v1` `Deployment`', 'Kubernetes 1.32, 1.34, 1.36', '[API reference](https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#deploymentspec-v1-apps)'],
  },
  {
    name: 'a required field that refers to another type falls back to the type description',
    line: 7,
    character: 3,
    contains: ['**template**', '`PodTemplateSpec`', 'required', 'PodTemplateSpec describes the data a pod should have'],
  },
  {
    name: 'a field inside a list item, in the core group',
    line: 13,
    character: 9,
    contains: ['**image**', '`string`', 'Container image name', '#container-v1-core'],
  },
  { name: 'an enumerated field lists its values', line: 14, character: 10, contains: ['**imagePullPolicy**', 'Allowed values: `Always`, `IfNotPresent`, `Never`'] },
  { name: 'a key inside a flow mapping', line: 15, character: 40, contains: ['**protocol**', 'Allowed values: `TCP`, `UDP`, `SCTP`', '#containerport-v1-core'] },
  { name: 'metadata links to the meta group', line: 3, character: 3, contains: ['**name**', '#objectmeta-v1-meta'] },
  { name: 'a field new in 1.36 says which versions have it', line: 10, character: 8, contains: ['**hostnameOverride**', 'Kubernetes 1.34, 1.36'], absent: ['1.32'] },
  { name: 'a value hovers as its field', line: 13, character: 18, contains: ['**image**'] },
  { name: 'the kind value describes the kind', line: 1, character: 8, contains: ['**Deployment** `apps/v1`', 'Deployment enables declarative updates', '#deployment-v1-apps'] },
];

let client: LspClient;
const uri = 'file:///ws/hover.yaml';
before(async () => {
  client = await LspClient.start();
  await client.open(uri, manifest);
});
after(async () => {
  await client.dispose();
});

for (const c of cases) {
  test(`hover: ${c.name}`, async () => {
    const hover = await client.hover(uri, { line: c.line, character: c.character });
    assert.ok(hover, 'no hover');
    const value = (hover.contents as MarkupContent).value;
    for (const part of c.contains) assert.ok(value.includes(part), `missing ${part} in:\n${value}`);
    for (const part of c.absent ?? []) assert.ok(!value.includes(part), `unexpected ${part} in:\n${value}`);
  });
}

test('hover: nothing on a document that is not a known kind', async () => {
  const other = 'file:///ws/hover-unknown.yaml';
  await client.open(other, 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  size: 3\n');
  assert.equal(await client.hover(other, { line: 3, character: 3 }), null);
});

test('hover: the range covers the hovered key', async () => {
  const hover = await client.hover(uri, { line: 5, character: 4 });
  assert.deepEqual(hover?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
});
