import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';
import type { PreviewModel } from '../../server/src/protocol/preview';

const lines = (...l: string[]) => l.join('\n') + '\n';
const configMap = (name: string) => lines('apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${name}}`, 'data: {mode: fast}');

/** Opened: a Deployment using ConfigMaps `settings` and `nowhere`, a Service for pods of another file, a Service for no pods at all. */
const opened = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 1',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
  '        envFrom: [{configMapRef: {name: settings}}, {configMapRef: {name: nowhere}}]',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: api}',
  'spec: {selector: {app: api}, ports: [{port: 80}]}',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: ghost}',
  'spec: {selector: {app: ghost}, ports: [{port: 80}]}',
);

/** Not opened: the pods of Service `api`, as the second document (line 4). */
const apiPods = (app: string) =>
  configMap('api-extra') +
  '---\n' +
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api}',
    'spec:',
    '  replicas: 2',
    `  selector: {matchLabels: {app: ${app}}}`,
    '  template:',
    `    metadata: {labels: {app: ${app}}}`,
    '    spec: {containers: [{name: api, image: "nginx:1.27", resources: {requests: {cpu: 100m}}}]}',
  );

/** `code` findings, as `code:subject`, where the subject is the first `name` quoted in the message (or the Service's line). */
function findings(diagnostics: Diagnostic[], ...wanted: string[]): string[] {
  return diagnostics
    .filter((d) => wanted.includes(String(d.code)))
    .map((d) => `${String(d.code)}:${/`([^`]+)`/.exec(d.message)?.[1] ?? `line ${d.range.start.line}`}`)
    .sort();
}

const RULES = ['ref/configmap-missing', 'ref/service-no-pods'];
const rulesRan = (d: Diagnostic[]) => findings(d, 'ref/configmap-missing').includes('ref/configmap-missing:nowhere');

interface Workspace {
  root: string;
  uri: (name: string) => string;
}

/** A temp workspace folder that `setup` fills, a server started on it for `body`; both go away after. */
async function inWorkspace(setup: (ws: Workspace) => void, body: (client: LspClient, ws: Workspace) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-workspace-'));
  const ws: Workspace = { root, uri: (name) => pathToFileURL(join(root, name)).toString() };
  try {
    setup(ws);
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await body(client, ws);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('workspace: unopened files satisfy references and select pods; deleting one brings the finding back', { timeout: 30_000 }, () =>
  inWorkspace((ws) => {
    writeFileSync(join(ws.root, 'configmap.yaml'), configMap('settings'));
    writeFileSync(join(ws.root, 'api.yml'), apiPods('api'));
    // Over the size bound (2 MB): not read, and the log says so.
    writeFileSync(join(ws.root, 'big.yaml'), configMap('nowhere') + `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    // Skipped folders: a ConfigMap `nowhere` there must not count.
    for (const folder of ['node_modules', '.hidden']) {
      mkdirSync(join(ws.root, folder));
      writeFileSync(join(ws.root, folder, 'nowhere.yaml'), configMap('nowhere'));
    }
  }, async (client, ws) => {
    assert.match(await client.logLine(/read the manifests of/), /read the manifests of 2 of 3 workspace YAML files/);
    assert.match(await client.logLine(/big\.yaml/), /big\.yaml is not read \(2\.0 MB; the limit is 2 MB\)/);
    const uri = ws.uri('deployment.yaml');
    const first = await client.open(uri, opened);
    const diagnostics = await client.diagnosticsUntil(uri, rulesRan, first);
    // `settings` is found in configmap.yaml, `api` selects the pods of api.yml; `nowhere` and `ghost` exist nowhere.
    assert.deepEqual(findings(diagnostics, ...RULES), ['ref/configmap-missing:nowhere', 'ref/service-no-pods:line 22']);

    const workspacePreview = await client.sendRequest<PreviewModel>('drydock/preview', { uri, scope: 'workspace', neverReady: false });
    const apiPodsSeen = workspacePreview.simulation.pods.filter((p) => p.source?.uri === ws.uri('api.yml'));
    assert.equal(apiPodsSeen.length, 2, 'the workspace preview runs the pods of the unopened file');
    for (const pod of apiPodsSeen) assert.deepEqual(pod.source, { uri: ws.uri('api.yml'), line: 5 });
    const filePreview = await client.sendRequest<PreviewModel>('drydock/preview', { uri, scope: 'file', neverReady: false });
    assert.deepEqual(filePreview.simulation.pods.filter((p) => p.source && p.source.uri !== uri), [], 'the file preview is the file alone');
    assert.equal(filePreview.simulation.diagnostics.filter((d) => d.code === 'ref/service-no-pods').length, 1, 'only `ghost` in the file preview too');

    rmSync(join(ws.root, 'configmap.yaml'));
    const missing = client.diagnosticsUntil(uri, (d) => findings(d, 'ref/configmap-missing').includes('ref/configmap-missing:settings'));
    await client.watchedFilesChanged([{ uri: ws.uri('configmap.yaml'), type: FileChangeType.Deleted }]);
    assert.deepEqual(findings(await missing, ...RULES), ['ref/configmap-missing:nowhere', 'ref/configmap-missing:settings', 'ref/service-no-pods:line 22']);

    writeFileSync(join(ws.root, 'more.yaml'), configMap('nowhere') + '---\n' + configMap('settings'));
    const created = client.diagnosticsUntil(uri, (d) => findings(d, 'ref/configmap-missing').length === 0);
    await client.watchedFilesChanged([{ uri: ws.uri('more.yaml'), type: FileChangeType.Created }]);
    assert.deepEqual(findings(await created, ...RULES), ['ref/service-no-pods:line 22']);
  }));

