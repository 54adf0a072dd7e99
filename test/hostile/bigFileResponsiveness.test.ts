import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { generateManifests } from '../../bench/manifestGenerator';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
  // Compile the schemas first, so the race below is between the two files only.
  await client.open('file:///ws/warm.yaml', generateManifests(4));
});
after(async () => {
  await client.dispose();
});

test('hostile: a big file (under the size budget) is validated in slices: a small file opened after it is answered first', async () => {
  const order: string[] = [];
  const big = client.nextDiagnostics('file:///ws/big.yaml', 1).then((d) => {
    order.push('big');
    return d;
  });
  const small = client.nextDiagnostics('file:///ws/small.yaml', 1).then((d) => {
    order.push('small');
    return d;
  });
  // About 1.8 MB and 6,000 documents: a second or more of work, far more than one slice.
  void client.open('file:///ws/big.yaml', generateManifests(6_000));
  void client.open('file:///ws/small.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbogus: 1\n');
  const smallDiagnostics = await small;
  assert.deepEqual(smallDiagnostics.map((d) => d.code), ['schema/unknown-field']);
  // The big file is valid (its dry-run and cross-file findings may arrive in the same publish).
  assert.deepEqual((await big).filter((d) => /^(yaml|schema)\//.test(String(d.code))), []);
  assert.deepEqual(order, ['small', 'big']);
});
