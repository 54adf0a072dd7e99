import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const lines = (...l: string[]) => l.join('\n') + '\n';

const crd = lines(
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: crontabs.stable.example.com',
  'spec:',
  '  group: stable.example.com',
  '  scope: Namespaced',
  '  names: {plural: crontabs, singular: crontab, kind: CronTab}',
  '  versions:',
  '  - name: v1',
  '    served: true',
  '    storage: true',
  '    schema:',
  '      openAPIV3Schema:',
  '        type: object',
  '        properties:',
  '          spec:',
  '            type: object',
  '            description: The desired schedule.',
  '            required: [cronSpec]',
  '            properties:',
  '              cronSpec: {type: string, description: A cron expression for the runs.}',
  '              replicas: {type: integer, minimum: 1}',
  '              mode: {type: string, enum: [Fast, Slow]}',
  '              image: {type: string}',
  '              size: {x-kubernetes-int-or-string: true}',
);

const customResource = lines(
  'apiVersion: stable.example.com/v1', // 0
  'kind: CronTab', // 1
  'metadata: {name: my-cron}', // 2
  'spec:', // 3
  '  cronSpec: "*/5 * * * *"', // 4
  '  replicas: 0', // 5
  '  mode: Medium', // 6
  '  imag: nginx', // 7
  '  size: 50%', // 8
);

const validResource = lines('apiVersion: stable.example.com/v1', 'kind: CronTab', 'metadata: {name: ok}', 'spec:', '  cronSpec: "0 * * * *"', '  mode: Fast', '  size: 3');

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();
const expected = ['schema/enum@6', 'schema/minimum@5', 'schema/unknown-field@7'];

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.dispose();
});

test('crd: a custom resource is validated against the CRD of an open document', async () => {
  await client.open('file:///ws/crd/crontab-crd.yaml', crd);
  const diagnostics = await client.open('file:///ws/crd/my-cron.yaml', customResource);
  assert.deepEqual(codes(diagnostics), expected);
  assert.match(diagnostics.find((d) => d.code === 'schema/unknown-field')?.message ?? '', /did you mean `image`/);
  assert.deepEqual(await client.open('file:///ws/crd/ok.yaml', validResource), []);
});

test('crd: opening the CRD after its resource re-validates the resource', async () => {
  const other = lines('apiVersion: games.example.com/v2', 'kind: Level', 'metadata: {name: one}', 'spec: {depth: deep}');
  const resource = 'file:///ws/crd2/level.yaml';
  const before = await client.open(resource, other);
  assert.deepEqual(codes(before), ['schema/no-schema@1']);
  const levelCrd = crd.replace('crontabs.stable.example.com', 'levels.games.example.com').replace('stable.example.com', 'games.example.com').replace('{plural: crontabs, singular: crontab, kind: CronTab}', '{plural: levels, kind: Level}').replace('name: v1', 'name: v2').replace('required: [cronSpec]', 'required: []').replace('cronSpec: {type: string, description: A cron expression for the runs.}', 'depth: {type: integer}');
  const next = client.diagnosticsUntil(resource, (d) => !d.some((x) => x.code === 'schema/no-schema'));
  await client.open('file:///ws/crd2/level-crd.yaml', levelCrd);
  assert.deepEqual(codes(await next), ['schema/type@3']);
});

test('crd: a CRD among other documents of a file is found, and forgotten when it is deleted from the text', async () => {
  const uri = 'file:///ws/crd3/all-in-one.yaml';
  const gadgetCrd = crd.replace('crontabs.stable.example.com', 'gadgets.shop.example.com').replace('stable.example.com', 'shop.example.com').replace('{plural: crontabs, singular: crontab, kind: CronTab}', '{plural: gadgets, kind: Gadget}');
  const gadget = lines('apiVersion: shop.example.com/v1', 'kind: Gadget', 'metadata: {name: g}', 'spec:', '  cronSpec: "* * * * *"', '  replicas: 0');
  const others = [lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', 'data: {k: v}'), lines('apiVersion: v1', 'kind: Service', 'metadata: {name: b}', 'spec: {ports: [{port: 80}]}')];
  const text = [others[0], gadgetCrd, others[1], gadget].join('---\n');
  const gadgetLine = text.split('\n').indexOf('kind: Gadget');
  const diagnostics = await client.open(uri, text);
  assert.deepEqual(diagnostics.filter((d) => d.range.start.line >= gadgetLine).map((d) => `${String(d.code)}@${d.range.start.line - gadgetLine}`), ['schema/minimum@4']);
  const withoutCrd = [others[0], others[1], gadget].join('---\n');
  const after = await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } }, text: withoutCrd }]);
  const kindLine = withoutCrd.split('\n').indexOf('kind: Gadget');
  const settled = after.some((d) => d.code === 'schema/no-schema') ? after : await client.diagnosticsUntil(uri, (d) => d.some((x) => x.code === 'schema/no-schema'), after);
  assert.deepEqual(settled.map((d) => `${String(d.code)}@${d.range.start.line}`), [`schema/no-schema@${kindLine}`]);
});

