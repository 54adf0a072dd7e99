import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePersistedState, parseWebviewMessage } from '../../../client/src/preview/messages';
import { parseShowPreviewRequest } from '../../../client/src/preview/previewRequest';
import { findWorkloads } from '../../../client/src/preview/workloadScanner';
import { splitDocuments } from '../../../server/src/language/parse/splitDocuments';

// Issue #16 item 2 on the host side: a CodeLens names its object's document (counted as the server
// counts them), the command reads it field by field, and the webview may ask for scope `folder`.

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\n`;
const documents: Array<{ name: string; text: string }> = [
  { name: 'one document', text: deployment('a') },
  { name: 'a leading marker starts no document', text: `---\n${deployment('a')}---\n${deployment('b')}` },
  { name: 'a document without a workload still counts', text: `${deployment('a')}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n${deployment('b')}` },
  { name: 'a marker with a comment', text: `# head\n${deployment('a')}--- # next\n${deployment('b')}` },
];

for (const c of documents) {
  test(`CodeLens document index: ${c.name}, the server's split agrees`, () => {
    const chunks = splitDocuments(c.text);
    for (const { workload, document } of findWorkloads(c.text)) {
      assert.match(chunks[document]?.text ?? '', new RegExp(`name: ${workload.name}\\n`), `${workload.name} is in document ${document}`);
    }
  });
}

const requests: Array<{ name: string; raw: unknown; workload: unknown }> = [
  {
    name: 'a workload with its document',
    raw: { uri: 'file:///w/a.yaml', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'api', source: { uri: 'file:///w/a.yaml', document: 2 } } },
    workload: { kind: 'Deployment', namespace: 'shop', name: 'api', source: { uri: 'file:///w/a.yaml', document: 2 } },
  },
  {
    name: 'a negative document is dropped (the workload stays)',
    raw: { view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'api', source: { uri: 'file:///w/a.yaml', document: -1 } } },
    workload: { kind: 'Deployment', namespace: 'shop', name: 'api' },
  },
  {
    name: 'a fractional document is dropped',
    raw: { view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'api', source: { uri: 'file:///w/a.yaml', document: 0.5 } } },
    workload: { kind: 'Deployment', namespace: 'shop', name: 'api' },
  },
  {
    name: 'a source without uri is dropped',
    raw: { view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'api', source: { document: 0 } } },
    workload: { kind: 'Deployment', namespace: 'shop', name: 'api' },
  },
];

for (const c of requests) {
  test(`preview command: ${c.name}`, () => assert.deepEqual(parseShowPreviewRequest(c.raw).workload, c.workload));
}

test('webview messages: scope folder is accepted, and survives a reload', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'setScope', scope: 'folder' }), { type: 'setScope', scope: 'folder' });
  assert.equal(parseWebviewMessage({ type: 'setScope', scope: 'folders' }), undefined);
  assert.equal(parsePersistedState({ uri: 'file:///w/a.yaml', scope: 'folder' }).scope, 'folder');
});
