import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';

const VALUES = ['replicaCount: 3', 'image:', '  repository: nginx', '  # -- Overrides the chart appVersion.', '  tag: "1.27"', '  pullPolicy: IfNotPresent', ''].join('\n');

const TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ .Release.Name }}',
  'spec:',
  '  replicas: {{ .Values.replicaCount }}',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: "{{ .Values.image. }}"',
  '',
].join('\n');

const CHART: Record<string, string> = {
  'shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'shop/values.yaml': VALUES,
  'shop/templates/deployment.yaml': TEMPLATE,
  'plain.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain.\n',
};

/** A small chart (and a plain manifest) in a temp workspace folder the server scans. */
async function inChart(body: (client: LspClient, uri: (file: string) => string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-helm-'));
  try {
    for (const [file, text] of Object.entries(CHART)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      await body(client, (file) => pathToFileURL(join(root, file)).toString());
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Completion as typing '.' asks for it. */
async function completeAfterDot(client: LspClient, uri: string, position: Position): Promise<CompletionItem[]> {
  const result = await client.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position,
    context: { triggerKind: 2, triggerCharacter: '.' },
  });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** Line 10 is `          image: "{{ .Values.image. }}"`; the cursor after `image.`. */
const AFTER_IMAGE_DOT: Position = { line: 10, character: '          image: "{{ .Values.image.'.length };

test('helm template: no diagnostics; `.Values.image.` completes the keys of values.yaml; hover shows a value and its line', { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const template = uri('shop/templates/deployment.yaml');
    assert.deepEqual(await client.open(template, TEMPLATE, 1, 'helm-template'), []);

    const items = await completeAfterDot(client, template, AFTER_IMAGE_DOT);
    assert.deepEqual(items.map((item) => item.label), ['repository', 'tag', 'pullPolicy']);
    const tag = items.find((item) => item.label === 'tag');
    assert.equal(tag?.detail, '"1.27"');
    assert.deepEqual(tag?.textEdit && 'range' in tag.textEdit ? tag.textEdit.range : undefined, { start: AFTER_IMAGE_DOT, end: AFTER_IMAGE_DOT });

    const hover = await client.hover(template, { line: 5, character: '  replicas: {{ .Values.repl'.length });
    const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /`\.Values\.replicaCount` — number/);
    assert.match(markdown, /replicaCount: 3/);
    assert.ok(markdown.includes(`From [values.yaml, line 1](${uri('shop/values.yaml')}#L1).`), markdown);
    assert.deepEqual(hover?.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 35 } });
  }));

test('helm template: an open values.yaml is read with its unsaved edits', { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const template = uri('shop/templates/deployment.yaml');
    await client.open(template, TEMPLATE, 1, 'helm-template');
    await client.open(uri('shop/values.yaml'), VALUES.replace('  pullPolicy: IfNotPresent', '  digest: sha256:abc'));
    const items = await completeAfterDot(client, template, AFTER_IMAGE_DOT);
    assert.deepEqual(items.map((item) => item.label), ['repository', 'tag', 'digest']);
  }));

test("helm template: '.' asks for no completion in a manifest (outside a chart)", { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const plain = uri('plain.yaml');
    await client.open(plain, CHART['plain.yaml']);
    assert.deepEqual(await completeAfterDot(client, plain, { line: 3, character: '  name: plain.'.length }), []);
  }));
