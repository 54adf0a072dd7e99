import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newLanguageService } from '../../../helpers/languageService';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { RULE_CATALOG } from '../../../../server/src/language/rules/ruleCatalog';
import { readRuleSeverities, type RuleSettings } from '../../../../server/src/language/rules/ruleSettings';
import { readSettings } from '../../../../server/src/settings';

const service = newLanguageService();
const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: nginx, env: [{name: A}, {name: A}]}\n';
const codes = (rules?: RuleSettings) => service.validateFile(parseFile(text), { kubernetesVersion: '1.36', rules }).map((f) => `${f.code}:${f.severity}`).sort();

const cases: Array<{ name: string; rules?: RuleSettings; expect: string[] }> = [
  { name: 'defaults: API-server rules on, best practices off', expect: ['api/duplicate-env-name:warning'] },
  { name: 'a rule can be raised', rules: { severities: { 'api/duplicate-env-name': 'error' }, bestPractices: false }, expect: ['api/duplicate-env-name:error'] },
  { name: 'a rule can be turned off', rules: { severities: { 'api/duplicate-env-name': 'off' }, bestPractices: false }, expect: [] },
  { name: 'one best-practice rule can be turned on alone', rules: { severities: { 'bp/latest-tag': 'hint' }, bestPractices: false }, expect: ['api/duplicate-env-name:warning', 'bp/latest-tag:hint'] },
  {
    name: 'the best-practice set runs at its default severities',
    rules: { severities: {}, bestPractices: true },
    expect: ['api/duplicate-env-name:warning', 'bp/latest-tag:warning', 'bp/missing-memory-limit:warning', 'bp/missing-requests:warning', 'bp/run-as-non-root:warning'],
  },
  { name: 'any diagnostic code can be overridden', rules: { severities: { 'api/duplicate-env-name': 'off', 'schema/no-schema': 'off' }, bestPractices: false }, expect: [] },
];
for (const c of cases) {
  test(`rule settings: ${c.name}`, () => assert.deepEqual(codes(c.rules), c.expect));
}

test('rule settings: a cached file re-validated under new settings gives the new severities', () => {
  const parsed = parseFile(text);
  const cache = new WeakMap();
  assert.equal(service.validateFile(parsed, { kubernetesVersion: '1.36' }, cache)[0].severity, 'warning');
  assert.equal(service.validateFile(parsed, { kubernetesVersion: '1.36', rules: { severities: { 'api/duplicate-env-name': 'error' }, bestPractices: false } }, cache)[0].severity, 'error');
  assert.equal(service.validateFile(parsed, { kubernetesVersion: '1.36' }, cache)[0].severity, 'warning');
});

test('rule settings: drydock.rules is read, and bad severities are problems', () => {
  assert.deepEqual(readRuleSeverities({ 'bp/latest-tag': 'error', 'x/y': 'loud' }), { severities: { 'bp/latest-tag': 'error' }, problems: ['drydock.rules: `loud` is not a severity for x/y (use off, error, warning, information or hint).'] });
  assert.equal(readRuleSeverities([]).problems.length, 1);
  const { settings } = readSettings({ rules: { 'bp/latest-tag': 'off' }, bestPractices: { enable: true }, crdFolders: ['crds', 3] });
  assert.deepEqual(settings.rules, { severities: { 'bp/latest-tag': 'off' }, bestPractices: true });
  assert.deepEqual(settings.crdFolders, ['crds']);
});

test('rules: every rule is documented in docs/rules.md with an example', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'rules.md'), 'utf8');
  for (const [code, meta] of RULE_CATALOG) {
    const section = doc.split(/^### /m).find((s) => s.startsWith(`\`${code}\``));
    assert.ok(section, `docs/rules.md has no section for ${code}`);
    assert.ok(section.includes(meta.defaultSeverity), `${code}: default severity not documented`);
    assert.ok(section.includes('```yaml'), `${code}: no example`);
  }
});