test('workspace: an open document overrides its file on disk, and the dry run of other files follows it', { timeout: 30_000 }, () =>
  inWorkspace((ws) => {
    writeFileSync(join(ws.root, 'configmap.yaml'), configMap('settings'));
    writeFileSync(join(ws.root, 'api.yaml'), apiPods('api'));
  }, async (client, ws) => {
    await client.logLine(/read the manifests of/);
    const uri = ws.uri('deployment.yaml');
    assert.deepEqual(findings(await client.diagnosticsUntil(uri, rulesRan, await client.open(uri, opened)), ...RULES), ['ref/configmap-missing:nowhere', 'ref/service-no-pods:line 22']);
    // The pods file, opened and edited (not saved): its open text wins over the disk, `api` selects nothing any more.
    const podsUri = ws.uri('api.yaml');
    const noPods = client.diagnosticsUntil(uri, (d) => findings(d, 'ref/service-no-pods').length === 2);
    await client.open(podsUri, apiPods('other'));
    assert.deepEqual(findings(await noPods, ...RULES), ['ref/configmap-missing:nowhere', 'ref/service-no-pods:line 17', 'ref/service-no-pods:line 22']);
    // Closed without saving: the file on disk counts again.
    const served = client.diagnosticsUntil(uri, (d) => findings(d, 'ref/service-no-pods').length === 1);
    await client.close(podsUri);
    assert.deepEqual(findings(await served, ...RULES), ['ref/configmap-missing:nowhere', 'ref/service-no-pods:line 22']);
  }));

test('workspace: a folder added to the workspace is read, a removed one is forgotten', { timeout: 30_000 }, async () => {
  const other = mkdtempSync(join(tmpdir(), 'drydock-other-folder-'));
  try {
    writeFileSync(join(other, 'settings.yaml'), configMap('settings'));
    const otherUri = pathToFileURL(other).toString();
    await inWorkspace(
      () => undefined,
      async (client, ws) => {
        await client.logLine(/read the manifests of/);
        const uri = ws.uri('deployment.yaml');
        const first = await client.diagnosticsUntil(uri, rulesRan, await client.open(uri, opened));
        assert.deepEqual(findings(first, 'ref/configmap-missing'), ['ref/configmap-missing:nowhere', 'ref/configmap-missing:settings']);
        const added = client.diagnosticsUntil(uri, (d) => rulesRan(d) && findings(d, 'ref/configmap-missing').length === 1);
        await client.workspaceFoldersChanged([otherUri], []);
        assert.deepEqual(findings(await added, 'ref/configmap-missing'), ['ref/configmap-missing:nowhere'], 'the ConfigMap of the added folder counts');
        const removed = client.diagnosticsUntil(uri, (d) => findings(d, 'ref/configmap-missing').length === 2);
        await client.workspaceFoldersChanged([], [otherUri]);
        assert.deepEqual(findings(await removed, 'ref/configmap-missing'), ['ref/configmap-missing:nowhere', 'ref/configmap-missing:settings']);
      },
    );
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('workspace preview: an object defined in two files is simulated once, as its last copy (issue #13)', { timeout: 30_000 }, () =>
  inWorkspace((ws) => {
    writeFileSync(join(ws.root, 'a-variant.yaml'), apiPods('api'));
  }, async (client, ws) => {
    await client.logLine(/read the manifests of/);
    // Open the copy `kubectl apply -f <folder>` applies last (files by path): the notes are on it.
    const uri = ws.uri('b-variant.yaml');
    await client.open(uri, apiPods('api'));
    const preview = await client.sendRequest<PreviewModel>('drydock/preview', { uri, scope: 'workspace', neverReady: false });
    const pods = preview.simulation.pods.filter((p) => p.name.startsWith('api-'));
    assert.equal(pods.length, 2, 'replicas: 2 once, not once per file');
    assert.ok(pods.every((p) => p.source?.uri === uri), 'the pods of the last copy');
    const notes = preview.simulation.diagnostics.filter((d) => d.code === 'sim/duplicate-object');
    assert.equal(notes.length, 2, 'one note per object (the ConfigMap and the Deployment)');
    assert.ok(notes.every((d) => d.severity === 'information' && /is also defined in .*a-variant\.yaml: kubectl apply keeps the last one applied/.test(d.message)), JSON.stringify(notes));
  }));
