import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitDescriptions } from '../../../../scripts/schemaDescriptions.mjs';
import { mergeDescriptions } from '../../../../server/src/language/schema/schemaDescriptions';
import { SchemaStore, type SchemaLoader } from '../../../../server/src/language/schema/schemaStore';
import type { SchemaBundle } from '../../../../server/src/language/schema/schemaBundle';
import { LanguageService } from '../../../../server/src/language/languageService';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { brief, yaml } from '../../../helpers/validate';

const GENERATED = join(__dirname, '..', '..', '..', '..', 'schemas', 'generated');
const bundleText = (file: string) => readFileSync(join(GENERATED, file), 'utf8');

/** Splits as the build does, merges back as the store does. */
function roundTrip(value: unknown): { rest: unknown; merged: unknown } {
  const { value: rest, descriptions } = splitDescriptions(structuredClone(value));
  const merged = structuredClone(rest);
  mergeDescriptions(merged, descriptions);
  return { rest, merged };
}

const cases: Array<{ name: string; value: unknown; rest: unknown }> = [
  { name: 'nested descriptions', value: { description: 'top', properties: { a: { type: 'string', description: 'field a' } } }, rest: { properties: { a: { type: 'string' } } } },
  { name: 'a property named description is a schema, not text', value: { properties: { description: { type: 'string', description: 'the text' } } }, rest: { properties: { description: { type: 'string' } } } },
  { name: 'arrays keep their order and items', value: { allOf: [{ type: 'object' }, { description: 'second', required: ['x'] }], enum: ['a', 'b'] }, rest: { allOf: [{ type: 'object' }, { required: ['x'] }], enum: ['a', 'b'] } },
  { name: 'a non-string description is left in place', value: { description: { type: 'string' }, type: 'object' }, rest: { description: { type: 'string' }, type: 'object' } },
  { name: 'nothing to split', value: { type: 'integer', minimum: 0 }, rest: { type: 'integer', minimum: 0 } },
];

for (const { name, value, rest } of cases) {
  test(`schema descriptions: ${name}`, () => {
    const result = roundTrip(value);
    assert.deepEqual(result.rest, rest);
    assert.deepEqual(result.merged, value);
  });
}

test('schema descriptions: every generated bundle splits and merges back to itself', () => {
  for (const file of readdirSync(GENERATED).filter((f) => /^k8s-[\d.]+\.json$/.test(f))) {
    const bundle = JSON.parse(bundleText(file)) as unknown;
    const { rest, merged } = roundTrip(bundle);
    assert.ok(!JSON.stringify(rest).includes('"description":"'), `${file}: no description text left in the bundle`);
    assert.deepEqual(merged, bundle, file);
  }
});

/** A loader that serves a built bundle: descriptions apart, counted when read. */
function builtLoader(edit: (bundle: SchemaBundle) => void = () => {}): { loader: SchemaLoader; reads: () => number } {
  const { value, descriptions } = splitDescriptions(JSON.parse(bundleText('k8s-1.36.json')));
  edit(value as SchemaBundle);
  let reads = 0;
  const loader: SchemaLoader = {
    bundle: () => value as SchemaBundle,
    compiledValidators: () => ({}),
    descriptions: () => {
      reads++;
      return descriptions;
    },
  };
  return { loader, reads: () => reads };
}

test('schema store: a built bundle gets its descriptions when first asked for them, once', () => {
  const { loader, reads } = builtLoader();
  const store = new SchemaStore(loader);
  assert.equal(store.get('1.36').definitions.Base64.description, undefined, 'validation reads the bundle without them');
  assert.equal(reads(), 0);
  assert.equal(store.withDescriptions('1.36').definitions.Base64.description, 'Base64-encoded bytes (standard alphabet, padded).');
  store.withDescriptions('1.36');
  assert.equal(reads(), 1);
  assert.equal(store.get('1.36').definitions.Base64.description, 'Base64-encoded bytes (standard alphabet, padded).', 'merged into the same bundle');
});

test('schema store: a pattern error tells base64 by the description, which a built bundle loads for it', () => {
  // A pattern that does not look like base64, so only the description can say the field is base64.
  const { loader, reads } = builtLoader((bundle) => {
    bundle.definitions.Base64.pattern = '^[^!]*$';
  });
  const service = new LanguageService(new SchemaStore(loader));
  const findings = service.validateFile(parseFile(yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data:', '  bad: not base64!')), { kubernetesVersion: '1.36' });
  assert.deepEqual(brief(findings), ['schema/base64@4:7']);
  assert.equal(reads(), 1);
});
