import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema } from '../../../../server/src/language/schema/schemaBundle';
import { configDescription } from '../../../../server/src/language/config/configDescriptions';
import { completeConfigAt, hoverConfigAt } from '../../../../server/src/language/config/configEditorFeatures';
import { DRYDOCK_CONFIG_SCHEMA } from '../../../../server/src/language/config/drydockConfigSchema';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { useLocale } from '../../../../server/src/l10nFiles';

/**
 * What hover and completion say of a `.drydock.yaml`'s keys (configDescriptions.ts): every key of
 * the schema has a description, and it follows the language (issue #17).
 */

/** Every key path of the schema (a list's items and a map's values as `0` / `code`). */
function keyPaths(schema: JsonSchema, path: Array<string | number>): Array<Array<string | number>> {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, value]) => [[...path, key], ...keyPaths(value, [...path, key])]);
  const items = schema.items && !Array.isArray(schema.items) ? keyPaths(schema.items, [...path, 0]) : [];
  const values = typeof schema.additionalProperties === 'object' ? [[...path, 'api/some-rule']] : [];
  return [...own, ...items, ...values];
}

test('config descriptions: every key of the .drydock.yaml schema is described', () => {
  const paths = [[], ...keyPaths(DRYDOCK_CONFIG_SCHEMA, [])];
  assert.ok(paths.length > 12, 'the schema is walked');
  assert.deepEqual(paths.filter((path) => !configDescription(path)).map((path) => path.join('.')), []);
});

const cases: Array<{ name: string; path: Array<string | number>; en: string; ko: string }> = [
  { name: 'a root key', path: ['kubernetesVersion'], en: 'The Kubernetes version whose schemas validate the manifests', ko: '매니페스트를 검증할 스키마의 쿠버네티스 버전' },
  { name: "an override's files", path: ['overrides', 2, 'files'], en: "The files this override applies to: globs relative to this file's folder.", ko: '이 오버라이드가 적용되는 파일' },
  { name: "a rule code in an override's rules", path: ['overrides', 0, 'rules', 'bp/latest-tag'], en: 'The severity of this code: `off` drops its findings.', ko: '이 코드의 심각도' },
];

for (const c of cases) {
  test(`config descriptions: ${c.name}, in English and Korean`, () => {
    assert.ok(configDescription(c.path)?.startsWith(c.en));
    try {
      useLocale('ko');
      assert.ok(configDescription(c.path)?.startsWith(c.ko), configDescription(c.path));
    } finally {
      useLocale('en');
    }
  });
}

test('config descriptions: hover and key completion show them', () => {
  const text = 'kubernetesVersion: "1.36"\nhelm:\n  \n';
  const doc = parseFile(text).documents[0];
  const hover = hoverConfigAt(doc, 2);
  assert.match(hover?.markdown ?? '', /The Kubernetes version whose schemas validate the manifests/);
  const entry = completeConfigAt(doc, text.indexOf('  \n') + 2).find((e) => e.label === 'valuesFiles');
  assert.match(entry?.documentation ?? '', /^Values files every chart is rendered with/);
});
