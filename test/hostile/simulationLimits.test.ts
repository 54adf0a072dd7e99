import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRun } from '../../server/src/dryRun/dryRun';
import { DEFAULT_LIMITS } from '../../server/src/simulator/simulate';
import type { Manifest } from '../../server/src/simulator/model/source';
import { runCli } from '../helpers/runCli';

// Absurd dry-run inputs are bounded with a clear finding. The budget is generous for a loaded CI box.
const BUDGET_MS = 15_000;
const m = (object: object, document = 0): Manifest => ({ source: { file: 'absurd.yaml', document, path: [] }, object: object as Manifest['object'] });
const deployment = (name: string, replicas: number) =>
  m({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '1m', memory: '1Mi' } } }] } } } });

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  const elapsed = performance.now() - start;
  assert.ok(elapsed < BUDGET_MS, `took ${elapsed.toFixed(0)} ms`);
  return result;
}

test('hostile: 1e9 replicas are capped with sim/too-many-pods', () => {
  const run = timed(() => dryRun({ manifests: [deployment('web', 1e9)], cluster: null, baseline: [deployment('web', 1e9 - 1)] }));
  const capped = run.findings.find((f) => f.code === 'sim/too-many-pods');
  assert.ok(capped);
  assert.match(capped.message, new RegExp(`asks for 1000000000 pods; only ${DEFAULT_LIMITS.maxPodsPerWorkload} are simulated`));
});

test('hostile: a 100,000-node cluster profile is capped with sim/too-many-nodes', () => {
  const nodes = Array.from({ length: 100_000 }, (_, i) => m({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` }, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } }));
  const run = timed(() => dryRun({ manifests: [deployment('web', 10)], cluster: nodes, baseline: null }));
  const capped = run.findings.find((f) => f.code === 'sim/too-many-nodes');
  assert.ok(capped);
  assert.match(capped.message, /has 100000 nodes; only the first 50000 are simulated/);
});

test('hostile: a NetworkPolicy matrix over 100,000 pods is bounded', () => {
  const nodes = Array.from({ length: 1000 }, (_, i) => m({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` }, status: { allocatable: { cpu: '64', memory: '256Gi', pods: '250' } } }));
  const policy = m({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a0' } } }] }] } }, 1);
  const run = timed(() => dryRun({ manifests: [deployment('a0', 50_000), deployment('a1', 50_000), policy], cluster: nodes, baseline: null, matrix: true }));
  assert.equal(run.findings.filter((f) => f.code === 'sim/too-many-pods').length, 2);
});

test('hostile: the CLI reads invalid UTF-8, binary junk and a BOM+CRLF file without an internal error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-hostile-'));
  writeFileSync(join(dir, 'utf8.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a])]));
  const junk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
  writeFileSync(join(dir, 'junk.yaml'), junk);
  writeFileSync(join(dir, 'crlf.yaml'), '\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n');
  writeFileSync(join(dir, 'bomb.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
  for (const command of ['check', 'simulate', 'reach']) {
    const run = await runCli([command, join(dir, 'utf8.yaml'), join(dir, 'junk.yaml'), join(dir, 'crlf.yaml'), join(dir, 'bomb.yaml')]);
    assert.ok(run.code === 0 || run.code === 1, `${command}: exit ${run.code}\n${run.stderr}`);
    assert.doesNotMatch(run.stderr, /internal error/);
    if (command === 'check') assert.match(run.stdout, /yaml\/too-deep/);
  }
});
