import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIgnoredByConfig, readDrydockConfig, ruleSeveritiesFor, type DrydockConfig } from '../../../../server/src/language/config/drydockConfig';
import { fileFindings } from '../../../../server/src/language/config/fileFindings';
import type { Finding } from '../../../../server/src/language/findings';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../../../server/src/settings';
import { fileConfigOf, settingsWithConfig } from '../../../../server/src/settingsWithConfig';

const read = (text: string): DrydockConfig => readDrydockConfig(parseFile(text).documents[0]?.value);

const reads: Array<{ name: string; text: string; config: DrydockConfig }> = [
  { name: 'an empty file', text: '', config: { rules: {}, ignore: [], overrides: [] } },
  {
    name: 'every key',
    text: 'kubernetesVersion: "1.34"\ncluster: profiles/prod.yaml\nrules: {bp/a: error, bp/b: off, bp/c: "off"}\nbestPractices: {enable: true}\ncrdFolders: [crds]\nhelm: {valuesFiles: [values-ci.yaml]}\nignore: [vendor/]\noverrides: [{files: [legacy/**], rules: {schema/enum: warning}}]\n',
    config: {
      kubernetesVersion: '1.34',
      cluster: 'profiles/prod.yaml',
      rules: { 'bp/a': 'error', 'bp/b': 'off', 'bp/c': 'off' },
      bestPracticesEnable: true,
      crdFolders: ['crds'],
      helmValuesFiles: ['values-ci.yaml'],
      ignore: ['vendor/'],
      overrides: [{ files: ['legacy/**'], rules: { 'schema/enum': 'warning' } }],
    },
  },
  {
    name: 'ill-formed parts are left out',
    text: 'kubernetesVersion: 1\nrules: {bp/a: loud, bp/b: hint}\nignore: [1, ok]\noverrides: [x, {rules: {a/b: error}}]\nhelm: {path: /bin/helm}\n',
    config: { rules: { 'bp/b': 'hint' }, ignore: ['ok'], overrides: [{ files: [], rules: { 'a/b': 'error' } }], helmValuesFiles: undefined } as unknown as DrydockConfig,
  },
];
for (const { name, text, config } of reads) {
  test(`readDrydockConfig: ${name}`, () => assert.deepEqual(JSON.parse(JSON.stringify(read(text))), JSON.parse(JSON.stringify(config))));
}

const config = read('rules: {bp/a: warning, bp/b: error}\nignore: [vendor, "*.generated.yaml"]\noverrides:\n- files: [legacy/**]\n  rules: {bp/a: off}\n- files: [legacy/keep.yaml]\n  rules: {bp/a: hint}\n');
const perFile: Array<{ path: string; ignored: boolean; severities: Record<string, string> }> = [
  { path: 'apps/web.yaml', ignored: false, severities: { 'bp/a': 'warning', 'bp/b': 'error' } },
  { path: 'legacy/old.yaml', ignored: false, severities: { 'bp/a': 'off', 'bp/b': 'error' } },
  { path: 'legacy/keep.yaml', ignored: false, severities: { 'bp/a': 'hint', 'bp/b': 'error' } },
  { path: 'vendor/x/y.yaml', ignored: true, severities: { 'bp/a': 'warning', 'bp/b': 'error' } },
  { path: 'apps/a.generated.yaml', ignored: true, severities: { 'bp/a': 'warning', 'bp/b': 'error' } },
  { path: '../outside/legacy/old.yaml', ignored: false, severities: { 'bp/a': 'warning', 'bp/b': 'error' } },
];
for (const { path, ignored, severities } of perFile) {
  test(`config per file: ${path}`, () => {
    assert.equal(isIgnoredByConfig(config, path), ignored);
    assert.deepEqual(ruleSeveritiesFor(config, path), severities);
  });
}

const editor: ServerSettings = { ...DEFAULT_SETTINGS, kubernetesVersion: '1.32', cluster: '/elsewhere/cluster.yaml', rules: { severities: { 'bp/a': 'error', 'bp/z': 'hint' }, bestPractices: false }, crdFolders: ['/crds'] };
const precedence: Array<{ name: string; text: string; expect: Partial<ServerSettings> }> = [
  { name: 'no key: the editor settings stay', text: '{}', expect: { kubernetesVersion: '1.32', cluster: '/elsewhere/cluster.yaml', crdFolders: ['/crds'], rules: editor.rules } },
  {
    name: 'its keys win, paths from its folder, rules code by code',
    text: 'kubernetesVersion: "1.34"\ncluster: c.yaml\ncrdFolders: [crds]\nrules: {bp/a: warning}\nbestPractices: {enable: true}\n',
    expect: { kubernetesVersion: '1.34', cluster: '/repo/c.yaml', crdFolders: ['/repo/crds'], rules: { severities: { 'bp/a': 'warning', 'bp/z': 'hint' }, bestPractices: true } },
  },
  { name: 'an unsupported version is left to the editor', text: 'kubernetesVersion: "1.10"', expect: { kubernetesVersion: '1.32' } },
];
for (const { name, text, expect } of precedence) {
  test(`settingsWithConfig: ${name}`, () => {
    const merged = settingsWithConfig(editor, { folder: '/repo', config: read(text) });
    for (const [key, value] of Object.entries(expect)) assert.deepEqual(merged[key as keyof ServerSettings], value, key);
  });
}

test('settingsWithConfig: without a configuration, the editor settings as they are', () => assert.equal(settingsWithConfig(editor, undefined), editor));

test('fileFindings: ignored, re-severitied, suppressed', () => {
  const finding = (line: number, code: string): Finding => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity: 'warning', code, message: code });
  const text = 'a: 1\n# drydock-disable-next-line bp/b\nb: 1\n';
  const folder = { folder: '/repo', config: read('rules: {bp/a: error, meta/unused-suppression: off}\nignore: [skip.yaml]') };
  const shown = (path: string) => fileFindings(parseFile(text), [finding(0, 'bp/a'), finding(2, 'bp/b'), finding(2, 'bp/c')], fileConfigOf(folder, path));
  assert.deepEqual(shown('/repo/x.yaml').map((f) => `${f.code} ${f.severity}`), ['bp/a error', 'bp/c warning']);
  assert.deepEqual(shown('/repo/skip.yaml'), []);
});
