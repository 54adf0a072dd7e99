import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { onPreviewChanged, requestPreview, type PreviewConnection } from '../../../client/src/preview/previewSource';
import { parseShowPreviewRequest, PREVIEW_COMMAND, PREVIEW_VIEW_TYPE } from '../../../client/src/preview/previewRequest';
import { PREVIEW_CHANGED_NOTIFICATION, PREVIEW_REQUEST_METHOD } from '../../../server/src/protocol/requests';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

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
  assert.deepEqual({ title: command?.title, category: command?.category }, { title: 'Preview Cluster', category: 'Drydock' });
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

test('protocol: server/src/protocol/preview.ts is types and names only (no imports), usable by host, server and webview', () => {
  const source = readFileSync(join(ROOT, 'server', 'src', 'protocol', 'preview.ts'), 'utf8');
  assert.doesNotMatch(source, /^\s*import\s/m);
  assert.doesNotMatch(source, /['"]vscode['"]|\b(document|window|acquireVsCodeApi)\.[a-z]/);
});
