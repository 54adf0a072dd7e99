import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';
import { envWithoutTools, RENDER_SKIP, renderTools } from '../helpers/renderTools';

// `drydock simulate|reach|rollout` on chart and overlay folders: dry-run as they render (real helm v4 and kubectl kustomize).
const FIXTURES = 'test/fixtures/render';

function withTools(): NodeJS.ProcessEnv {
  const { helm, kubectl } = renderTools();
  return { ...envWithoutTools(), DRYDOCK_HELM: helm, DRYDOCK_KUSTOMIZE: `${kubectl} kustomize` };
}

interface SimulateJson {
  pods: Array<{ name: string; namespace?: string; node: string | null }>;
  diagnostics: Array<{ path: string; code: string; range: { start: { line: number } } }>;
}

test("simulate: a chart's rendered pods are placed, its test hook is not", { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const run = await runCli(['simulate', '--format', 'json', `${FIXTURES}/charts/webapp`], undefined, withTools());
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SimulateJson;
  const names = result.pods.map((pod) => pod.name);
  assert.ok(names.some((name) => name.startsWith('release-name-webapp-')), names.join(', '));
  assert.ok(!names.some((name) => name.includes('test-connection')), 'the helm test hook is not installed, so not placed');
  assert.deepEqual(result.diagnostics, []);
});

test('simulate: a dry-run finding on an overlay object lands on the component file that wrote it', { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-sim-'));
  try {
    cpSync(join(FIXTURES, 'kustomize'), join(root, 'kustomize'), { recursive: true });
    const service = join(root, 'kustomize/components/monitoring/metrics-service.yaml');
    writeFileSync(service, readFileSync(service, 'utf8').replace('targetPort: metrics', 'targetPort: metric'));
    const run = await runCli(['simulate', '--format', 'json', 'kustomize/overlays/prod'], root, withTools());
    const result = JSON.parse(run.stdout) as SimulateJson;
    const line = readFileSync(service, 'utf8').split('\n').findIndex((l) => l.includes('targetPort: metric'));
    const found = result.diagnostics.map((d) => `${d.path}:${d.range.start.line} ${d.code}`);
    assert.ok(found.includes(`kustomize/components/monitoring/metrics-service.yaml:${line} ref/target-port-not-found`), found.join(', '));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('rollout: from one overlay to another', { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const run = await runCli(['rollout', '--format', 'json', '--from', `${FIXTURES}/kustomize/overlays/staging`, '--to', `${FIXTURES}/kustomize/overlays/prod`], undefined, withTools());
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { deployments: Array<{ name: string; outcome: string }>; removed: string[] };
  assert.deepEqual(result.deployments.map((d) => `${d.name} ${d.outcome}`), ['prod-web complete']);
  assert.deepEqual(result.removed, ['shop-staging/web-stg']);
});

test('reach: an overlay folder is read as it builds', { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const run = await runCli(['reach', '--format', 'json', `${FIXTURES}/kustomize/overlays/prod`], undefined, withTools());
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { matrix: { endpoints: Array<{ label: string }> } };
  assert.ok(result.matrix.endpoints.some((e) => e.label.startsWith('shop-prod/prod-web')), JSON.stringify(result.matrix.endpoints));
});

test('simulate: without kustomize, an overlay is dry-run from its files and stderr says it was not rendered', { timeout: 60_000 }, async () => {
  const run = await runCli(['simulate', `${FIXTURES}/kustomize/overlays/prod`], undefined, envWithoutTools());
  assert.match(run.stderr, /overlays\/prod: not rendered \(no kustomize found/);
});

test("rollout: from a chart's values.yaml to another values file of it", { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-values-'));
  try {
    cpSync(join(FIXTURES, 'charts/webapp'), join(root, 'webapp'), { recursive: true });
    const values = readFileSync(join(root, 'webapp/values.yaml'), 'utf8');
    writeFileSync(join(root, 'webapp/values-prod.yaml'), values.replace('replicaCount: 1', 'replicaCount: 4').replace('tag: ""', 'tag: "1.27.3"'));
    const run = await runCli(['rollout', '--format', 'json', '--from', 'webapp/values.yaml', '--to', 'webapp/values-prod.yaml'], root, withTools());
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { deployments: Array<{ name: string; outcome: string; replicas: number }> };
    assert.deepEqual(result.deployments.map((d) => `${d.name} ${d.outcome}`), ['release-name-webapp complete']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
