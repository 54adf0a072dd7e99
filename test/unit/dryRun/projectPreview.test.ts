import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RenderTarget } from '../../../server/src/language/projects/renderTargets';
import { helmRendered } from '../../../server/src/language/render/helmOutput';
import { projectPreviewInput, unrenderedPreview } from '../../../server/src/dryRun/projectPreview';
import { notRenderedNotice, PreviewProjects } from '../../../server/src/handlers/previewProjects';
import type { RenderStatusParams } from '../../../server/src/protocol/renderStatus';

// A project preview's objects and their way back to the template lines; the list of projects the
// preview offers, and what it tells the client after a render.

const ROOT = '/w/charts/web';
const URI = 'file:///w/charts/web';
const TEMPLATE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: {{ .Release.Name }}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ .Release.Name }}',
  'spec:',
  '  replicas: 1',
].join('\n');
const OUTPUT = [
  '---',
  '# Source: web/templates/app.yaml',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: r',
  '---',
  '# Source: web/templates/app.yaml',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: r',
  'spec:',
  '  replicas: 1',
  '---',
  '# Source: web/templates/tests/ping.yaml',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: ping',
  '  annotations:',
  '    helm.sh/hook: test',
  'spec:',
  '  containers: [{ name: c, image: busybox }]',
  '',
].join('\n');
const project = helmRendered(ROOT, [`${ROOT}/values.yaml`], OUTPUT);
const texts = new Map([[`${ROOT}/templates/app.yaml`, TEMPLATE]]);

test('project preview: the rendered objects without test hooks, each revealing its template document', () => {
  const input = projectPreviewInput(URI, project, (file) => texts.get(file));
  assert.deepEqual(input.manifests.map((m) => m.object.kind), ['Service', 'Deployment']);
  assert.ok(input.manifests.every((m) => m.source.file === URI));
  const deployment = input.manifests[1].source;
  const at = input.locate(deployment);
  assert.equal(at?.uri, 'file:///w/charts/web/templates/app.yaml');
  assert.ok(at && at.line >= 5 && at.line <= 6, `line ${at?.line}: the Deployment's document`);
  assert.equal(input.locate({ file: 'file:///w/other.yaml', document: 0, path: [] }), null, "another file's object is not the project's");
  const diagnostics = input.diagnostics([{ source: deployment, path: ['spec', 'replicas'], severity: 'warning', code: 'sim/x', message: 'm' }]);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].range.start.line, 10, 'on the replicas line of the template');
});

test('project preview: a project without a render is an empty preview with its notice', () => {
  const model = unrenderedPreview(URI, '1.34', 'Chart web is not rendered: helm not found.', []);
  assert.deepEqual(model.simulation.pods, []);
  assert.equal(model.notice, 'Chart web is not rendered: helm not found.');
  assert.deepEqual(model.source, { uri: URI, scope: 'project' });
});

test('preview projects: listed by folder with values files and problems; a render tells every preview when the list changed, else the project\'s', () => {
  const target: RenderTarget = { kind: 'helm', root: ROOT, dirs: [ROOT], remote: [] };
  const notified: string[][] = [];
  let rendered: Array<{ target: RenderTarget; project: typeof project }> = [];
  const projects = new PreviewProjects({ rendered: () => rendered, workspaceFolders: () => ['file:///w'], notifyChanged: (uris) => notified.push(uris) });
  const status = (root: string, state: RenderStatusParams['targets'][number]['state'], message = ''): RenderStatusParams['targets'][number] => ({ root, kind: root.includes('overlays') ? 'kustomize' : 'helm', state, ms: 1, objects: 0, message });

  rendered = [{ target, project }];
  projects.renderFinished([status(URI, 'rendered'), status('file:///w/overlays/prod', 'no-tool', 'kustomize not found')]);
  assert.deepEqual(projects.list(), [
    { uri: URI, kind: 'helm', label: 'charts/web', valuesFiles: ['values.yaml'] },
    { uri: 'file:///w/overlays/prod', kind: 'kustomize', label: 'overlays/prod', problem: 'kustomize not found' },
  ]);
  projects.renderFinished([status(URI, 'rendered')]);
  assert.deepEqual(notified, [[], [URI]]);

  assert.equal(projects.find(URI).state, 'rendered');
  assert.equal(projects.find('file:///w/charts/web/charts/sub').entry.uri, URI, 'a subchart is previewed through its parent');
  const prod = projects.find('file:///w/overlays/prod');
  assert.equal(prod.state === 'unrendered' && notRenderedNotice(prod), 'Overlay overlays/prod is not rendered: kustomize not found.');
  const unknown = projects.find('file:///w/charts/other');
  assert.equal(unknown.state, 'unrendered');
  assert.match(unknown.state === 'unrendered' ? notRenderedNotice(unknown) : '', /^Chart charts\/other is not rendered: it has not been rendered yet/);

  projects.renderFinished([status(URI, 'failed', 'parse error in app.yaml')]);
  assert.equal(projects.find(URI).state, 'unrendered', 'the last render failed: the preview says so');
  assert.deepEqual(notified.at(-1), []);
});
