import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'projects');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** A Deployment with a missing ConfigMap and a request no node fits: a finding of the rules and one of the dry run. */
const SENTINEL = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: sentinel}',
  'spec:',
  '  selector: {matchLabels: {app: sentinel}}',
  '  template:',
  '    metadata: {labels: {app: sentinel}}',
  '    spec: {containers: [{name: s, image: "nginx:1.27", envFrom: [{configMapRef: {name: nowhere}}], resources: {requests: {cpu: "500"}}}]}',
].join('\n') + '\n';

/** Errors and warnings (DiagnosticSeverity 1 and 2), as `code@line`. */
const problems = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => `${String(d.code)}@${d.range.start.line}`);

/** The fixtures' chart and Kustomize base + overlays, copied to a temp workspace folder the server scans. */
async function inProjects(body: (client: LspClient, root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-projects-'));
  try {
    cpSync(FIXTURES, root, { recursive: true });
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      await body(client, root);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('projects: no error or warning on any file of a valid chart and Kustomize overlays; in an untrusted workspace, a not-rendered note on the chart and each overlay', { timeout: 60_000 }, () =>
  inProjects(async (client, root) => {
    for (const path of filesUnder(root)) {
      const diagnostics = await client.open(pathToFileURL(path).toString(), readFileSync(path, 'utf8'));
      assert.deepEqual(problems(diagnostics), [], relative(root, path));
    }
    // The renders run after the opens: each project that is rendered (the chart, the overlays no other builds on) says why it was not.
    const rendered = ['chart/Chart.yaml', 'kustomize/overlays/prod/kustomization.yaml', 'kustomize/overlays/staging/kustomization.yaml'];
    for (const name of rendered) {
      const uri = pathToFileURL(join(root, name)).toString();
      const latest = client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics;
      const noted = await client.diagnosticsUntil(uri, (d) => d.some((x) => x.code === 'render/not-rendered'), latest);
      assert.match(String(noted.find((x) => x.code === 'render/not-rendered')?.message), /not trusted|trusted workspace/, name);
    }
    const notes = [...new Set(client.published.filter((p) => p.diagnostics.some((d) => d.code === 'render/not-rendered')).map((p) => relative(root, fileURLToPath(p.uri))))];
    // The dry run and the cross-resource rules publish later: a sentinel opened last, with a finding of each, says they ran.
    const sentinel = pathToFileURL(join(root, 'sentinel.yaml')).toString();
    const ran = (d: Diagnostic[]) => d.some((x) => x.code === 'ref/configmap-missing') && d.some((x) => x.code === 'sim/unschedulable');
    await client.diagnosticsUntil(sentinel, ran, await client.open(sentinel, SENTINEL));
    const later = client.published.filter((p) => p.uri !== sentinel).flatMap((p) => problems(p.diagnostics).map((code) => `${relative(root, fileURLToPath(p.uri))}: ${code}`));
    assert.deepEqual(later, []);
    assert.deepEqual(notes.sort(), rendered);
  }));

/** Lines are 0-based. */
const PLANTED: Array<{ name: string; file: string; from: string; to: string; code: string; line: number }> = [
  { name: 'a typo in a kustomization', file: 'kustomize/overlays/staging/kustomization.yaml', from: 'namePrefix:', to: 'namePrefx:', code: 'kustomize/unknown-field', line: 3 },
  { name: 'a wrong type in a kustomization', file: 'kustomize/overlays/prod/kustomization.yaml', from: 'count: 3', to: 'count: three', code: 'kustomize/type', line: 11 },
  { name: "a typo'd field in a strategic-merge patch", file: 'kustomize/overlays/staging/replicas.yaml', from: '  replicas: 2', to: '  replcas: 2', code: 'schema/unknown-field', line: 5 },
  { name: "a typo'd field in a patch of a component", file: 'kustomize/components/probes/probes.yaml', from: 'readinessProbe:', to: 'readinesProbe:', code: 'schema/unknown-field', line: 9 },
];

test('projects: a planted error is reported on its file and line, with its code', { timeout: 60_000 }, () =>
  inProjects(async (client, root) => {
    for (const planted of PLANTED) {
      const path = join(root, planted.file);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(planted.from), planted.name);
      const uri = pathToFileURL(path).toString();
      const diagnostics = await client.open(uri, text.replace(planted.from, planted.to));
      assert.deepEqual(problems(diagnostics), [`${planted.code}@${planted.line}`], planted.name);
    }
  }));

test('projects: an open kustomization decides its patches; closed, its file does again', { timeout: 60_000 }, () =>
  inProjects(async (client, root) => {
    const patch = pathToFileURL(join(root, 'kustomize/overlays/staging/replicas.yaml')).toString();
    const kustomization = join(root, 'kustomize/overlays/staging/kustomization.yaml');
    const kustomizationUri = pathToFileURL(kustomization).toString();
    assert.deepEqual(problems(await client.open(patch, readFileSync(join(root, 'kustomize/overlays/staging/replicas.yaml'), 'utf8'))), []);
    // Edited (not saved) so that it lists the patch no more: the patch is a whole Deployment again, and lacks its selector.
    const asManifest = client.diagnosticsUntil(patch, (d) => d.some((x) => x.code === 'schema/required'));
    await client.open(kustomizationUri, readFileSync(kustomization, 'utf8').replace('  - path: replicas.yaml\n', ''));
    await asManifest;
    const asPatch = client.diagnosticsUntil(patch, (d) => problems(d).length === 0);
    await client.close(kustomizationUri);
    await asPatch;
  }));
