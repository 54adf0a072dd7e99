import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings, SETTINGS } from '../../server/src/settings';
import { SUPPORTED_VERSIONS } from '../../server/src/protocol/versions';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const contributed: Record<string, { default: unknown; enum?: unknown[] }> = manifest.contributes.configuration.properties;

test('settings: package.json contributes exactly the settings the code defines, with the same defaults', () => {
  assert.deepEqual(Object.keys(contributed).sort(), Object.keys(SETTINGS).sort());
  for (const [name, setting] of Object.entries(SETTINGS)) assert.deepEqual(contributed[name].default, setting.default, name);
});

test('settings: the version setting offers exactly the bundled versions', () => {
  assert.deepEqual(contributed['drydock.kubernetesVersion'].enum, [...SUPPORTED_VERSIONS]);
});

const cases: Array<{ name: string; section: unknown; version: string; enabled: boolean; problems: number }> = [
  { name: 'defaults when nothing is set', section: undefined, version: '1.36', enabled: true, problems: 0 },
  { name: 'a supported version', section: { kubernetesVersion: '1.32' }, version: '1.32', enabled: true, problems: 0 },
  { name: 'a patch version and v prefix are tolerated', section: { kubernetesVersion: 'v1.34.2' }, version: '1.34', enabled: true, problems: 0 },
  { name: 'an unknown version falls back with a problem', section: { kubernetesVersion: '1.9' }, version: '1.36', enabled: true, problems: 1 },
  { name: 'validation can be turned off', section: { validate: { enable: false } }, version: '1.36', enabled: false, problems: 0 },
  { name: 'wrong types are ignored', section: { kubernetesVersion: 36, validate: { enable: 'no' } }, version: '1.36', enabled: true, problems: 0 },
];
for (const c of cases) {
  test(`settings: ${c.name}`, () => {
    const { settings, problems } = readSettings(c.section);
    assert.equal(settings.kubernetesVersion, c.version);
    assert.equal(settings.validateEnable, c.enabled);
    assert.equal(problems.length, c.problems);
  });
}

test('manifest: every contributed command is registered by the client command table', () => {
  const source = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'commands.ts'), 'utf8');
  for (const { command } of manifest.contributes.commands as Array<{ command: string }>) assert.ok(source.includes(`'${command}'`), command);
});

test('settings: drydock.whatif.singleNodeFailure is off unless set to true', () => {
  assert.equal(readSettings(undefined).settings.whatIfSingleNodeFailure, false);
  assert.equal(readSettings({ whatif: { singleNodeFailure: true } }).settings.whatIfSingleNodeFailure, true);
  assert.equal(readSettings({ whatif: { singleNodeFailure: 'yes' } }).settings.whatIfSingleNodeFailure, false);
});
