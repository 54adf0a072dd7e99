import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FILE, CrdCatalog, type CrdCatalogFiles } from '../../../../server/src/language/crd/crdCatalog';
import { CrdRegistry } from '../../../../server/src/language/crd/crdRegistry';
import { crdCatalogFiles } from '../../../../server/src/crdCatalogFiles';
import type { Manifest } from '../../../../server/src/simulator/model/source';
import { isPlainObject } from '../../../../server/src/language/manifests';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A catalog over in-memory files that counts its reads. */
function fakeFiles(): CrdCatalogFiles & { reads: string[] } {
  const reads: string[] = [];
  const objectSchema = (property: string) => ({ type: 'object', properties: { spec: { type: 'object', properties: { [property]: { type: 'string' } } } } });
  return {
    reads,
    index: () => {
      reads.push('index');
      return { kinds: { 'a.example.com/v1/Alpha': { group: 'a.example.com', namespaced: true }, 'b.example.com/v1/Policy': { group: 'b.example.com', namespaced: false }, 'c.example.com/v1/Gone': { group: 'c.example.com', namespaced: true } } };
    },
    schema: (group, key) => {
      reads.push(key);
      if (group === 'a.example.com' && key === 'a.example.com/v1/Alpha') return objectSchema('alpha');
      if (group === 'b.example.com' && key === 'b.example.com/v1/Policy') return objectSchema('policy');
      return undefined;
    },
  };
}

test('crd catalog: reads the index once, and a kind\'s schema only when that kind is looked up', () => {
  const files = fakeFiles();
  const catalog = new CrdCatalog(files);
  assert.deepEqual(files.reads, []);
  assert.equal(catalog.lookup('z.example.com/v1', 'Zed'), undefined);
  assert.deepEqual(files.reads, ['index']);
  const alpha = catalog.lookup('a.example.com/v1', 'Alpha');
  assert.equal(catalog.lookup('a.example.com/v1', 'Alpha'), alpha);
  assert.deepEqual(files.reads, ['index', 'a.example.com/v1/Alpha']);
  assert.ok(catalog.has('b.example.com/v1', 'Policy'));
  assert.deepEqual(catalog.kinds().map((k) => `${k.apiVersion} ${k.kind} ${k.crdName}`), ['a.example.com/v1 Alpha alphas.a.example.com', 'b.example.com/v1 Policy policies.b.example.com', 'c.example.com/v1 Gone gones.c.example.com']);
  assert.deepEqual(files.reads, ['index', 'a.example.com/v1/Alpha']);
});

const lookups: Array<{ name: string; apiVersion: string; kind: string; expected: { crdName: string; namespaced: boolean } | undefined }> = [
  { name: 'a namespaced kind', apiVersion: 'a.example.com/v1', kind: 'Alpha', expected: { crdName: 'alphas.a.example.com', namespaced: true } },
  { name: 'a cluster-scoped kind, plural in -ies', apiVersion: 'b.example.com/v1', kind: 'Policy', expected: { crdName: 'policies.b.example.com', namespaced: false } },
  { name: 'a kind whose group file is missing', apiVersion: 'c.example.com/v1', kind: 'Gone', expected: undefined },
  { name: 'another version of a known kind', apiVersion: 'a.example.com/v2', kind: 'Alpha', expected: undefined },
  { name: 'an inherited property name', apiVersion: 'a.example.com/v1', kind: 'constructor', expected: undefined },
];
for (const { name, apiVersion, kind, expected } of lookups) {
  test(`crd catalog: lookup of ${name}`, () => {
    const schema = new CrdCatalog(fakeFiles()).lookup(apiVersion, kind);
    assert.deepEqual(schema && { crdName: schema.crdName, namespaced: schema.namespaced }, expected);
    if (schema) {
      assert.equal(schema.file, CATALOG_FILE);
      // Converted like a workspace CRD: unknown fields are rejected, apiVersion/kind/metadata allowed.
      assert.equal(schema.schema.additionalProperties, false);
      assert.ok(schema.schema.properties?.metadata);
    }
  });
}

test('crd catalog: the registry prefers a workspace CRD, falls back to the catalog, and without one has no schema', () => {
  const registry = new CrdRegistry();
  assert.equal(registry.hasSchemas, false);
  const catalog = new CrdCatalog(fakeFiles());
  assert.equal(registry.setCatalog(catalog), true);
  assert.equal(registry.setCatalog(catalog), false);
  assert.equal(registry.hasSchemas, true);
  assert.equal(registry.lookup('a.example.com/v1', 'Alpha')?.file, CATALOG_FILE);
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'alphas.a.example.com' },
    spec: { group: 'a.example.com', names: { kind: 'Alpha', plural: 'alphas' }, versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
  };
  registry.setFile('crds.yaml', [{ object: crd, source: { file: 'crds.yaml' } } as unknown as Manifest]);
  assert.equal(registry.lookup('a.example.com/v1', 'Alpha')?.file, 'crds.yaml');
  assert.equal(registry.lookup('b.example.com/v1', 'Policy')?.file, CATALOG_FILE);
  assert.deepEqual(registry.kinds().map((k) => k.kind), ['Alpha', 'Policy', 'Gone']);
  registry.setCatalog(undefined);
  assert.equal(registry.lookup('b.example.com/v1', 'Policy'), undefined);
});

test('crd catalog: the committed files and the built ones give a schema for every kind of the index, and nothing outside it', () => {
  const folders = [join(__dirname, '..', '..', '..', '..', 'schemas', 'crd-catalog'), join(__dirname, '..', '..', '..', '..', 'dist', 'crd-catalog')].filter((folder) => existsSync(join(folder, 'index.json')));
  assert.ok(folders.length >= 1);
  for (const folder of folders) {
    const files = crdCatalogFiles(folder);
    const index = files.index();
    assert.ok(index && Object.keys(index.kinds).length > 100);
    for (const [key, { group }] of Object.entries(index.kinds)) assert.ok(isPlainObject(files.schema(group, key)), `${key} has no schema in ${folder}`);
    assert.equal(files.schema('../index', '../index/v1/X'), undefined);
    assert.equal(files.schema('a.example.com', 'b.example.com/v1/Policy'), undefined);
    assert.equal(files.schema('monitoring.coreos.com', 'monitoring.coreos.com/v1/Nope'), undefined);
  }
});
