import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';
import { runCli, type CliRun } from '../helpers/runCli';
import { MAX_FILE_CHARS, MAX_LINE_CHARS } from '../../server/src/language/parse/limits';

// Huge inputs in the built CLI: the language server's input budget (language/parse/limits.ts) and its
// note (limits/file-too-large), the exit-code contract, and no hang. Inputs are generated into a temp
// folder, never committed. The budget is generous for a loaded 2-core machine; each run takes < 1 s idle.
const BUDGET_MS = 10_000;

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndata:\n  a: "1"\n';
const INVALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad}\nbogus: 1\n';

let dir: string;
const FILES = {
  big: 'big.yaml', // 50 MB of small valid documents
  line: 'line.json', // one 10 MB line, no newline at all
  longLine: 'long-line.yaml', // a small file with one 2 MB line (the line budget, under the file budget)
  invalid: 'invalid.yaml',
};
const texts: Record<keyof typeof FILES, string> = { big: '', line: '', longLine: '', invalid: INVALID };

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'drydock-huge-'));
  texts.big = `${CONFIG_MAP}---\n`.repeat(Math.ceil((50 * 1024 * 1024) / (CONFIG_MAP.length + 4)));
  texts.line = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"line"},"data":{"k":"${'y'.repeat(10 * 1024 * 1024)}"}}`;
  texts.longLine = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  blob: ${'x'.repeat(MAX_LINE_CHARS * 2)}\n`;
  assert.ok(texts.big.length > MAX_FILE_CHARS && texts.big.length < 51 * 1024 * 1024);
  assert.ok(!texts.line.includes('\n') && texts.line.length > 10 * 1024 * 1024);
  assert.ok(texts.longLine.length < MAX_FILE_CHARS);
  for (const key of Object.keys(FILES) as Array<keyof typeof FILES>) writeFileSync(join(dir, FILES[key]), texts[key]);
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function timedCli(args: string[]): Promise<CliRun> {
  const start = performance.now();
  const run = await runCli(args, dir);
  const elapsed = performance.now() - start;
  assert.ok(elapsed < BUDGET_MS, `drydock ${args.join(' ')} took ${elapsed.toFixed(0)} ms`);
  assert.doesNotMatch(run.stderr, /internal error/);
  return run;
}

const note = (path: string, message: RegExp) => new RegExp(`^${path.replace(/\./g, '\\.')}:1:1: information limits/file-too-large ${message.source}`, 'm');

test('cli check: a 50 MB file gets the limits/file-too-large note, exit 0', async () => {
  const run = await timedCli(['check', FILES.big]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, note(FILES.big, /This file is 50\.0 MB; Drydock validates files up to 5\.0 MB, so it was not validated or dry-run\.$/));
  assert.match(run.stdout, /^1 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 1 note\(s\)$/m);
});

test('cli check: a file that is a single 10 MB line gets the note, exit 0', async () => {
  const run = await timedCli(['check', FILES.line]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, note(FILES.line, /This file is 10\.0 MB; .*not validated/));
});

test('cli check: a 2 MB line in a small file gets the note naming the line', async () => {
  const run = await timedCli(['check', FILES.longLine]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, note(FILES.longLine, /Line 5 is 2\.0 MB long; Drydock validates files whose lines are at most 1\.0 MB/));
});

test('cli check: huge files next to an invalid one: the errors still count (exit 1), the huge files are notes', async () => {
  const run = await timedCli(['check', '--format', 'json', FILES.big, FILES.invalid, FILES.line]);
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ severity: string; code: string }> }> };
  assert.deepEqual(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.code}`)]), [
    [FILES.big, ['information limits/file-too-large']],
    [FILES.invalid, ['error schema/unknown-field']],
    [FILES.line, ['information limits/file-too-large']],
  ]);
});

test('cli check: a directory walk reports the huge manifests it finds, and skips huge files that are not', async () => {
  const walked = join(dir, 'walk');
  mkdirSync(walked, { recursive: true });
  writeFileSync(join(walked, 'a-huge.yaml'), texts.longLine);
  writeFileSync(join(walked, 'b-ok.yaml'), CONFIG_MAP);
  const lock = JSON.stringify({ packages: Array.from({ length: 150_000 }, (_, i) => ({ name: `package-${i}`, version: '1.0.0' })) });
  assert.ok(lock.length > MAX_FILE_CHARS && !lock.includes('apiVersion'));
  writeFileSync(join(walked, 'c-lock.json'), lock);
  const run = await timedCli(['check', 'walk']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, note('walk/a-huge.yaml', /Line 5 is 2\.0 MB long/));
  assert.match(run.stdout, /^2 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 1 note\(s\)$/m);
});

test('cli simulate and reach: a huge file is left out with the same note', async () => {
  const simulate = await timedCli(['simulate', '--format', 'json', FILES.big]);
  assert.equal(simulate.code, 0, simulate.stderr);
  const model = JSON.parse(simulate.stdout) as { diagnostics: Array<{ path: string; severity: string; code: string; message: string }> };
  assert.deepEqual(model.diagnostics.map((d) => [d.path, d.severity, d.code]), [[FILES.big, 'information', 'limits/file-too-large']]);
  assert.match(model.diagnostics[0].message, /^This file is 50\.0 MB/);

  const reach = await timedCli(['reach', FILES.line]);
  assert.equal(reach.code, 0, reach.stderr);
  assert.match(reach.stdout, note(FILES.line, /This file is 10\.0 MB/));
});

test('cli check: the note is the one the language server publishes for the same text', async () => {
  const client = await LspClient.start();
  try {
    const severities: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
    const fromServer = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ range: d.range, severity: severities[d.severity ?? 1], code: d.code, message: d.message }));
    for (const key of ['line', 'longLine'] as const) {
      const published = await client.open(pathToFileURL(join(dir, FILES[key])).toString(), texts[key]);
      const run = await timedCli(['check', '--format', 'json', FILES[key]]);
      const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: unknown[] }> };
      assert.equal(published.length, 1, JSON.stringify(published));
      assert.deepEqual(report.files[0].diagnostics, fromServer(published), key);
    }
  } finally {
    await client.dispose();
  }
});

test('cli rollout: a rollout to or from a file over the budget is an input problem (exit 2), not a partial answer', async () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n';
  writeFileSync(join(dir, 'web.yaml'), deployment);
  for (const args of [['--from', FILES.big, '--to', 'web.yaml'], ['--from', 'web.yaml', '--to', FILES.line]]) {
    const run = await timedCli(['rollout', ...args]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /^drydock rollout: .*: This file is (50|10)\.0 MB; Drydock validates/m);
  }
});
