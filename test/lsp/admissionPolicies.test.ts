import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { runCheck } from '../../server/src/cli/check';
import { LspClient } from '../helpers/lspClient';

/**
 * The ValidatingAdmissionPolicies of the workspace's files (open or not) run on the open documents'
 * objects, over real JSON-RPC: `policy/<name>` at the binding's action, on the object's name.
 */
const FIX = join(__dirname, '..', 'fixtures', 'policy');
const policyFindings = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((d) => String(d.code).startsWith('policy/'))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)} ${d.message}`)
    .sort();

const DENIED = `17:8 ${DiagnosticSeverity.Error} policy/replicalimit-policy.example.com object.spec.replicas must be no greater than 3`;
const WARNED = `17:8 ${DiagnosticSeverity.Warning} policy/image-registry.example.com images must come from registry.example.com`;

test('admission policies: a workspace policy rejects an open object; fixing the object or the policy file clears it', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-policy-'));
  try {
    copyFileSync(join(FIX, 'policies.yaml'), join(root, 'policies.yaml'));
    const app = readFileSync(join(FIX, 'app.yaml'), 'utf8');
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const uri = pathToFileURL(join(root, 'app.yaml')).toString();
      const first = await client.open(uri, app);
      assert.deepEqual(policyFindings(await client.diagnosticsUntil(uri, (d) => policyFindings(d).length === 2, first)), [DENIED, WARNED]);

      // Within the params' limit: only the Warn binding's finding is left.
      const within = client.diagnosticsUntil(uri, (d) => policyFindings(d).length === 1);
      await client.change(uri, 2, [{ text: app.replace('replicas: 5', 'replicas: 3') }]);
      assert.deepEqual(policyFindings(await within), [WARNED]);

      // The policy file on disk changes: its Warn binding becomes Audit (information).
      writeFileSync(join(root, 'policies.yaml'), readFileSync(join(FIX, 'policies.yaml'), 'utf8').replace('validationActions: [Warn]', 'validationActions: [Audit]'));
      const audited = client.diagnosticsUntil(uri, (d) => policyFindings(d).some((f) => f.includes(`${DiagnosticSeverity.Information} policy/image-registry`)));
      await client.watchedFilesChanged([{ uri: pathToFileURL(join(root, 'policies.yaml')).toString(), type: FileChangeType.Changed }]);
      assert.deepEqual(policyFindings(await audited), [`17:8 ${DiagnosticSeverity.Information} policy/image-registry.example.com images must come from registry.example.com`]);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("admission policies: the cluster profile's policies apply to the open documents", { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-policy-profile-'));
  try {
    // `.drydock/` is no workspace folder the scan reads: the policies come from the profile (`drydock.cluster`'s default).
    mkdirSync(join(root, '.drydock'));
    copyFileSync(join(FIX, 'policies.yaml'), join(root, '.drydock', 'cluster.yaml'));
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const uri = pathToFileURL(join(root, 'app.yaml')).toString();
      const first = await client.open(uri, readFileSync(join(FIX, 'app.yaml'), 'utf8'));
      assert.deepEqual(policyFindings(await client.diagnosticsUntil(uri, (d) => policyFindings(d).length === 2, first)), [DENIED, WARNED]);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('admission policies: drydock check and the editor agree', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-policy-agree-'));
  try {
    cpSync(FIX, root, { recursive: true });
    let stdout = '';
    await runCheck(['--format', 'json', '.'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: root });
    const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ range: Diagnostic['range']; severity: string; code: string; message: string }> }> };
    const severity: Record<string, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };
    const fromCheck = policyFindings(report.files.find((f) => f.path === 'app.yaml')!.diagnostics.map((d) => ({ ...d, severity: severity[d.severity] })));
    assert.deepEqual(fromCheck, [DENIED, WARNED]);
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      const uri = pathToFileURL(join(root, 'app.yaml')).toString();
      const first = await client.open(uri, readFileSync(join(root, 'app.yaml'), 'utf8'));
      assert.deepEqual(policyFindings(await client.diagnosticsUntil(uri, (d) => policyFindings(d).length === fromCheck.length, first)), fromCheck);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
