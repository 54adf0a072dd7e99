import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/runCli';

/**
 * Issue #17: the CLI speaks the language of `--lang`, else of LC_ALL / LC_MESSAGES / LANG; JSON keeps
 * its codes and fields in English (only `message` follows the language); Kubernetes' words stay.
 */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'check', 'pod-references');

test('cli --lang ko: help and the summary line in Korean, the finding line keeps its shape and code', async () => {
  const help = await runCli(['--lang', 'ko', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^사용법: drydock \[--lang en\|ko\] <명령>/);
  assert.match(help.stdout, /\n {2}check {5}매니페스트를 쿠버네티스 스키마로 검증합니다\n/);
  const check = await runCli(['check', '--lang=ko', FIXTURE]);
  assert.equal(check.code, 0);
  assert.match(check.stdout, /services\.yaml:14:34: warning ref\/target-port-not-found /);
  assert.match(check.stdout, /^파일 3개 검사: 오류 0개, 경고 2개, 참고 1개$/m);
});

test('cli: LC_ALL beats LANG (POSIX order); C is English; --lang beats both', async () => {
  const korean = await runCli(['check', FIXTURE], ROOT, { ...process.env, LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' });
  assert.match(korean.stdout, /^파일 3개 검사/m);
  const english = await runCli(['check', FIXTURE], ROOT, { ...process.env, LC_ALL: 'C', LANG: 'ko_KR.UTF-8' });
  assert.match(english.stdout, /^3 file\(s\) checked/m);
  const flag = await runCli(['check', '--lang', 'en', FIXTURE], ROOT, { ...process.env, LC_ALL: 'ko_KR.UTF-8' });
  assert.match(flag.stdout, /^3 file\(s\) checked/m);
});

test('cli --lang ko --format json: the same codes, ranges and fields as in English', async () => {
  const [english, korean] = await Promise.all([runCli(['check', '--format', 'json', FIXTURE]), runCli(['check', '--lang', 'ko', '--format', 'json', FIXTURE])]);
  type Report = { kubernetesVersion: string; files: Array<{ path: string; diagnostics: Array<{ range: unknown; severity: string; code: string; message: string }> }> };
  const strip = (report: Report) => report.files.map((f) => ({ path: f.path, diagnostics: f.diagnostics.map(({ message: _message, ...rest }) => rest) }));
  assert.deepEqual(strip(JSON.parse(korean.stdout) as Report), strip(JSON.parse(english.stdout) as Report));
});

test('cli --lang with a language Drydock does not speak exits 2 with one line', async () => {
  const run = await runCli(['--lang', 'fr', 'check', FIXTURE]);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'drydock: --lang fr: the languages are en and ko\n');
});
