import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';
import { CATALOG_CASES, CATALOG_FIXTURES, plantedError, validText } from '../helpers/crdCatalogCases';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();
const SETTINGS = { kubernetesVersion: '1.36', validate: { enable: true } };

let client: LspClient;
before(async () => {
  client = await LspClient.start(SETTINGS);
});
after(async () => {
  await client.dispose();
});

test('crd catalog (LSP): every bundled project\'s custom resource is validated, its planted error on its line', { timeout: 60_000 }, async () => {
  for (const c of CATALOG_CASES) {
    assert.deepEqual(codes(await client.open(`file:///ws/catalog/valid/${c.file}`, validText(c))), [], c.project);
    const { text, line } = plantedError(c);
    assert.deepEqual(codes(await client.open(`file:///ws/catalog/planted/${c.file}`, text)), [`${c.code}@${line}`], c.project);
  }
});

test('crd catalog (LSP): hover describes a catalog field', async () => {
  const hover = await client.hover('file:///ws/catalog/valid/cert-manager.yaml', { line: 6, character: 4 });
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  for (const part of ['**secretName**', '`string`', 'CustomResourceDefinition `certificates.cert-manager.io`']) assert.ok(value.includes(part), `${part} missing in ${value}`);
});

test('crd catalog (LSP): completion offers the catalog\'s kinds and its fields', async () => {
  const uri = 'file:///ws/catalog/complete.yaml';
  await client.open(uri, ['apiVersion: cert-manager.io/v1', 'kind: ', 'metadata: {name: c}'].join('\n') + '\n');
  const kinds = (await client.completion(uri, { line: 1, character: 6 })).map((i) => i.label);
  assert.deepEqual(kinds.sort(), ['Certificate', 'CertificateRequest', 'ClusterIssuer', 'Issuer']);
  const fieldsUri = 'file:///ws/catalog/complete-fields.yaml';
  await client.open(fieldsUri, ['apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata: {name: c}', 'spec:', '  secretName: s', '  '].join('\n') + '\n');
  const fields = (await client.completion(fieldsUri, { line: 5, character: 2 })).map((i) => i.label);
  assert.ok(['dnsNames', 'issuerRef', 'duration'].every((k) => fields.includes(k)) && !fields.includes('secretName'), fields.join(', '));
});

test('crd catalog (LSP): drydock.crdCatalog.enable turns it off and on again, live', async () => {
  const uri = 'file:///ws/catalog/planted/istio.yaml';
  const off = await client.configure({ ...SETTINGS, crdCatalog: { enable: false } }, uri, (d) => d.some((x) => x.code === 'schema/no-schema'));
  assert.deepEqual(codes(off), ['schema/no-schema@1']);
  const on = await client.configure(SETTINGS, uri, (d) => !d.some((x) => x.code === 'schema/no-schema'));
  assert.deepEqual(codes(on), [`schema/type@${plantedError(CATALOG_CASES.find((c) => c.file === 'istio.yaml') ?? CATALOG_CASES[0]).line}`]);
});

test('crd catalog (LSP): a CustomResourceDefinition in the workspace wins over the catalog', async () => {
  const uri = 'file:///ws/catalog/valid/cert-manager.yaml';
  const next = client.diagnosticsUntil(uri, (d) => d.length > 0);
  await client.open('file:///ws/catalog/override/certificates-crd.yaml', readFileSync(join(CATALOG_FIXTURES, 'override', 'certificates-crd.yaml'), 'utf8'));
  assert.deepEqual(codes(await next), ['schema/unknown-field@12', 'schema/unknown-field@13', 'schema/unknown-field@17', 'schema/unknown-field@7', 'schema/unknown-field@8', 'schema/unknown-field@9']);
});
