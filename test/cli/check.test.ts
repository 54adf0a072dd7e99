import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, runCli } from '../helpers/runCli';

const FIX = 'test/fixtures/check';

const cases: Array<{ name: string; args: string[]; code: number; stdout?: RegExp[]; stderr?: RegExp }> = [
  { name: 'valid file exits 0', args: ['check', `${FIX}/valid.yaml`], code: 0, stdout: [/1 file\(s\) checked: 0 error\(s\)/] },
  {
    name: 'errors exit 1 with path:line:col lines',
    args: ['check', `${FIX}/invalid.yaml`],
    code: 1,
    stdout: [
      /^test\/fixtures\/check\/invalid\.yaml:6:3: error schema\/unknown-field `replica` is not a field of DeploymentSpec - did you mean `replicas`\?$/m,
      /^test\/fixtures\/check\/invalid\.yaml:17:27: error schema\/quantity /m,
    ],
  },
  { name: 'custom resources are a note, not an error', args: ['check', `${FIX}/widget.yaml`], code: 0, stdout: [/:2:7: information schema\/no-schema /] },
  {
    name: 'a CustomResourceDefinition among the inputs validates its custom resources',
    args: ['check', `${FIX}/crd.yaml`, `${FIX}/widget.yaml`],
    code: 1,
    stdout: [/^test\/fixtures\/check\/crd\.yaml:26:9: error schema\/type /m, /2 file\(s\) checked: 1 error\(s\), 0 warning\(s\), 0 note\(s\)/],
  },
  { name: 'a directory walk skips files that are not manifests', args: ['check', `${FIX}/not-manifests`], code: 0, stdout: [/0 file\(s\) checked/] },
  {
    name: 'the cross-resource rules run over all the inputs, as in the editor',
    args: ['check', `${FIX}/cross-resource`],
    code: 0,
    stdout: [
      /^test\/fixtures\/check\/cross-resource\/web\.yaml:10:27: warning ref\/service-account-missing No ServiceAccount `web` in namespace `default` /m,
      /^test\/fixtures\/check\/cross-resource\/web\.yaml:14:75: warning ref\/configmap-missing No ConfigMap `nowhere` in namespace `default` /m,
      /^test\/fixtures\/check\/cross-resource\/web\.yaml:23:63: warning ref\/ingress-service-missing No Service `web` /m,
      /2 file\(s\) checked: 0 error\(s\), 3 warning\(s\), 0 note\(s\)/,
    ],
  },
  { name: '--no-cross-resource leaves them out', args: ['check', '--no-cross-resource', `${FIX}/cross-resource`], code: 0, stdout: [/^2 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 0 note\(s\)$/m] },
  {
    // Issue #13 item 6: the dry run's reference findings, as the editor publishes them (test/lsp/checkAgreement.test.ts).
    name: 'a Service without pods and a targetPort the pods lack (the dry run\'s ref/*); pods of another input or of an operator explain theirs',
    args: ['check', `${FIX}/pod-references`],
    code: 0,
    stdout: [
      /services\.yaml:6:13: warning ref\/service-no-pods selector app=nobody matches no pod in namespace default/,
      /services\.yaml:14:34: warning ref\/target-port-not-found targetPort "http"/,
      /services\.yaml:38:13: information ref\/service-no-pods .*pods expected from Prometheus\/main/,
      /^3 file\(s\) checked: 0 error\(s\), 2 warning\(s\), 1 note\(s\)$/m,
    ],
  },
  { name: '--no-cross-resource leaves the dry run\'s ref/* out too', args: ['check', '--no-cross-resource', `${FIX}/pod-references`], code: 0, stdout: [/^3 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 0 note\(s\)$/m] },
  { name: 'a missing path exits 2', args: ['check', `${FIX}/nope.yaml`], code: 2, stderr: /no such file/ },
  { name: 'an unsupported version exits 2', args: ['check', '--k8s-version', '1.12', `${FIX}/valid.yaml`], code: 2, stderr: /unsupported Kubernetes version 1\.12/ },
  { name: 'an unknown option exits 2', args: ['check', '--strict', `${FIX}/valid.yaml`], code: 2, stderr: /unknown option --strict/ },
  { name: 'no input exits 2', args: ['check'], code: 2, stderr: /no file or directory/ },
  { name: 'an unknown command exits 2', args: ['frobnicate'], code: 2, stderr: /unknown command frobnicate/ },
];

for (const c of cases) {
  test(`cli check: ${c.name}`, async () => {
    const run = await runCli(c.args);
    assert.equal(run.code, c.code, run.stdout + run.stderr);
    for (const pattern of c.stdout ?? []) assert.match(run.stdout, pattern);
    if (c.stderr) assert.match(run.stderr, c.stderr);
  });
}

test('cli check: JSON output has the contract shape with 0-based ranges', async () => {
  const run = await runCli(['check', '--format', 'json', '--k8s-version', '1.34', `${FIX}/invalid.yaml`, `${FIX}/valid.yaml`]);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.equal(report.kubernetesVersion, '1.34');
  assert.deepEqual(report.files.map((f: { path: string }) => f.path), [`${FIX}/invalid.yaml`, `${FIX}/valid.yaml`]);
  assert.deepEqual(report.files[0].diagnostics[0], {
    range: { start: { line: 5, character: 2 }, end: { line: 5, character: 9 } },
    severity: 'error',
    code: 'schema/unknown-field',
    message: '`replica` is not a field of DeploymentSpec - did you mean `replicas`?',
  });
  assert.deepEqual(report.files[1].diagnostics, []);
});

test('cli check: a large JSON report arrives whole through a pipe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-cli-'));
  const docs: string[] = [];
  for (let i = 0; i < 3000; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\nbogus${i}: 1\n`);
  writeFileSync(join(dir, 'many.yaml'), docs.join('---\n'));
  const run = await runCli(['check', '--format', 'json', join(dir, 'many.yaml')]);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.equal(report.files[0].diagnostics.length, 3000);
  assert.equal(report.files[0].diagnostics[2999].range.start.line, 4 * 2999 + 2999 + 3);
});

test('cli check: a reader that goes away (| head) ends the CLI quietly: no EPIPE, no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-cli-'));
  const docs: string[] = [];
  for (let i = 0; i < 3000; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\nbogus${i}: 1\n`);
  writeFileSync(join(dir, 'many.yaml'), docs.join('---\n'));
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'check', join(dir, 'many.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const err: Buffer[] = [];
    // Like `head -1`: read the first chunk, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8') }));
  });
  assert.equal(run.stderr, '');
  assert.equal(run.code, 1, 'the exit code of the check itself (error-level findings)');
});
