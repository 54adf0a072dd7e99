import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { runCheck } from '../../server/src/cli/check';
import { WORKSPACE_RULES } from '../../server/src/language/rules/workspace/runWorkspaceRules';
import { POD_REFERENCE_CODES } from '../../server/src/dryRun/podReferences';
import { LspClient } from '../helpers/lspClient';

/**
 * Issue #13: `drydock check` and the editor agree on the cross-resource rules (same rules, same
 * severities, same default settings): the ref/* diagnostics the server publishes for a file of a
 * workspace are those `drydock check <workspace>` prints for it.
 */
const FIXTURE = join(__dirname, '..', 'fixtures', 'check', 'cross-resource');
const RULE_CODES = new Set(WORKSPACE_RULES.map((rule) => rule.meta.code));

const shape = (d: { range: Diagnostic['range']; severity?: unknown; code?: unknown; message: string }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.severity)} ${String(d.code)} ${d.message}`;
const LSP_SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

test('check agrees with the editor on the cross-resource rules of a workspace', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-agree-'));
  try {
    cpSync(FIXTURE, root, { recursive: true });
    let stdout = '';
    const code = await runCheck(['--format', 'json', '.'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: root });
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ range: Diagnostic['range']; severity: string; code: string; message: string }> }> };
    const fromCheck = report.files.find((f) => f.path === 'web.yaml')!.diagnostics.filter((d) => RULE_CODES.has(d.code)).map(shape).sort();
    assert.equal(fromCheck.length, 3);

    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      const uri = pathToFileURL(join(root, 'web.yaml')).toString();
      const rulesOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => RULE_CODES.has(String(d.code))).map((d) => shape({ ...d, severity: LSP_SEVERITY[d.severity ?? 1] })).sort();
      const diagnostics = await client.diagnosticsUntil(uri, (d) => rulesOf(d).length === fromCheck.length, await client.open(uri, readFileSync(join(root, 'web.yaml'), 'utf8')));
      assert.deepEqual(rulesOf(diagnostics), fromCheck);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * Issue #13 item 6: the dry run's reference findings (`ref/service-no-pods`, `ref/target-port-not-found`)
 * the editor publishes for an open file are those `drydock check` prints for it: a Service without pods
 * (warning), a named targetPort the pods lack (warning), a Service whose pods another file makes (none),
 * a Service whose pods an operator's custom resource makes (a note).
 */
test('check agrees with the editor on the dry run reference findings (a Service and its pods)', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-agree-pods-'));
  try {
    cpSync(join(__dirname, '..', 'fixtures', 'check', 'pod-references'), root, { recursive: true });
    let stdout = '';
    await runCheck(['--format', 'json', '.'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: root });
    const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ range: Diagnostic['range']; severity: string; code: string; message: string }> }> };
    const fromCheck = report.files.find((f) => f.path === 'services.yaml')!.diagnostics.filter((d) => POD_REFERENCE_CODES.has(d.code)).map(shape).sort();
    assert.deepEqual(fromCheck.map((line) => line.split(' ').slice(1, 3).join(' ')).sort(), ['information ref/service-no-pods', 'warning ref/service-no-pods', 'warning ref/target-port-not-found']);

    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      const uri = pathToFileURL(join(root, 'services.yaml')).toString();
      const referencesOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => POD_REFERENCE_CODES.has(String(d.code))).map((d) => shape({ ...d, severity: LSP_SEVERITY[d.severity ?? 1] })).sort();
      const diagnostics = await client.diagnosticsUntil(uri, (d) => referencesOf(d).length === fromCheck.length, await client.open(uri, readFileSync(join(root, 'services.yaml'), 'utf8')));
      assert.deepEqual(referencesOf(diagnostics), fromCheck);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
