import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { onPreviewChanged, requestPreview, type PreviewConnection } from '../../../client/src/preview/previewSource';
import { parseShowPreviewRequest, PREVIEW_COMMAND, PREVIEW_VIEW_TYPE } from '../../../client/src/preview/previewRequest';
import { PREVIEW_CHANGED_NOTIFICATION, PREVIEW_REQUEST_METHOD } from '../../../server/src/protocol/requests';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** package.json's contributed words are `%key%`s of package.nls.json (issue #17): the English they stand for. */
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (value: string | undefined): string | undefined => value?.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);

test('preview command: a CodeLens argument is read field by field', () => {
  assert.deepEqual(parseShowPreviewRequest({ uri: 'file:///a.yaml', view: 'rollout', workload: { kind: 'Deployment', namespace: 'ns', name: 'web' } }),
    { uri: 'file:///a.yaml', view: 'rollout', workload: { kind: 'Deployment', namespace: 'ns', name: 'web' } });
  assert.deepEqual(parseShowPreviewRequest({ project: 'file:///w/charts/web', view: 'nodes' }), { project: 'file:///w/charts/web', view: 'nodes' });
  assert.deepEqual(parseShowPreviewRequest({ project: 'command:x' }), {});
  assert.deepEqual(parseShowPreviewRequest(undefined), {});
  assert.deepEqual(parseShowPreviewRequest({ view: 'terminal', workload: { kind: 'Deployment' } }), {});
});

test('preview command: package.json contributes it, an editor-title button for YAML, and the activation events', () => {
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === PREVIEW_COMMAND);
  assert.deepEqual({ title: english(command?.title), category: command?.category }, { title: 'Preview Cluster', category: 'Drydock' });
  assert.deepEqual(manifest.contributes.menus['editor/title'].find((m: { command: string }) => m.command === PREVIEW_COMMAND), { command: PREVIEW_COMMAND, when: 'editorLangId == yaml', group: 'navigation' });
  assert.ok(manifest.activationEvents.includes(`onCommand:${PREVIEW_COMMAND}`));
  assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
});

test('preview source: one request, drydock/preview, with the document, scope and rollout variant', async () => {
  const sent: Array<[string, unknown]> = [];
  const connection: PreviewConnection = {
    sendRequest: async <R>(method: string, params: unknown) => {
      sent.push([method, params]);
      return null as R;
    },
    onNotification: () => ({ dispose: () => undefined }),
  };
  assert.equal(await requestPreview(connection, 'file:///a.yaml', 'workspace', { neverReady: true }), null);
  assert.deepEqual(sent, [[PREVIEW_REQUEST_METHOD, { uri: 'file:///a.yaml', scope: 'workspace', neverReady: true }]]);
  assert.equal(PREVIEW_REQUEST_METHOD, 'drydock/preview');
});

test('preview source: drydock/previewChanged hands over the URIs, ignoring junk', () => {
  let handler: ((params: unknown) => void) | undefined;
  const connection: PreviewConnection = {
    sendRequest: async () => null as never,
    onNotification: (method, h) => {
      assert.equal(method, PREVIEW_CHANGED_NOTIFICATION);
      handler = h;
      return { dispose: () => undefined };
    },
  };
  const seen: string[][] = [];
  onPreviewChanged(connection, (uris) => seen.push(uris));
  handler?.({ uris: ['file:///a.yaml', 3] });
  handler?.(undefined);
  assert.deepEqual(seen, [['file:///a.yaml'], []]);
});

test('protocol: the preview model files are types and names only (type-only imports of sibling protocol files), usable by host, server and webview', () => {
  const folder = join(ROOT, 'server', 'src', 'protocol');
  for (const name of readdirSync(folder).filter((file) => /^(preview\w*|sourceLocation|rolloutBaseline)\.ts$/.test(file))) {
    const source = readFileSync(join(folder, name), 'utf8');
    const imports = source.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\s/.test(line));
    for (const line of imports) assert.match(line, /^(import|export) type (\{[^}]*\}|\*) from '\.\/\w+';$/, `${name}: ${line}`);
    assert.doesNotMatch(source, /['"]vscode['"]|\b(document|window|acquireVsCodeApi)\.[a-z]/, name);
  }
});
