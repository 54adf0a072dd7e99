import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartRootOf } from '../../../server/src/language/helmTemplates/chartRootOf';
import { buildLayout } from '../../../server/src/language/projects/buildLayout';

const layout = buildLayout([{ path: '/w/shop/Chart.yaml' }, { path: '/w/shop/charts/cache/Chart.yaml' }, { path: 'C:\\w\\win\\Chart.yaml' }]);

const cases: Array<{ name: string; path: string; root: string | undefined }> = [
  { name: 'a template', path: '/w/shop/templates/deployment.yaml', root: '/w/shop' },
  { name: 'a nested template', path: '/w/shop/templates/web/service.yaml', root: '/w/shop' },
  { name: "a subchart's template reads the subchart's values", path: '/w/shop/charts/cache/templates/a.yaml', root: '/w/shop/charts/cache' },
  { name: 'a Windows path', path: 'C:\\w\\win\\templates\\a.yaml', root: 'C:/w/win' },
  { name: 'a file in no chart', path: '/w/other/templates/a.yaml', root: undefined },
];

for (const c of cases) {
  test(`chartRootOf: ${c.name}`, () => assert.equal(chartRootOf(c.path, layout), c.root));
}
