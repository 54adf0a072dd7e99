import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutTraceAnnotations, kustomizeRendered } from '../../../server/src/language/render/kustomizeOutput';
import { helmErrorPlace, kustomizeErrorPlace } from '../../../server/src/language/render/toolErrorPlace';
import { helmRendered } from '../../../server/src/language/render/helmOutput';
import { renderTargets, feedsTarget } from '../../../server/src/language/projects/renderTargets';
import { buildLayout } from '../../../server/src/language/projects/buildLayout';
import { isRemoteResource } from '../../../server/src/language/projects/kustomizationRefs';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { splitCommand } from '../../../server/src/workspace/render/toolCommands';

const TRACED = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  annotations:',
  '    alpha.config.kubernetes.io/transformations: |',
  '      - configuredIn: ../../w/overlays/prod/kustomization.yaml',
  '        configuredBy:',
  '          apiVersion: builtin',
  '          kind: NamespaceTransformer',
  '    config.kubernetes.io/origin: |',
  '      path: ../../w/base/service.yaml',
  '  name: web',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  annotations:',
  '    config.kubernetes.io/origin: |',
  '      configuredIn: ../../w/overlays/prod/kustomization.yaml',
  '      configuredBy:',
  '        apiVersion: builtin',
  '        kind: ConfigMapGenerator',
  '    team: shop',
  '  name: env-5f8g',
  '',
].join('\n');

test('kustomize output: the trace annotations are taken out, an annotations map they leave empty too, other annotations kept', () => {
  assert.equal(
    withoutTraceAnnotations(TRACED),
    ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  annotations:', '    team: shop', '  name: env-5f8g', ''].join('\n'),
  );
});

test('kustomize output: origins resolved against the wrapper folder; a generator names its kustomization', () => {
  const project = kustomizeRendered('/w/overlays/prod', '/tmp/wrap', TRACED);
  assert.deepEqual(project.origins, [
    { indexInFile: 0, configuredIn: ['/w/overlays/prod/kustomization.yaml'], file: '/w/base/service.yaml' },
    { indexInFile: 0, configuredIn: [], file: '/w/overlays/prod/kustomization.yaml', generatedBy: 'ConfigMapGenerator' },
  ]);
});

test('helm output: `# Source:` gives each object its template, counted per template', () => {
  const out = ['---', '# Source: web/templates/svc.yaml', 'kind: Service', '---', '# Source: web/charts/db/templates/sts.yaml', 'kind: StatefulSet', '---', '# Source: web/templates/svc.yaml', 'kind: Service', ''].join('\n');
  const project = helmRendered('/c/web', ['/c/web/values.yaml'], out);
  assert.deepEqual(
    project.origins.map((o) => `${o.file}#${o.indexInFile}`),
    ['/c/web/templates/svc.yaml#0', '/c/web/charts/db/templates/sts.yaml#0', '/c/web/templates/svc.yaml#1'],
  );
});

const HELM_ERRORS: Array<{ message: string; file?: string; line?: number; character?: number }> = [
  { message: 'template: web/templates/deployment.yaml:12:20: executing "web/templates/deployment.yaml" at <.Values.x.y>: nil pointer', file: '/c/web/templates/deployment.yaml', line: 11, character: 19 },
  { message: 'parse error at (web/templates/svc.yaml:7): unexpected "}" in operand', file: '/c/web/templates/svc.yaml', line: 6, character: 0 },
  { message: 'execution error at (web/charts/db/templates/x.yaml:5:11): db.password is required', file: '/c/web/charts/db/templates/x.yaml', line: 4, character: 10 },
  { message: 'YAML parse error on web/templates/cm.yaml: error converting YAML to JSON: yaml: line 9: did not find expected key', file: '/c/web/templates/cm.yaml', line: 8, character: 0 },
  { message: 'failed to parse /c/extra.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed', file: '/c/extra.yaml', line: 2, character: 0 },
  { message: 'Chart.yaml file is missing' },
];

for (const { message, file, line, character } of HELM_ERRORS) {
  test(`helm error place: ${message.slice(0, 40)}`, () => {
    const place = helmErrorPlace(message, '/c/web');
    if (file === undefined) assert.equal(place, undefined);
    else assert.deepEqual([place?.file, place?.range.start.line, place?.range.start.character], [file, line, character]);
  });
}

test('kustomize error place: the kustomization line that lists the quoted name, else its first line', () => {
  const text = 'resources:\n  - ../../base\n  - missing.yaml\n';
  const named = kustomizeErrorPlace("accumulating resources from 'missing.yaml': open /w/missing.yaml: no such file or directory", '/w/k.yaml', text);
  assert.deepEqual([named.range.start.line, named.range.start.character], [2, 4]);
  assert.deepEqual(kustomizeErrorPlace('something else went wrong', '/w/k.yaml', text).range.start, { line: 0, character: 0 });
});

function kustomization(path: string, text: string): { path: string; parsed: ReturnType<typeof parseFile> } {
  return { path, parsed: parseFile(text) };
}

test('render targets: top charts and the overlays nothing builds on; a base and a component are not built alone', () => {
  const layout = buildLayout([
    { path: '/w/chart/Chart.yaml' },
    { path: '/w/chart/charts/sub/Chart.yaml' },
    kustomization('/w/k/base/kustomization.yaml', 'resources: [deployment.yaml]\n'),
    kustomization('/w/k/comp/kustomization.yaml', 'kind: Component\nresources: [extra.yaml]\n'),
    kustomization('/w/k/prod/kustomization.yaml', 'resources: [../base, https://github.com/x/y//z?ref=v1]\ncomponents: [../comp]\n'),
    kustomization('/w/k/dev/kustomization.yaml', 'resources: [../base]\n'),
  ]);
  const targets = renderTargets(layout);
  assert.deepEqual(targets.map((t) => `${t.kind} ${t.root} [${t.dirs.join(' ')}] remote=${t.remote.join(' ')}`), [
    'helm /w/chart [/w/chart] remote=',
    'kustomize /w/k/dev [/w/k/dev /w/k/base] remote=',
    'kustomize /w/k/prod [/w/k/prod /w/k/base /w/k/comp] remote=https://github.com/x/y//z?ref=v1',
  ]);
  assert.equal(feedsTarget('/w/k/base/deployment.yaml', targets[1]), true);
  assert.equal(feedsTarget('/w/k/comp/extra.yaml', targets[1]), false);
  assert.equal(feedsTarget('/w/chart/charts/sub/values.yaml', targets[0]), true);
});

const REMOTE: Array<[string, boolean]> = [
  ['https://github.com/org/repo//path?ref=v1', true],
  ['github.com/org/repo/deploy?ref=main', true],
  ['git@github.com:org/repo.git', true],
  ['../../base', false],
  ['deployment.yaml', false],
];
for (const [ref, remote] of REMOTE) test(`remote kustomize resource: ${ref} → ${remote}`, () => assert.equal(isRemoteResource(ref), remote));

test('tool command: words split on spaces, quotes group', () => {
  assert.deepEqual(splitCommand('kubectl kustomize'), { command: 'kubectl', args: ['kustomize'] });
  assert.deepEqual(splitCommand('"/opt/my tools/kustomize" build --enable-helm'), { command: '/opt/my tools/kustomize', args: ['build', '--enable-helm'] });
});
