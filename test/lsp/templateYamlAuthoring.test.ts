import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, Position } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';

const VALUES = ['replicaCount: 3', 'image:', '  repository: nginx', '  tag: "1.27"', ''].join('\n');

/** A template as charts write them: wrapped in `{{- if … }}`, with actions as values and on lines of their own. */
const TEMPLATE = [
  '{{- if .Values.enabled }}',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "shop.fullname" . }}',
  '  labels:',
  '    {{- include "shop.labels" . | nindent 4 }}',
  'spec:',
  '  replicas: {{ .Values.replicaCount }}',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
  '          imagePullPolicy: ',
  '          ',
  '          {{- with .Values.resources }}',
  '          resources: {{ toYaml . | nindent 12 }}',
  '          {{- end }}',
  '        - name: sidecar',
  '          image: busybox',
  '          ',
  '        - name: init',
  '          imagePullPolicy: {{ .Values.image.pullPolicy | quote }}',
  '{{- end }}',
  '',
].join('\n');

/** The template line that starts with `text` (after its indentation). */
function lineOf(text: string): number {
  const line = TEMPLATE.split('\n').findIndex((candidate) => candidate.trimStart().startsWith(text));
  assert.notEqual(line, -1, text);
  return line;
}
const WEB_NEW_KEY = lineOf('imagePullPolicy: ') + 1;
const SIDECAR_NEW_KEY = lineOf('image: busybox') + 1;

const CHART: Record<string, string> = {
  'shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'shop/values.yaml': VALUES,
  'shop/templates/deployment.yaml': TEMPLATE,
  'shop/templates/_helpers.tpl': '{{- define "shop.fullname" -}}shop{{- end }}\n',
};

/** A small chart in a temp workspace folder the server scans. */
async function inChart(body: (client: LspClient, uri: (file: string) => string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-helm-yaml-'));
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

function labels(items: CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

function markdownOf(hover: Hover | null): string {
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

/** No label, text or documentation a user sees holds a neutralizing placeholder (`____…<line>`). */
function assertNoPlaceholder(items: CompletionItem[]): void {
  for (const item of items) assert.doesNotMatch(JSON.stringify(item), /_{4,}[0-9a-z]+/, item.label);
}

const templateOf = (uri: (file: string) => string): string => uri('shop/templates/deployment.yaml');

test('helm template YAML: a new key in a container completes Container fields; diagnostics stay empty', { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const template = templateOf(uri);
    assert.deepEqual(await client.open(template, TEMPLATE, 1, 'helm-template'), []);

    const items = await client.completion(template, { line: WEB_NEW_KEY, character: 10 });
    const names = labels(items);
    assert.ok(!names.includes('imagePullPolicy'), 'a key the container has is not offered again');
    assert.ok(labels(await client.completion(template, { line: SIDECAR_NEW_KEY, character: 10 })).includes('imagePullPolicy'));
    for (const field of ['ports', 'env', 'livenessProbe', 'command']) assert.ok(names.includes(field), `${field} in ${names.join(', ')}`);
    assertNoPlaceholder(items);

    // Typing a prefix on the same line still completes there.
    const changed = client.change(template, 2, [{ range: { start: { line: WEB_NEW_KEY, character: 10 }, end: { line: WEB_NEW_KEY, character: 10 } }, text: 'por' }]);
    const typed = await client.completion(template, { line: WEB_NEW_KEY, character: 13 });
    const ports = typed.find((item) => item.label === 'ports');
    assert.ok(ports, labels(typed).join(', '));
    assert.deepEqual(ports.textEdit && 'range' in ports.textEdit ? ports.textEdit.range : undefined, { start: { line: WEB_NEW_KEY, character: 10 }, end: { line: WEB_NEW_KEY, character: 13 } });
    assert.deepEqual(await changed, []);
  }));

test('helm template YAML: an enumerated value completes after its key', { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const template = templateOf(uri);
    await client.open(template, TEMPLATE, 1, 'helm-template');
    const items = await client.completion(template, { line: lineOf('imagePullPolicy: '), character: '          imagePullPolicy: '.length });
    assert.deepEqual(labels(items).sort(), ['Always', 'IfNotPresent', 'Never']);
    assertNoPlaceholder(items);

    // A value that is an action: no completion would replace it (nor shows it as a value).
    const onAction = await client.completion(template, { line: lineOf('imagePullPolicy: {{'), character: '          imagePullPolicy: '.length });
    assert.deepEqual(labels(onAction), []);
  }));

test('helm template YAML: hover on a key shows its schema; on an action, nothing; `.Values` hover and completion unchanged', { timeout: 60_000 }, () =>
  inChart(async (client, uri) => {
    const template = templateOf(uri);
    await client.open(template, TEMPLATE, 1, 'helm-template');

    const replicas = await client.hover(template, { line: lineOf('replicas:'), character: 4 });
    const markdown = markdownOf(replicas);
    assert.match(markdown, /\*\*replicas\*\* `integer`/);
    assert.match(markdown, /desired pods/i);
    assert.match(markdown, /DeploymentSpec/);
    assert.doesNotMatch(markdown, /_{4,}/);
    assert.deepEqual(replicas?.range, { start: { line: lineOf('replicas:'), character: 2 }, end: { line: lineOf('replicas:'), character: 10 } });

    // Inside an action that is not a `.Values` reference: no YAML hover, no YAML completion.
    const include = { line: lineOf('name: {{'), character: '  name: {{ incl'.length };
    assert.equal(await client.hover(template, include), null);
    assert.deepEqual(await client.completion(template, include), []);
    // A line that holds only actions gets no YAML feature.
    assert.deepEqual(await client.completion(template, { line: lineOf('{{- include'), character: '    {{- include "shop.labels" . | nindent 4 }}'.length }), []);

    // `.Values` keeps its own hover and completion.
    const values = await client.hover(template, { line: lineOf('replicas:'), character: '  replicas: {{ .Values.repl'.length });
    assert.match(markdownOf(values), /`\.Values\.replicaCount` — number/);
    const afterDot = await client.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: template },
      position: { line: lineOf('image: "'), character: '          image: "{{ .Values.image.'.length } satisfies Position,
      context: { triggerKind: 2, triggerCharacter: '.' },
    });
    const afterDotItems = Array.isArray(afterDot) ? afterDot : (afterDot?.items ?? []);
    assert.deepEqual(labels(afterDotItems), ['repository', 'tag']);
  }));
