import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';
import { inTempWorkspace } from '../helpers/tempWorkspace';
import { RENDER_SKIP, renderTools } from '../helpers/renderTools';

// The language server renders charts and overlays with the real helm v4 and kubectl kustomize, in a
// trusted workspace, and publishes what the rendered objects' problems are on the source lines.
const FIXTURES = join(__dirname, '..', 'fixtures', 'render');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const errorsOf = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => `${String(d.code)}@${d.range.start.line}`);
const languageOf = (path: string): string => (path.includes('/templates/') ? 'helm-template' : 'yaml');
const isSource = (path: string): boolean => /\.(ya?ml|tpl)$/.test(path) || path.endsWith('NOTES.txt');

function inWorkspace(body: (client: LspClient, root: string) => Promise<void>): Promise<void> {
  const { helm, kubectl } = renderTools();
  const settings = { kubernetesVersion: '1.34', validate: { enable: true }, helm: { path: helm }, kustomize: { command: `${kubectl} kustomize` } };
  return inTempWorkspace({ copyFrom: FIXTURES, settings, trusted: true }, body);
}

const PROJECTS = ['charts/webapp', 'charts/platform', 'charts/jobs', 'kustomize'];

for (const project of PROJECTS) {
  test(`render (editor): every file of ${project} open, rendered, no error or warning anywhere`, { skip: RENDER_SKIP, timeout: 90_000 }, () =>
    inWorkspace(async (client, root) => {
      const files = filesUnder(join(root, project)).filter(isSource);
      for (const path of files) {
        const diagnostics = await client.open(pathToFileURL(path).toString(), readFileSync(path, 'utf8'), 1, languageOf(path));
        assert.deepEqual(errorsOf(diagnostics), [], relative(root, path));
      }
      // Each project's render logs once it has published; the opened files' findings are then complete.
      const pattern = project === 'kustomize' ? /rendered overlay .*overlays\/staging/ : new RegExp(`rendered chart .*${project}`);
      await client.logLine(pattern);
      const published = client.published.filter((p) => files.includes(fileURLToPath(p.uri)));
      assert.deepEqual(published.flatMap((p) => errorsOf(p.diagnostics).map((e) => `${relative(root, fileURLToPath(p.uri))} ${e}`)), []);
    }),
  );
}

/** A planted error and the open file + line (of the text `at`) where the render must put it. */
const PLANTED: Array<{ name: string; file: string; from: string; to: string; watch: string; at: string; code: string }> = [
  {
    name: 'a bad value in values.yaml lands on the template line that uses it',
    file: 'charts/webapp/values.yaml',
    from: 'type: ClusterIP',
    to: 'type: ClusterIp',
    watch: 'charts/webapp/templates/service.yaml',
    at: 'type: {{ .Values.service.type }}',
    code: 'api/unsupported-value',
  },
  {
    name: 'the same value on its values.yaml line',
    file: 'charts/webapp/values.yaml',
    from: 'type: ClusterIP',
    to: 'type: ClusterIp',
    watch: 'charts/webapp/values.yaml',
    at: 'type: ClusterIp',
    code: 'api/unsupported-value',
  },
  {
    name: 'a request no node fits: the dry run of the rendered objects says so on the template line',
    file: 'charts/webapp/values.yaml',
    from: 'resources: {}',
    to: 'resources: {requests: {cpu: "500"}}',
    watch: 'charts/webapp/templates/deployment.yaml',
    at: '          resources:',
    code: 'sim/unschedulable',
  },
  {
    name: "a typo in a template's key lands on that key",
    file: 'charts/platform/templates/workers.yaml',
    from: 'containerPort:',
    to: 'containerPortt:',
    watch: 'charts/platform/templates/workers.yaml',
    at: 'containerPortt:',
    code: 'schema/unknown-field',
  },
  {
    name: 'a bad schedule in values.yaml of the second chart lands on its values line',
    file: 'charts/jobs/values.yaml',
    from: 'schedule: "30 2 * * *"',
    to: 'schedule: "30 25 * * *"',
    watch: 'charts/jobs/values.yaml',
    at: 'schedule: "30 25 * * *"',
    code: 'api/cron-schedule',
  },
  {
    name: "a typo in an overlay's patch lands in the patch",
    file: 'kustomize/overlays/prod/deployment-patch.yaml',
    from: '- secretRef:',
    to: '- secretReff:',
    watch: 'kustomize/overlays/prod/deployment-patch.yaml',
    at: '- secretReff:',
    code: 'schema/unknown-field',
  },
  {
    name: 'a bad value from a JSON 6902 patch file lands on its op',
    file: 'kustomize/overlays/prod/topology-spread.json6902.yaml',
    from: 'whenUnsatisfiable: ScheduleAnyway',
    to: 'whenUnsatisfiable: Sometimes',
    watch: 'kustomize/overlays/prod/topology-spread.json6902.yaml',
    at: 'whenUnsatisfiable: Sometimes',
    code: 'api/unsupported-value',
  },
];