test('crd: a schema check that fails on a resource is a finding on it, and the server goes on', async () => {
  const tagsCrd = crd.replace('crontabs.stable.example.com', 'tagged.things.example.com').replace('stable.example.com', 'things.example.com').replace('{plural: crontabs, singular: crontab, kind: CronTab}', '{plural: tagged, kind: Tagged}').replace('required: [cronSpec]', 'required: []').replace('              image: {type: string}', '              tags: {type: array, uniqueItems: true, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}');
  await client.open('file:///ws/crd4/tagged-crd.yaml', tagsCrd);
  // ajv's deep equality (which the validator shares) calls an object's `toString` key when it is not Object's own.
  const uri = 'file:///ws/crd4/tagged.yaml';
  const diagnostics = await client.open(uri, lines('apiVersion: things.example.com/v1', 'kind: Tagged', 'metadata: {name: t}', 'spec:', '  tags: [{toString: a}, {toString: a}]'));
  assert.deepEqual(codes(diagnostics), ['internal/validator-failed@1']);
  assert.deepEqual(await client.open('file:///ws/crd4/fine.yaml', lines('apiVersion: things.example.com/v1', 'kind: Tagged', 'metadata: {name: f}', 'spec:', '  tags: [{a: 1}, {a: 2}]')), []);
});

test('crd: completion offers the fields and enum values of the CRD schema', async () => {
  const uri = 'file:///ws/crd/complete.yaml';
  await client.open(uri, lines('apiVersion: stable.example.com/v1', 'kind: CronTab', 'metadata: {name: c}', 'spec:', '  cronSpec: "* * * * *"', '  ', '  mode: '));
  const keys = (await client.completion(uri, { line: 5, character: 2 })).map((i) => i.label);
  assert.ok(['replicas', 'image', 'size'].every((k) => keys.includes(k)), keys.join(', '));
  assert.ok(!keys.includes('cronSpec') && !keys.includes('mode'), 'present keys are left out');
  const values = (await client.completion(uri, { line: 6, character: 8 })).map((i) => i.label);
  assert.deepEqual(values, ['Fast', 'Slow']);
  const kinds = (await client.completion(uri, { line: 1, character: 6 })).map((i) => i.label);
  assert.ok(kinds.includes('CronTab'), 'the custom kind is offered for its apiVersion');
});

test('crd: hover describes a custom resource field from its CRD', async () => {
  const uri = 'file:///ws/crd/my-cron.yaml';
  const hover = await client.hover(uri, { line: 4, character: 4 });
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  for (const part of ['**cronSpec**', '`string`', 'required', 'A cron expression for the runs.', 'CustomResourceDefinition `crontabs.stable.example.com`']) assert.ok(value.includes(part), `${part} missing in ${value}`);
});

