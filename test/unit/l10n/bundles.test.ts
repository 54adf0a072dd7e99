import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSLATED_LOCALES } from '../../../server/src/l10n/locale';

/**
 * Issue #17: every message the code localises is in the English bundle (extracted with
 * @vscode/l10n-dev, `npm run l10n`), every translated bundle has every key with the same
 * placeholders, and the Korean uses the glossary's words (docs/l10n-glossary.md).
 */
const ROOT = join(__dirname, '..', '..', '..');
type Bundle = Record<string, string | { message: string; comment: string[] }>;
const readJson = (path: string): Bundle => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Bundle;
const textOf = (value: Bundle[string]): string => (typeof value === 'string' ? value : value.message);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\d+|[A-Za-z_]\w*)\}/g)].map((m) => m[0]).sort();

test('l10n: l10n/bundle.l10n.json is what the sources ask for (run `npm run l10n` after changing a message)', { timeout: 60_000 }, async () => {
  const { englishBundle } = (await import(join(ROOT, 'scripts', 'l10n-export.mjs'))) as { englishBundle: () => Promise<Bundle> };
  const extracted = await englishBundle();
  const committed = readJson('l10n/bundle.l10n.json');
  const missing = Object.keys(extracted).filter((key) => !(key in committed));
  const stale = Object.keys(committed).filter((key) => !(key in extracted));
  assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
});

for (const locale of TRANSLATED_LOCALES) {
  test(`l10n: bundle.l10n.${locale}.json is made of its parts, l10n/${locale}/*.json (run \`npm run l10n\`)`, async () => {
    const { translatedBundle } = (await import(join(ROOT, 'scripts', 'l10n-export.mjs'))) as { translatedBundle: (locale: string) => Bundle };
    assert.deepEqual(readJson(`l10n/bundle.l10n.${locale}.json`), translatedBundle(locale));
  });

  test(`l10n: bundle.l10n.${locale}.json translates every message, with the same placeholders`, () => {
    const english = readJson('l10n/bundle.l10n.json');
    const translated = readJson(`l10n/bundle.l10n.${locale}.json`);
    const missing = Object.keys(english).filter((key) => typeof translated[key] !== 'string' || textOf(translated[key]).trim() === '');
    const extra = Object.keys(translated).filter((key) => !(key in english));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    for (const [key, value] of Object.entries(english)) {
      assert.deepEqual(placeholders(textOf(translated[key])), placeholders(textOf(value)), `placeholders of ${JSON.stringify(key)}`);
    }
  });

  test(`l10n: package.nls.${locale}.json translates every contributed title and description`, () => {
    const english = readJson('package.nls.json');
    const translated = readJson(`package.nls.${locale}.json`);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
    for (const [key, value] of Object.entries(translated)) assert.ok(textOf(value).trim(), `${key} is empty`);
  });
}

test('l10n: package.json contributes no title, description or enum description that is not a %key% of package.nls.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: unknown; displayName: string; description: string };
  const nls = readJson('package.nls.json');
  const literal: string[] = [];
  const visit = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'string') {
      if (!/^(title|description|markdownDescription|enumDescriptions|markdownEnumDescriptions|displayName|label|shortTitle|category)$/.test(key)) return;
      if (key === 'category' && value === 'Drydock') return; // the product's name
      const match = /^%(.+)%$/.exec(value);
      if (!match || !(match[1] in nls)) literal.push(`${path}: ${value.slice(0, 60)}`);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, k);
  };
  visit(manifest.contributes, 'contributes', '');
  visit(manifest.displayName, 'displayName', 'displayName');
  visit(manifest.description, 'description', 'description');
  assert.deepEqual(literal, []);
});

test('l10n: the Korean bundles use the glossary\'s words (docs/l10n-glossary.md)', () => {
  const rows = readFileSync(join(ROOT, 'docs', 'l10n-glossary.md'), 'utf8').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| English') );
  const avoided = rows.flatMap((row) => row.split('|')[3]?.split(',').map((word) => word.trim()).filter(Boolean) ?? []);
  assert.ok(avoided.length > 20, 'the glossary has its "not" column');
  const texts = [...Object.values(readJson('l10n/bundle.l10n.ko.json')), ...Object.values(readJson('package.nls.ko.json'))].map(textOf);
  const offending = texts.flatMap((text) => avoided.filter((word) => text.includes(word)).map((word) => `${word} in ${JSON.stringify(text.slice(0, 50))}`));
  assert.deepEqual(offending, []);
});
