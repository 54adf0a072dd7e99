import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rawMessages, typeScriptFiles } from '../../helpers/rawMessages';

/**
 * Issue #17, the guard of the language service: every diagnostic message, quick-fix title and
 * completion detail under server/src/language is an `l10n.t(…)` call (or Kubernetes' own words
 * through `verbatim(…)`), never raw English. The planted cases show what the scan refuses and what
 * it lets by; the last test scans the sources.
 */
const ROOT = join(__dirname, '..', '..', '..');
const LANGUAGE = join(ROOT, 'server', 'src', 'language');

const planted: Array<{ name: string; code: string; refused: string[] }> = [
  { name: 'a rule reports a string', code: "report(['spec'], 'This container runs privileged.');", refused: ['report(…)'] },
  { name: 'a rule reports a template', code: 'report(path, `Duplicate volume name \\`${name}\\`: it is already volumes[${i}].`, { target: "key" });', refused: ['report(…)'] },
  { name: 'a workspace rule reports one branch raw', code: "report(manifest, path, n === 1 ? l10n.t('One replica here.') : 'Several replicas here.');", refused: ['report(…)'] },
  { name: 'a finding object has a raw message', code: "ctx.report([], { severity: 'error', code: 'schema/type', message: '`kind` must be a non-empty string.' });", refused: ['message:'] },
  { name: 'a finding built outside report', code: "const f = { range, severity: 'error', code: 'yaml/syntax', message: `YAML error: ${text}` };", refused: ['message:'] },
  { name: 'a raw piece glued to a translated one', code: "const f = { message: l10n.t('Expected {0}.', a) + ' Quote it.' };", refused: ['message:'] },
  { name: 'a quick fix has a raw title', code: 'const fix = { title: `Change to \\`${s}\\``, edits, diagnostic };', refused: ['title:'] },
  { name: 'a completion has a raw detail', code: "const entry = { label, detail: isRequired ? `${type} (required)` : type };", refused: ['detail:'] },
  { name: 'a reason that becomes a message', code: 'return { matches: \'unknown\', reason: `binding \\`${b}\\`: ${why}` };', refused: ['reason:'] },
  { name: 'a message built from a template is not extractable', code: 'const m = l10n.t(`Duplicate ${x}`);', refused: ['l10n.t(<not a string literal>)'] },
  { name: 'a translated report', code: "report(path, l10n.t('Operator `{0}` must not have `values`.', op));", refused: [] },
  { name: 'codes, targets and severities are code', code: "report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected a list, got {0}.', d)); const p = { code: `schema/${k}`, message };", refused: [] },
  { name: "Kubernetes' own words through verbatim", code: 'report([\'spec\', \'replicas\'], verbatim(`Invalid value: ${n}: must be greater than or equal to 0`));', refused: [] },
  { name: 'text without words', code: 'const f = { message: `${owner}: ${error.message}.`, detail: entry.apiVersion, title };', refused: [] },
];

for (const { name, code, refused } of planted) {
  test(`l10n guard: ${name}`, () => {
    assert.deepEqual(rawMessages('planted.ts', code).map((found) => found.sink), refused);
  });
}


test('l10n guard: server/src/language has no raw message, title, detail or reason (wrap it in l10n.t, docs/l10n.md)', () => {
  const files = typeScriptFiles(LANGUAGE);
  assert.ok(files.length > 100, 'the language service is scanned');
  const found = files.flatMap((file) => rawMessages(file, readFileSync(file, 'utf8')).map((raw) => `${relative(ROOT, file)}:${raw.line} ${raw.sink} ${raw.text}`));
  assert.deepEqual(found, []);
});