for (const planted of PLANTED) {
  test(`render (editor): ${planted.name}, after a save`, { skip: RENDER_SKIP, timeout: 90_000 }, () =>
    inWorkspace(async (client, root) => {
      const watchPath = join(root, planted.watch);
      const watchUri = pathToFileURL(watchPath).toString();
      if (planted.watch !== planted.file) await client.open(watchUri, readFileSync(watchPath, 'utf8'), 1, languageOf(watchPath));
      const path = join(root, planted.file);
      const uri = pathToFileURL(path).toString();
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(planted.from), planted.from);
      await client.open(uri, text, 1, languageOf(path));
      const edited = text.replace(planted.from, planted.to);
      await client.change(uri, 2, [{ text: edited }]);
      writeFileSync(path, edited);
      const line = readFileSync(watchPath, 'utf8').split('\n').findIndex((l) => l.includes(planted.at));
      assert.ok(line >= 0, planted.at);
      const found = client.diagnosticsUntil(watchUri, (d) => errorsOf(d).includes(`${planted.code}@${line}`));
      await client.save(uri);
      await found;
    }),
  );
}

test('render (editor): an untrusted workspace renders nothing and says so on the chart', { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-untrusted-'));
  try {
    cpSync(join(FIXTURES, 'charts', 'webapp'), join(root, 'webapp'), { recursive: true });
    const { helm } = renderTools();
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString(), { kubernetesVersion: '1.34', helm: { path: helm } });
    try {
      await client.logLine(/read the manifests of/);
      const chart = join(root, 'webapp', 'Chart.yaml');
      const uri = pathToFileURL(chart).toString();
      const noted = await client.diagnosticsUntil(uri, (d) => d.some((x) => x.code === 'render/not-rendered'), await client.open(uri, readFileSync(chart, 'utf8')));
      assert.match(String(noted.find((x) => x.code === 'render/not-rendered')?.message), /trusted workspace/);
      assert.ok(!client.logs.some((line) => /rendered chart/.test(line)), 'helm was not run');
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('render (editor): an unsaved edit is rendered once typing pauses, from a copy: the file on disk is untouched', { skip: RENDER_SKIP, timeout: 90_000 }, () =>
  inWorkspace(async (client, root) => {
    const values = join(root, 'charts/webapp/values.yaml');
    const service = join(root, 'charts/webapp/templates/service.yaml');
    const serviceUri = pathToFileURL(service).toString();
    const valuesUri = pathToFileURL(values).toString();
    const onDisk = readFileSync(values, 'utf8');
    await client.open(serviceUri, readFileSync(service, 'utf8'), 1, 'helm-template');
    await client.open(valuesUri, onDisk);
    const line = readFileSync(service, 'utf8').split('\n').findIndex((l) => l.includes('type: {{ .Values.service.type }}'));
    const found = client.diagnosticsUntil(serviceUri, (d) => errorsOf(d).includes(`api/unsupported-value@${line}`));
    await client.change(valuesUri, 2, [{ text: onDisk.replace('type: ClusterIP', 'type: ClusterIp') }]);
    await found;
    assert.equal(readFileSync(values, 'utf8'), onDisk);
    // Typing it back clears the finding, still without a save.
    const cleared = client.diagnosticsUntil(serviceUri, (d) => errorsOf(d).length === 0);
    await client.change(valuesUri, 3, [{ text: onDisk }]);
    await cleared;
  }),
);

test('render (editor): an overlay whose kustomization is named `Kustomization` (no extension) is found by the scan and rendered', { skip: RENDER_SKIP, timeout: 90_000 }, async () => {
  const { helm, kubectl } = renderTools();
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-noext-'));
  try {
    cpSync(join(FIXTURES, 'kustomize'), root, { recursive: true });
    const staging = join(root, 'overlays/staging');
    writeFileSync(join(staging, 'Kustomization'), readFileSync(join(staging, 'kustomization.yaml'), 'utf8'));
    rmSync(join(staging, 'kustomization.yaml'));
    const settings = { kubernetesVersion: '1.34', helm: { path: helm }, kustomize: { command: `${kubectl} kustomize` } };
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString(), settings, { trusted: true });
    try {
      await client.logLine(/read the manifests of/);
      const patch = join(staging, 'deployment-patch.yaml');
      assert.deepEqual(errorsOf(await client.open(pathToFileURL(patch).toString(), readFileSync(patch, 'utf8'))), []);
      await client.logLine(/rendered overlay .*overlays\/staging/);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
