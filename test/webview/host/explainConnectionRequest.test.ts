import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestConnectionExplanation, type PreviewConnection } from '../../../client/src/preview/previewSource';
import { EXPLAIN_CONNECTION_REQUEST_METHOD } from '../../../server/src/protocol/requests';

test('preview source: a cell\'s explanation is one drydock/explainConnection request with the preview\'s params and both endpoints', async () => {
  const sent: Array<[string, unknown]> = [];
  const connection: PreviewConnection = {
    sendRequest: async <R>(method: string, params: unknown) => {
      sent.push([method, params]);
      return null as R;
    },
    onNotification: () => ({ dispose: () => undefined }),
  };
  assert.equal(await requestConnectionExplanation(connection, 'file:///w/a.yaml', 'workspace', { neverReady: false }, 'shop/api (2 pods)', 'shop/db-0'), null);
  assert.deepEqual(sent, [[EXPLAIN_CONNECTION_REQUEST_METHOD, { uri: 'file:///w/a.yaml', scope: 'workspace', neverReady: false, from: 'shop/api (2 pods)', to: 'shop/db-0' }]]);
  assert.equal(EXPLAIN_CONNECTION_REQUEST_METHOD, 'drydock/explainConnection');
});
