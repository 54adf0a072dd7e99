// The editor dry-runs each document on its own; the claims, volumes and storage classes other files of
// the workspace define are handed to that run, as `kubectl apply -f <folder>` would have created them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const claim = (name: string) =>
  ['apiVersion: v1', 'kind: PersistentVolumeClaim', `metadata: {name: ${name}, namespace: shop}`, 'spec:', '  accessModes: [ReadWriteOnce]', '  resources: {requests: {storage: 1Gi}}'].join('\n');

const podUsing = (claimName: string) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: db, namespace: shop}',
    'spec:',
    '  containers: [{name: db, image: "postgres:16", resources: {requests: {cpu: 100m}}}]',
    `  volumes: [{name: data, persistentVolumeClaim: {claimName: ${claimName}}}]`,
  ].join('\n');

const unschedulable = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'sim/unschedulable').map((d) => d.message);

test('storage across files: a claim another workspace file defines is found by the dry run of a pod in its own file', { timeout: 30_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-storage-'));
  try {
    // A default StorageClass that provisions when the pod is placed, and the claim: in another file.
    writeFileSync(
      join(root, 'claims.yaml'),
      [
        ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata: {name: standard, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}', 'provisioner: example.com/disk', 'volumeBindingMode: WaitForFirstConsumer'].join('\n'),
        claim('data'),
      ].join('\n---\n'),
    );
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString());
    try {
      await client.logLine(/read the manifests of/);
      const found = pathToFileURL(join(root, 'pod.yaml')).toString();
      const ran = client.nextNotification('drydock/previewChanged');
      await client.open(found, podUsing('data'));
      await ran;
      const last = client.published.filter((p) => p.uri === found).at(-1)!.diagnostics;
      assert.deepEqual(unschedulable(last), [], 'the claim of claims.yaml is bound: the pod is placed');

      const missing = pathToFileURL(join(root, 'other.yaml')).toString();
      const ranAgain = client.nextNotification('drydock/previewChanged');
      await client.open(missing, podUsing('nowhere').replace('name: db,', 'name: db2,'));
      await ranAgain;
      const messages = unschedulable(client.published.filter((p) => p.uri === missing).at(-1)!.diagnostics);
      assert.equal(messages.length, 1, 'a claim no file defines: the pod cannot be scheduled, as upstream');
      assert.match(messages[0], /persistentvolumeclaim "nowhere" not found/);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
