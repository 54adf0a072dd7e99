// The editor dry-runs each open file on its own; what it says must still be what `drydock reach` /
// `drydock simulate` say over the folder (issue #16, "contradictions with the Problems panel").
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { inTempWorkspace } from '../helpers/tempWorkspace';

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`);

const WORKLOAD = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec: {containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: 100m}}}]}',
].join('\n');

const POLICIES = [
  ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny-all, namespace: shop}', 'spec: {podSelector: {}, policyTypes: [Ingress]}'].join('\n'),
  ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: web-only, namespace: shop}', 'spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}'].join('\n'),
  ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: ghost, namespace: shop}', 'spec: {podSelector: {matchLabels: {app: ghost}}, policyTypes: [Ingress]}'].join('\n'),
].join('\n---\n');

function inWorkspace(files: Record<string, string>, body: (client: LspClient, root: string) => Promise<void>): Promise<void> {
  return inTempWorkspace({ files }, body);
}

test('editor = reach: a NetworkPolicy whose pods another file defines is not "no effect"; one that selects no pod anywhere is', { timeout: 30_000 }, () =>
  inWorkspace({ 'workloads.yaml': WORKLOAD, 'policies.yaml': POLICIES }, async (client, root) => {
    const uri = pathToFileURL(join(root, 'policies.yaml')).toString();
    const ran = client.nextNotification('drydock/previewChanged');
    await client.open(uri, POLICIES);
    await ran;
    const last = client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    const ghostLine = POLICIES.split('\n').findIndex((l) => l.includes('app: ghost'));
    assert.deepEqual(codes(last).filter((c) => c.startsWith('ref/policy-selects-nothing')), [`ref/policy-selects-nothing@${ghostLine}`]);
  }),
);

test('the cluster profile opened in the editor is the cluster, not manifests: no "this Node is not simulated"', { timeout: 30_000 }, () => {
  const profile = ['apiVersion: v1', 'kind: Node', 'metadata: {name: worker-1, labels: {kubernetes.io/hostname: worker-1}}', 'status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}'].join('\n');
  return inWorkspace({ '.drydock/cluster.yaml': profile, 'app.yaml': WORKLOAD }, async (client, root) => {
    const uri = pathToFileURL(join(root, '.drydock/cluster.yaml')).toString();
    const app = pathToFileURL(join(root, 'app.yaml')).toString();
    await client.open(uri, profile);
    // A manifest opened after it is dry-run on it; by then a dry run of the profile would have published too.
    const ran = client.nextNotification('drydock/previewChanged');
    await client.open(app, WORKLOAD);
    await ran;
    const all = client.published.filter((p) => p.uri === uri).flatMap((p) => codes(p.diagnostics));
    assert.deepEqual(all.filter((c) => c.startsWith('sim/')), []);
  });
});

test('a file-scope preview of a Service whose pods another file defines says where they are, as Problems does (no "no pods")', { timeout: 30_000 }, () => {
  const service = ['apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec: {selector: {app: web}, ports: [{port: 80}]}'].join('\n');
  return inWorkspace({ 'workloads.yaml': WORKLOAD, 'services.yaml': service }, async (client, root) => {
    const uri = pathToFileURL(join(root, 'services.yaml')).toString();
    await client.open(uri, service);
    const model = await client.sendRequest<{ simulation: { services: Array<{ name: string; podsElsewhere?: string[] }> } } | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
    assert.deepEqual(model?.simulation.services.map((s) => [s.name, s.podsElsewhere]), [['web', ['Deployment shop/web']]]);
    const ran = client.diagnosticsUntil(uri, () => true);
    const last = client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? (await ran);
    assert.deepEqual(codes(last).filter((c) => c.startsWith('ref/service-no-pods')), []);
  });
});

test('the preview names its cluster: the profile file with its node count, and the workspace cluster files to choose from', { timeout: 30_000 }, () => {
  const profile = ['apiVersion: v1', 'kind: Node', 'metadata: {name: worker-1}', 'status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}'].join('\n');
  return inWorkspace({ '.drydock/cluster.yaml': profile, 'lab/cluster.yaml': `${profile}\n---\n${profile.replace('worker-1', 'worker-2')}`, 'app.yaml': WORKLOAD }, async (client, root) => {
    const uri = pathToFileURL(join(root, 'app.yaml')).toString();
    await client.open(uri, WORKLOAD);
    type Model = { cluster?: { file: string | null; label: string; nodes: number; choices: Array<{ label: string; nodes: number }> } };
    const model = await client.sendRequest<Model | null>('drydock/preview', { uri, scope: 'file', neverReady: false });
    assert.equal(model?.cluster?.label, '.drydock/cluster.yaml');
    assert.equal(model?.cluster?.nodes, 1);
    // Dot-folders are not scanned: the profile itself is shown as the current choice by the chip.
    assert.deepEqual(model?.cluster?.choices.map((c) => `${c.label}:${c.nodes}`), ['lab/cluster.yaml:2']);
  });
});
