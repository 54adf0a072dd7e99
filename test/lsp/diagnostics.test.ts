import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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
  '      containers:', // 10
  '      - name: web', // 11
  '        image: nginx:1.27', // 12
  '---', // 13
  'apiVersion: v1', // 14
  'kind: Service', // 15
  'metadata: {name: web}', // 16
  'spec:', // 17
  '  selector: {app: web}', // 18
  '  ports: [{port: 80, targetPort: 8080}]', // 19
].join('\n');

// Each test's file sits in a folder of its own: the same objects in one folder are `ref/duplicate-object`.
let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.dispose();
});

const summary = (diagnostics: Array<{ code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) =>
  diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

test('lsp: a valid manifest publishes no diagnostics', async () => {
  assert.deepEqual(await client.open('file:///ws/ok/ok.yaml', manifest), []);
});

test('lsp: an edit is validated and the diagnostic sits on the exact key', async () => {
  const uri = 'file:///ws/edit/edit.yaml';
  await client.open(uri, manifest);
  // Turn `replicas` into `replica` (delete the "s" at line 5, character 9).
  const diagnostics = await client.change(uri, 2, [{ range: { start: { line: 5, character: 9 }, end: { line: 5, character: 10 } }, text: '' }]);
  assert.deepEqual(summary(diagnostics), ['schema/unknown-field@5:2-5:9']);
  assert.equal(diagnostics[0].message, '`replica` is not a field of DeploymentSpec - did you mean `replicas`?');
  assert.equal(diagnostics[0].source, 'drydock');
  assert.equal(diagnostics[0].severity, 1);
  // An edit in the first document moves nothing in the second: fix it and add a problem at line 19.
  const fixed = await client.change(uri, 3, [
    { range: { start: { line: 5, character: 9 }, end: { line: 5, character: 9 } }, text: 's' },
    { range: { start: { line: 19, character: 33 }, end: { line: 19, character: 37 } }, text: 'yes' },
  ]);
  assert.deepEqual(summary(fixed), ['schema/type@19:33-19:36']);
});

test('lsp: inserting lines above moves the diagnostics of later documents', async () => {
  const uri = 'file:///ws/shift/shift.yaml';
  const broken = manifest.replace('  ports: [{port: 80, targetPort: 8080}]', '  ports: [{port: "80"}]');
  assert.deepEqual(summary(await client.open(uri, broken)), ['schema/type@19:17-19:21']);
  const moved = await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
  assert.deepEqual(summary(moved), ['schema/type@21:17-21:21']);
});

test('lsp: closing a document clears its diagnostics', async () => {
  const uri = 'file:///ws/close.yaml';
  const opened = await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containerz: []}\n');
  assert.ok(opened.length > 0);
  assert.deepEqual(await client.close(uri), []);
});

test('lsp: files that are not manifests get no diagnostics', async () => {
  const compose = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n';
  assert.deepEqual(await client.open('file:///ws/docker-compose.yml', compose), []);
  const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
  assert.deepEqual(await client.open('file:///ws/.github/workflows/ci.yml', workflow), []);
});

test('lsp: YAML syntax errors are reported with their code', async () => {
  const diagnostics = await client.open('file:///ws/syntax.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nkind: ConfigMap\n');
  assert.deepEqual(summary(diagnostics), ['yaml/duplicate-key@3:0-3:4']);
});

test('lsp: settings take effect without a restart', async () => {
  const uri = 'file:///ws/settings.yaml';
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostnameOverride: h\n  containers: [{name: a, image: b}]\n';
  assert.deepEqual(await client.open(uri, text), []);
  // Each change is published (validation first, the dry run a moment later): wait for the one that shows it.
  const old = await client.configure({ kubernetesVersion: '1.32', validate: { enable: true } }, uri, (d) => d.length > 0);
  assert.deepEqual(summary(old), ['schema/unknown-field@4:2-4:18']);
  const disabled = await client.configure({ kubernetesVersion: '1.32', validate: { enable: false } }, uri, (d) => d.length === 0);
  assert.deepEqual(disabled, []);
  await client.configure({ kubernetesVersion: '1.32', validate: { enable: true } }, uri, (d) => d.length > 0);
  const unknown = await client.configure({ kubernetesVersion: '1.99', validate: { enable: true } }, uri, (d) => d.length === 0);
  assert.deepEqual(unknown, []);
  assert.ok(client.messages.some((m) => m.includes('no schemas for Kubernetes 1.99')), client.messages.join('\n'));
  await client.configure({ kubernetesVersion: '1.36', validate: { enable: true } }, uri);
});
