// drydock/explainConnection over real JSON-RPC: a cell of the preview's reachability matrix, explained
// rule by rule from the dry run behind the preview, on the shipped examples/network files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PreviewConnectionExplanation, PreviewModel, PreviewPolicyRef } from '../../server/src/protocol/preview';
import { LspClient } from '../helpers/lspClient';

const FOLDER = join(__dirname, '..', '..', 'examples', 'network');
const uriOf = (name: string) => pathToFileURL(join(FOLDER, name)).toString();
const policies = uriOf('policies.yaml');
const policyLines = readFileSync(join(FOLDER, 'policies.yaml'), 'utf8').split('\n');
const params = { uri: uriOf('workloads.yaml'), scope: 'workspace' as const, neverReady: false };

let client: LspClient;
let model: PreviewModel;
before(async () => {
  client = await LspClient.start();
  for (const name of ['namespaces.yaml', 'policies.yaml', 'services.yaml', 'workloads.yaml']) await client.open(uriOf(name), readFileSync(join(FOLDER, name), 'utf8'));
  model = (await client.sendRequest<PreviewModel | null>('drydock/preview', params)) as PreviewModel;
});
after(async () => {
  await client.dispose();
});

function label(prefix: string): string {
  const endpoint = model.reach?.matrix?.endpoints.find((e) => e.label.startsWith(prefix));
  assert.ok(endpoint, `a matrix endpoint ${prefix}…`);
  return endpoint.label;
}

const named = (refs: PreviewPolicyRef[]) => refs.map((r) => (r.rule ? `${r.policy} ${r.rule.direction}[${r.rule.index}]` : r.policy));
/** The text of the line a reference points at, trimmed. */
const lineOf = (ref: PreviewPolicyRef) => {
  assert.equal(ref.source?.uri, policies);
  return policyLines[ref.source.line].trim();
};

test('explainConnection: web → api, per direction: the isolating policies and the rule that allows gRPC, each with its line', async () => {
  const from = label('shop/web');
  const to = label('shop/api');
  const explanation = await client.sendRequest<PreviewConnectionExplanation | null>('drydock/explainConnection', { ...params, from, to });
  assert.ok(explanation);
  assert.equal(explanation.from, from);
  assert.equal(explanation.to, to);
  assert.match(explanation.source, /^shop\/web-/);
  assert.match(explanation.destination, /^shop\/api-/);
  assert.equal(explanation.ungoverned, undefined);
  const ports = explanation.ports.map((p) => `${p.protocol} ${p.otherPorts ? 'other' : p.port}: ${p.allowed ? 'allowed' : 'denied'}`);
  assert.ok(ports.includes('TCP 9090: allowed'), ports.join(', '));
  assert.ok(ports.includes('TCP other: denied'), ports.join(', '));
  const grpc = explanation.ports.findIndex((p) => p.protocol === 'TCP' && p.port === 9090 && !p.otherPorts);

  const { egress, ingress } = explanation;
  assert.equal(egress.direction, 'egress');
  assert.equal(egress.subject, explanation.source);
  assert.deepEqual(named(egress.isolatedBy), ['shop/default-deny', 'shop/allow-dns', 'shop/web-public']);
  assert.deepEqual(egress.isolatedBy.map(lineOf), ['apiVersion: networking.k8s.io/v1', 'apiVersion: networking.k8s.io/v1', 'apiVersion: networking.k8s.io/v1']);
  assert.deepEqual(named(egress.ports[grpc].allowedBy), ['shop/web-public egress[0]']);
  assert.equal(lineOf(egress.ports[grpc].allowedBy[0]), '- to: [{ podSelector: { matchLabels: { app: api } } }]');

  assert.equal(ingress.direction, 'ingress');
  assert.equal(ingress.subject, explanation.destination);
  assert.deepEqual(named(ingress.isolatedBy), ['shop/default-deny', 'shop/api', 'shop/allow-scraping']);
  assert.deepEqual(named(ingress.ports[grpc].allowedBy), ['shop/api ingress[0]']);
  assert.equal(lineOf(ingress.ports[grpc].allowedBy[0]), '- from: [{ podSelector: { matchLabels: { app: web } } }]');
  // The policy's own link is its first line: the apiVersion after the comment that opens the document.
  assert.match(policyLines[(ingress.isolatedBy[1].source?.line ?? 0) + 2], /name: api, namespace: shop/);

  const other = explanation.ports.findIndex((p) => p.protocol === 'TCP' && p.otherPorts);
  assert.equal(egress.ports[other].allowed, false);
  assert.deepEqual(egress.ports[other].allowedBy, []);
  assert.match(egress.ports[other].explanation, /isolated for Egress by shop\/default-deny, shop\/allow-dns, shop\/web-public and nothing allows it/);
});