test('crd: CRDs in the workspace folder and in drydock.crdFolders are found on start', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-crd-'));
  try {
    mkdirSync(join(root, 'workspace', 'deploy', 'crds'), { recursive: true });
    mkdirSync(join(root, 'shared-crds'), { recursive: true });
    writeFileSync(join(root, 'workspace', 'deploy', 'crds', 'crontab.yaml'), crd);
    writeFileSync(join(root, 'shared-crds', 'level.yml'), crd.replace(/CronTab/g, 'Widget').replace('crontabs', 'widgets'));
    const workspace = await LspClient.startInWorkspace(pathToFileURL(join(root, 'workspace')).toString(), { kubernetesVersion: '1.36', validate: { enable: true }, crdFolders: [join(root, 'shared-crds')] });
    try {
      const uri = pathToFileURL(join(root, 'workspace', 'my-cron.yaml')).toString();
      const first = await workspace.open(uri, customResource);
      assert.deepEqual(codes(await workspace.diagnosticsUntil(uri, (d) => !d.some((x) => x.code === 'schema/no-schema'), first)), expected);
      const widgetUri = pathToFileURL(join(root, 'workspace', 'widget.yaml')).toString();
      const widget = await workspace.open(widgetUri, customResource.replace('CronTab', 'Widget'));
      assert.deepEqual(codes(await workspace.diagnosticsUntil(widgetUri, (d) => !d.some((x) => x.code === 'schema/no-schema'), widget)), expected);
    } finally {
      await workspace.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('crd: list-type map and set items must be unique (keys defaulted as the API server does)', async () => {
  const listCrd = lines(
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: basics.lists.example.com}',
    'spec:',
    '  group: lists.example.com',
    '  scope: Namespaced',
    '  names: {plural: basics, kind: Basic}',
    '  versions:',
    '  - name: v1',
    '    served: true',
    '    storage: true',
    '    schema:',
    '      openAPIV3Schema:',
    '        type: object',
    '        properties:',
    '          ports:',
    '            type: array',
    '            x-kubernetes-list-type: map',
    '            x-kubernetes-list-map-keys: [containerPort, protocol]',
    '            items:',
    '              type: object',
    '              properties:',
    '                containerPort: {type: integer}',
    '                protocol: {type: string, default: TCP}',
    '          tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}',
  );
  await client.open('file:///ws/lists/crd.yaml', listCrd);
  const bad = lines('apiVersion: lists.example.com/v1', 'kind: Basic', 'metadata: {name: b}', 'ports:', '- {containerPort: 88, protocol: TCP}', '- {containerPort: 88}', 'tags: [a, b, a]');
  assert.deepEqual(codes(await client.open('file:///ws/lists/bad.yaml', bad)), ['schema/duplicate-item@5', 'schema/duplicate-item@6']);
  // Another name: two `Basic b` in one folder would be a ref/duplicate-object, whenever the rules run.
  const good = lines('apiVersion: lists.example.com/v1', 'kind: Basic', 'metadata: {name: g}', 'ports:', '- {containerPort: 88, protocol: UDP}', '- {containerPort: 88}', 'tags: [a, b]');
  assert.deepEqual(await client.open('file:///ws/lists/good.yaml', good), []);
});

test('crd: CEL validation rules (x-kubernetes-validations) are evaluated on the custom resource', async () => {
  const ruleCrd = lines(
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: positives.cel.example.com}',
    'spec:',
    '  group: cel.example.com',
    '  scope: Namespaced',
    '  names: {plural: positives, kind: Positive}',
    '  versions:',
    '  - name: v1',
    '    served: true',
    '    storage: true',
    '    schema:',
    '      openAPIV3Schema:',
    '        type: object',
    '        properties:',
    '          value:',
    '            type: integer',
    '            x-kubernetes-validations:',
    '            - {rule: "self > 0", message: Must be positive non-zero}',
    '            - {rule: "self >= oldSelf", message: cannot decrease}',
    '            - {rule: "self.lowerAscii() == self"}',
  );
  await client.open('file:///ws/cel/crd.yaml', ruleCrd);
  const bad = await client.open('file:///ws/cel/bad.yaml', lines('apiVersion: cel.example.com/v1', 'kind: Positive', 'metadata: {name: p}', 'value: -3'));
  assert.equal(bad.length, 1, JSON.stringify(bad));
  assert.equal(bad[0].code, 'crd/validation-rule');
  assert.equal(bad[0].severity, 1);
  assert.equal(bad[0].message, 'Invalid value: -3: Must be positive non-zero');
  assert.deepEqual(bad[0].range, { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } });
  // Another name: two `Positive p` in one folder would be a ref/duplicate-object, whenever the rules run.
  assert.deepEqual(await client.open('file:///ws/cel/good.yaml', lines('apiVersion: cel.example.com/v1', 'kind: Positive', 'metadata: {name: q}', 'value: 3')), []);
});
