import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rawMessages, typeScriptFiles } from '../../helpers/rawMessages';

/**
 * Issue #17, the guard of the simulator and the dry run: every finding message (and every `reason`,
 * `report(…)` argument) under server/src/simulator and server/src/dryRun is an `l10n.t(…)` call, a
 * variable passed through, or Kubernetes' own words through `verbatim(…)` (server/src/l10n/verbatim.ts:
 * the API server's and the controllers' messages), never raw English. The planted cases are written
 * the way these folders write findings; the last test scans the sources.
 */
const ROOT = join(__dirname, '..', '..', '..');
const FOLDERS = ['server/src/simulator', 'server/src/dryRun'];

const planted: Array<{ name: string; code: string; refused: string[] }> = [
  { name: 'a finding pushed with a raw message', code: "findings.push({ source, path: ['kind'], severity: 'warning', code: 'sim/no-nodes', message: 'The cluster profile has no Node objects.' });", refused: ['message:'] },
  { name: 'a finding with a template message', code: 'findings.push({ source, path, severity, code, message: `selector ${s} matches no pod in namespace ${ns}` });', refused: ['message:'] },
  { name: 'a finding whose message is raw in one branch', code: "const f = { message: n === 1 ? l10n.t('{0} is not created.', a) : `${names} are not created.` };", refused: ['message:'] },
  { name: 'a translated message with raw English glued on', code: "const f = { message: l10n.t('{0} cannot be scheduled: {1}', a, b) + ' Add a node.' };", refused: ['message:'] },
  { name: 'a deployment check reports raw text', code: "report(['spec'], 'sim/deployment-no-selector', 'spec.selector is required for apps/v1 Deployments');", refused: ['report(…)'] },
  { name: 'a raw reason', code: "return { kind: 'until-node-returns', reason: 'no replacement becomes ready' };", refused: ['reason:'] },
  { name: 'an untranslatable l10n.t (a template)', code: 'const m = l10n.t(`asks ${ask}; no node offers ${resource}`);', refused: ['l10n.t(<not a string literal>)'] },
  { name: 'a raw parse error', code: "return { ok: false, error: `${raw} is not an integer` };", refused: ['error:'] },
  { name: 'a raw placement message', code: "return simplePlacement(pod.key, 'Pending', null, 'NodeNotFound', `spec.nodeName names node ${n}, which is not in the cluster profile`);", refused: ['simplePlacement(…)'] },
  { name: 'a raw fallback sentence', code: "return { read, picked, fallback: 'Not from the last commit: rolled out from the saved file.' };", refused: ['fallback:'] },
  { name: 'a translated finding', code: "findings.push({ source, path, severity, code, message: l10n.t('selector {0} matches no pod in namespace {1}: the Service has no endpoints', s, ns) });", refused: [] },
  { name: 'a message passed through', code: "findings.push({ source, path, severity: 'error', code: 'sim/admission-rejected', message: result.message });", refused: [] },
  { name: "the API server's words through verbatim", code: "report(path, 'sim/deployment-both-zero', verbatim('may not be 0 when `maxSurge` is 0'));", refused: [] },
];

for (const { name, code, refused } of planted) {
  test(`l10n guard (dry run): ${name}`, () => {
    assert.deepEqual(rawMessages('planted.ts', code).map((found) => found.sink), refused);
  });
}


test('l10n guard: server/src/simulator and server/src/dryRun have no raw finding message or reason (wrap it in l10n.t, docs/l10n.md)', () => {
  const files = FOLDERS.flatMap((folder) => typeScriptFiles(join(ROOT, folder)));
  assert.ok(files.length > 150, 'the simulator and the dry run are scanned');
  const found = files.flatMap((file) => rawMessages(file, readFileSync(file, 'utf8')).map((raw) => `${relative(ROOT, file)}:${raw.line} ${raw.sink} ${raw.text}`));
  assert.deepEqual(found, []);
});
