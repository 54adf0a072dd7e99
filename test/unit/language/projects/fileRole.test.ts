import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../../server/src/language/projects/buildLayout';
import { fileRole, type FileRole } from '../../../../server/src/language/projects/projectLayout';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { yaml } from '../../../helpers/validate';

const layout = buildLayout([
  { path: '/w/shop/Chart.yaml' },
  { path: '/w/shop/charts/cache/Chart.yaml' },
  { path: '/w/app/overlays/dev/kustomization.yaml', parsed: parseFile(yaml('patches:', '- path: replicas.yaml', '- patch: |-', '    kind: X', 'patchesStrategicMerge:', '- ../../patches/probes.yaml', '- |-', '  kind: Inline')) },
  { path: 'C:\\w\\win\\Chart.yaml' },
]);

const cases: Array<{ name: string; path: string; role: FileRole }> = [
  { name: "a chart's Chart.yaml", path: '/w/shop/Chart.yaml', role: 'chart-metadata' },
  { name: "a chart's values.yaml", path: '/w/shop/values.yaml', role: 'chart-source' },
  { name: "a chart's values-prod.yaml", path: '/w/shop/values-prod.yaml', role: 'chart-source' },
  { name: 'a template', path: '/w/shop/templates/deployment.yaml', role: 'chart-source' },
  { name: 'a nested template', path: '/w/shop/templates/web/service.yaml', role: 'chart-source' },
  { name: '_helpers.tpl', path: '/w/shop/templates/_helpers.tpl', role: 'chart-source' },
  { name: "a subchart's Chart.yaml", path: '/w/shop/charts/cache/Chart.yaml', role: 'chart-source' },
  { name: "a subchart's template", path: '/w/shop/charts/cache/templates/a.yaml', role: 'chart-source' },
  { name: "a chart's CRD", path: '/w/shop/crds/widget.yaml', role: 'manifest' },
  { name: 'a Windows path in a chart', path: 'C:\\w\\win\\templates\\a.yaml', role: 'chart-source' },
  { name: 'a kustomization.yaml', path: '/w/app/base/kustomization.yaml', role: 'kustomization' },
  { name: 'a kustomization.yml', path: '/w/app/base/kustomization.yml', role: 'kustomization' },
  { name: 'a Kustomization', path: '/w/app/base/Kustomization', role: 'kustomization' },
  { name: 'a patches[].path patch', path: '/w/app/overlays/dev/replicas.yaml', role: 'patch' },
  { name: 'a patchesStrategicMerge patch outside the overlay', path: '/w/app/patches/probes.yaml', role: 'patch' },
  { name: 'a resource of an overlay', path: '/w/app/overlays/dev/pdb.yaml', role: 'manifest' },
  { name: 'a Chart.yaml the layout does not know yet', path: '/elsewhere/Chart.yaml', role: 'chart-metadata' },
  { name: 'a file next to a chart folder', path: '/w/other/values.yaml', role: 'manifest' },
  { name: 'a .drydock.yaml', path: '/w/.drydock.yaml', role: 'drydock-config' },
  { name: 'a .drydock.yml at the root of a chart', path: '/w/shop/.drydock.yml', role: 'drydock-config' },
  { name: 'a drydock.yaml without the dot', path: '/w/drydock.yaml', role: 'manifest' },
];

for (const { name, path, role } of cases) {
  test(`fileRole: ${name} is ${role}`, () => assert.equal(fileRole(path, layout), role));
}

test('buildLayout: inline patches are not files', () => {
  assert.deepEqual([...layout.patchFiles].sort(), ['/w/app/overlays/dev/replicas.yaml', '/w/app/patches/probes.yaml']);
});
