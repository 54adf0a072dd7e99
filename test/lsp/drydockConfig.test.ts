import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';

const lines = (...l: string[]) => l.join('\n') + '\n';
/** A ConfigMap with an unknown field (`schema/unknown-field`, an error by default) on line 3. */
const manifest = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'dta: {a: b}');
const unknownField = (d: Diagnostic[]) => d.filter((x) => x.code === 'schema/unknown-field').map((x) => x.severity);

test('.drydock.yaml: read at the folder root; an edit of it and a change on disk apply without a restart', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-config-'));
  const uri = (name: string) => pathToFileURL(join(root, name)).toString();
  try {
    mkdirSync(join(root, 'apps'));
    writeFileSync(join(root, 'apps', 'web.yaml'), manifest);
    writeFileSync(join(root, '.drydock.yaml'), lines('rules:', '  schema/unknown-field: warning'));
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      const web = uri('apps/web.yaml');
      // The configuration is read on start: its severity wins over the default (error).
      await client.diagnosticsUntil(web, (d) => unknownField(d).join() === '2', await client.open(web, manifest));

      // Edited in the editor (not saved): applies as typed.
      const config = uri('.drydock.yaml');
      await client.open(config, lines('rules:', '  schema/unknown-field: warning'));
      const turnedOff = client.diagnosticsUntil(web, (d) => unknownField(d).length === 0);
      await client.change(config, 2, [{ text: lines('rules:', '  schema/unknown-field: off') }]);
      await turnedOff;

      // Closed, and changed on disk: `ignore` leaves the file out altogether.
      await client.close(config);
      await client.diagnosticsUntil(web, (d) => unknownField(d).join() === '2');
      writeFileSync(join(root, '.drydock.yaml'), lines('ignore: [apps/**]'));
      const ignored = client.diagnosticsUntil(web, (d) => d.length === 0);
      await client.watchedFilesChanged([{ uri: config, type: FileChangeType.Changed }]);
      await ignored;

      // Deleted: the settings are the editor's again.
      rmSync(join(root, '.drydock.yaml'));
      const back = client.diagnosticsUntil(web, (d) => unknownField(d).join() === '1');
      await client.watchedFilesChanged([{ uri: config, type: FileChangeType.Deleted }]);
      await back;
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('.drydock.yaml: validated against its own schema, with completion and hover', { timeout: 30_000 }, async () => {
  const client = await LspClient.start();
  try {
    const config = 'file:///ws/.drydock.yaml';
    const diagnostics = await client.open(config, lines('kubernetesVersion: "1.10"', 'rules: {bp/x: loud}', 'ignor: [a]', 'helm: {path: /usr/bin/helm}', 'overrides:', '- files: [legacy/**]', '  rules: {schema/unknown-field: off}'));
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`),
      ['0 config/enum', '1 config/enum', '2 config/unknown-field', '3 config/machine-setting'],
    );
    assert.match(diagnostics.find((d) => d.code === 'config/unknown-field')!.message, /did you mean `ignore`/);

    await client.change(config, 2, [{ text: lines('rules:', '  schema/unknown-field: ', 'best') }]);
    const severities = await client.completion(config, { line: 1, character: 24 });
    assert.deepEqual(severities.map((c) => c.label), ['off', 'error', 'warning', 'information', 'hint']);
    const keys = await client.completion(config, { line: 2, character: 4 });
    assert.ok(keys.some((c) => c.label === 'bestPractices'), keys.map((c) => c.label).join());
    assert.ok(!keys.some((c) => c.label === 'rules'), 'a key already there is not offered');

    await client.change(config, 3, [{ text: lines('rules:', '  bp/lat') }]);
    const codes = await client.completion(config, { line: 1, character: 8 });
    assert.ok(codes.some((c) => c.label === 'bp/latest-tag'), codes.map((c) => c.label).join());

    await client.change(config, 4, [{ text: lines('rules:', '  schema/unknown-field: warning') }]);
    const hover = await client.hover(config, { line: 0, character: 2 });
    assert.match(JSON.stringify(hover?.contents), /drydock\.rules/);
  } finally {
    await client.dispose();
  }
});

test('.drydock.yaml: an override runs a rule for its files only', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-config-'));
  const uri = (name: string) => pathToFileURL(join(root, name)).toString();
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: c, image: nginx}]}');
  try {
    writeFileSync(join(root, '.drydock.yaml'), lines('overrides:', '- files: [strict/**]', '  rules: {bp/latest-tag: error}'));
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      const strict = uri('strict/pod.yaml');
      await client.diagnosticsUntil(strict, (d) => d.some((x) => x.code === 'bp/latest-tag' && x.severity === 1), await client.open(strict, pod));
      const relaxed = await client.open(uri('relaxed/pod.yaml'), pod);
      assert.deepEqual(relaxed.filter((x) => x.code === 'bp/latest-tag'), []);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