test('explainConnection: reports → db is denied by db\'s ingress: isolated, and no rule of db selects reports', async () => {
  const explanation = await client.sendRequest<PreviewConnectionExplanation | null>('drydock/explainConnection', { ...params, from: label('shop/reports'), to: label('shop/db') });
  assert.ok(explanation);
  const postgres = explanation.ports.findIndex((p) => p.protocol === 'TCP' && p.port === 5432);
  assert.ok(postgres >= 0, 'the destination\'s container port is examined');
  assert.equal(explanation.ports[postgres].allowed, false);
  const ingress = explanation.ingress.ports[postgres];
  assert.equal(ingress.allowed, false);
  assert.deepEqual(named(explanation.ingress.isolatedBy), ['shop/default-deny', 'shop/db', 'shop/allow-scraping']);
  assert.match(ingress.explanation, /no ingress rule of shop\/db selects shop\/reports-/);
});

test('explainConnection: a pod outside every policy\'s reach says nothing isolates it; unknown endpoints and malformed params answer null', async () => {
  const explanation = await client.sendRequest<PreviewConnectionExplanation | null>('drydock/explainConnection', { ...params, from: label('kube-system/coredns'), to: label('monitoring/prometheus') });
  assert.ok(explanation);
  assert.deepEqual(explanation.egress.isolatedBy, [], 'no policy of kube-system selects coredns');
  assert.deepEqual(named(explanation.ingress.isolatedBy), ['monitoring/prometheus-egress'], 'policyTypes defaulted to Ingress too');
  assert.ok(explanation.ports.every((p) => !p.allowed));
  assert.equal(await client.sendRequest('drydock/explainConnection', { ...params, from: 'shop/nobody', to: label('shop/db') }), null);
  assert.equal(await client.sendRequest('drydock/explainConnection', { ...params, from: 42, to: label('shop/db') }), null, 'malformed params are refused, not thrown');
});

test('explainConnection: an expanded workload\'s pods are asked by pod key (the grid\'s pod lines), two pods of one group included', async () => {
  const web = model.reach?.matrix?.endpoints.find((e) => e.label.startsWith('shop/web'));
  const api = model.reach?.matrix?.endpoints.find((e) => e.label.startsWith('shop/api'));
  assert.ok(web && api && web.pods.length > 1, 'shop/web has several pods');
  assert.equal(web.workload, 'shop/web');
  const [first, second] = web.pods;
  const toApi = await client.sendRequest<PreviewConnectionExplanation | null>('drydock/explainConnection', { ...params, from: first, to: api.pods[0] });
  assert.ok(toApi);
  assert.equal(toApi.source, first);
  assert.equal(toApi.destination, api.pods[0]);
  assert.ok(toApi.ports.some((p) => p.protocol === 'TCP' && p.port === 9090 && p.allowed), 'gRPC allowed, as for the groups');
  const replicas = await client.sendRequest<PreviewConnectionExplanation | null>('drydock/explainConnection', { ...params, from: first, to: second });
  assert.ok(replicas);
  assert.deepEqual([replicas.source, replicas.destination], [first, second]);
});
