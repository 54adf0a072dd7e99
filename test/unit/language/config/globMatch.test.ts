import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatches } from '../../../../server/src/language/config/globMatch';

const cases: Array<{ pattern: string; path: string; matches: boolean }> = [
  { pattern: 'a.yaml', path: 'a.yaml', matches: true },
  { pattern: 'a.yaml', path: 'deep/down/a.yaml', matches: true },
  { pattern: 'a.yaml', path: 'b.yaml', matches: false },
  { pattern: '*.yaml', path: 'x/y.yaml', matches: true },
  { pattern: '*.yaml', path: 'y.yml', matches: false },
  { pattern: '*.generated.yaml', path: 'apps/web.generated.yaml', matches: true },
  { pattern: 'apps/*.yaml', path: 'apps/web.yaml', matches: true },
  { pattern: 'apps/*.yaml', path: 'apps/web/deploy.yaml', matches: false },
  { pattern: 'apps/*.yaml', path: 'other/apps/web.yaml', matches: false },
  { pattern: 'apps/**/*.yaml', path: 'apps/web.yaml', matches: true },
  { pattern: 'apps/**/*.yaml', path: 'apps/a/b/c.yaml', matches: true },
  { pattern: '**/legacy/*.yaml', path: 'legacy/a.yaml', matches: true },
  { pattern: '**/legacy/*.yaml', path: 'x/y/legacy/a.yaml', matches: true },
  { pattern: 'legacy', path: 'legacy/a/b.yaml', matches: true },
  { pattern: 'legacy/', path: 'x/legacy/b.yaml', matches: true },
  { pattern: 'charts/legacy', path: 'charts/legacy/templates/a.yaml', matches: true },
  { pattern: 'charts/legacy', path: 'charts/legacy-2/a.yaml', matches: false },
  { pattern: '/top.yaml', path: 'top.yaml', matches: true },
  { pattern: '/top.yaml', path: 'sub/top.yaml', matches: false },
  { pattern: './apps/**', path: 'apps/a/b.yaml', matches: true },
  { pattern: 'v?.yaml', path: 'v1.yaml', matches: true },
  { pattern: 'v?.yaml', path: 'v12.yaml', matches: false },
  { pattern: 'a.b', path: 'aXb', matches: false },
  { pattern: '(x)+.yaml', path: '(x)+.yaml', matches: true },
  { pattern: '', path: 'a.yaml', matches: false },
  { pattern: 'apps\\web.yaml', path: 'apps/web.yaml', matches: true },
];

for (const { pattern, path, matches } of cases) {
  test(`globMatches: ${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatches(pattern, path), matches));
}
