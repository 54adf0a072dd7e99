import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLocale } from '../../../server/src/l10nFiles';
import { baselineSource, readBaselineChoice, readBaselineSetting } from '../../../server/src/workspace/baselineChoice';
import type { RolloutBaselineChoice, RolloutBaselineSetting } from '../../../server/src/protocol/rolloutBaseline';

const FILE: RolloutBaselineChoice = { kind: 'file', uri: 'file:///ws/rollout/old/api.yaml' };
const UNTRUSTED = /untrusted workspace/;
const NO_REPO = /not in a git repository/;

const cases: Array<{ name: string; setting: RolloutBaselineSetting; picked?: RolloutBaselineChoice; trusted: boolean; inRepository: boolean; read: RolloutBaselineChoice['kind']; fallback?: RegExp }> = [
  { name: 'auto, trusted, in a repository: HEAD', setting: 'auto', trusted: true, inRepository: true, read: 'head' },
  { name: 'auto, trusted, no repository: the saved file, as designed (no fallback to explain)', setting: 'auto', trusted: true, inRepository: false, read: 'saved' },
  { name: 'auto, untrusted: the saved file', setting: 'auto', trusted: false, inRepository: false, read: 'saved' },
  { name: 'auto, untrusted (git not even asked, whatever the repository)', setting: 'auto', trusted: false, inRepository: true, read: 'saved' },
  { name: 'saved, trusted, in a repository: the saved file', setting: 'saved', trusted: true, inRepository: true, read: 'saved' },
  { name: 'head, trusted, in a repository: HEAD', setting: 'head', trusted: true, inRepository: true, read: 'head' },
  { name: 'head, untrusted: the saved file, and why', setting: 'head', trusted: false, inRepository: true, read: 'saved', fallback: UNTRUSTED },
  { name: 'head, trusted, no repository: the saved file, and why', setting: 'head', trusted: true, inRepository: false, read: 'saved', fallback: NO_REPO },
  { name: 'picked saved overrides auto in a repository', setting: 'auto', picked: { kind: 'saved' }, trusted: true, inRepository: true, read: 'saved' },
  { name: 'picked HEAD overrides saved', setting: 'saved', picked: { kind: 'head' }, trusted: true, inRepository: true, read: 'head' },
  { name: 'picked HEAD in an untrusted workspace: the saved file, and why', setting: 'auto', picked: { kind: 'head' }, trusted: false, inRepository: false, read: 'saved', fallback: UNTRUSTED },
  { name: 'picked file, untrusted: the file (reading a workspace file runs nothing)', setting: 'head', picked: FILE, trusted: false, inRepository: false, read: 'file' },
  { name: 'picked file, trusted, in a repository: the file', setting: 'auto', picked: FILE, trusted: true, inRepository: true, read: 'file' },
];

for (const c of cases) {
  test(`baselineSource: ${c.name}`, () => {
    const source = baselineSource(c.setting, c.picked, { trusted: c.trusted, inRepository: c.inRepository });
    assert.equal(source.read.kind, c.read);
    assert.equal(source.picked, c.picked !== undefined);
    if (c.fallback) assert.match(source.fallback ?? '', c.fallback);
    else assert.equal(source.fallback, null);
    if (c.read === 'file') assert.deepEqual(source.read, FILE);
  });
}

test('baselineSource: why HEAD is not read, in the language of the server', () => {
  useLocale('ko');
  try {
    assert.equal(baselineSource('head', undefined, { trusted: false, inRepository: true }).fallback, '마지막 커밋이 기준이 아닙니다: 신뢰할 수 없는 작업 영역에서는 git을 실행하지 않습니다. 저장된 파일을 기준으로 롤아웃합니다.');
    assert.equal(baselineSource('head', undefined, { trusted: true, inRepository: false }).fallback, '마지막 커밋이 기준이 아닙니다: 파일이 git 저장소에 없습니다. 저장된 파일을 기준으로 롤아웃합니다.');
  } finally {
    useLocale('en');
  }
});

test('readBaselineSetting: auto unless saved or head', () => {
  const table: Array<[unknown, RolloutBaselineSetting]> = [['auto', 'auto'], ['saved', 'saved'], ['head', 'head'], [undefined, 'auto'], ['HEAD', 'auto'], [1, 'auto']];
  for (const [value, expected] of table) assert.equal(readBaselineSetting(value), expected, String(value));
});

test('readBaselineChoice: well-formed choices, null back to the setting, anything else refused', () => {
  const table: Array<[unknown, RolloutBaselineChoice | null | undefined]> = [
    [null, null],
    [{ kind: 'head' }, { kind: 'head' }],
    [{ kind: 'saved', extra: 1 }, { kind: 'saved' }],
    [FILE, FILE],
    [{ kind: 'file', uri: 'https://example.com/api.yaml' }, undefined],
    [{ kind: 'file' }, undefined],
    [{ kind: 'file', uri: `file:///${'a'.repeat(5000)}` }, undefined],
    [{ kind: 'other' }, undefined],
    ['head', undefined],
    [[{ kind: 'head' }], undefined],
    [undefined, undefined],
  ];
  for (const [value, expected] of table) assert.deepEqual(readBaselineChoice(value), expected, JSON.stringify(value));
});
