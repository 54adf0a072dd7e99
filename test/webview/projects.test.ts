import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel, PreviewProject } from '../../server/src/protocol/preview';
import type { PersistedPreviewState } from '../../server/src/protocol/webviewMessages';
import { loadFixture, useBrowser } from './harness/previewPage';

// The source picker offers the workspace's charts and overlays beside "This file" and "Workspace";
// choosing one asks the host for it with a typed message, and a project that is not rendered says why.
const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

const PROJECTS: PreviewProject[] = [
  { uri: 'file:///workspace/charts/platform', kind: 'helm', label: 'charts/platform', valuesFiles: ['values.yaml', 'values-prod.yaml'] },
  { uri: 'file:///workspace/overlays/prod', kind: 'kustomize', label: 'overlays/prod', problem: 'kustomize not found' },
];
const withProjects: PreviewModel = { ...cluster, projects: PROJECTS };

test('projects: the picker lists the charts and overlays and is hidden without any', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  assert.equal(await preview.page.locator('#scope-project').isVisible(), false, 'no projects, no choice');
  await preview.update(withProjects);
  const select = preview.page.getByRole('combobox', { name: 'Chart or overlay to simulate' });
  assert.deepEqual(await select.locator('option').allTextContents(), ['chart charts/platform (values.yaml, values-prod.yaml)', 'overlay overlays/prod (not rendered)']);
  assert.equal(await preview.page.getByRole('radio', { name: 'Chart or overlay' }).isVisible(), true);
  assert.equal(await preview.page.locator('#scope-file').isChecked(), true);
});

test('projects: choosing a chart or overlay sends setScope with its folder, by mouse and by keyboard', async () => {
  const preview = await openPreview();
  await preview.update(withProjects);
  await preview.page.locator('label[for="scope-project"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'project', project: 'file:///workspace/charts/platform' });
  await preview.page.getByRole('combobox', { name: 'Chart or overlay to simulate' }).focus();
  await preview.page.keyboard.press('ArrowDown');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'project', project: 'file:///workspace/overlays/prod' });
  const saved = (await preview.savedState()) as PersistedPreviewState;
  assert.equal(saved.scope, 'project');
  assert.equal(saved.project, 'file:///workspace/overlays/prod');
  assert.equal(saved.uri, cluster.source.uri, 'the followed document stays for "This file"');
  await preview.page.locator('label[for="scope-workspace"]').click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'workspace' });
});

test('projects: a project preview names the chart, and one not rendered says why', async () => {
  const preview = await openPreview();
  await preview.update({ ...withProjects, source: { uri: 'file:///workspace/charts/platform', scope: 'project' } });
  assert.equal(await preview.page.locator('#scope-project').isChecked(), true);
  assert.equal(await preview.page.locator('h1').textContent(), 'Cluster preview — chart charts/platform (values.yaml, values-prod.yaml)');
  assert.equal(await preview.page.locator('#scope-project-choice').inputValue(), 'file:///workspace/charts/platform');
  const notice = 'Overlay overlays/prod is not rendered: kustomize not found.';
  await preview.update({
    source: { uri: 'file:///workspace/overlays/prod', scope: 'project' },
    kubernetesVersion: cluster.kubernetesVersion,
    simulation: { nodes: [], pods: [], services: [], diagnostics: [] },
    projects: PROJECTS,
    notice,
  });
  assert.equal(await preview.page.locator('header .status[role="status"]').textContent(), notice);
  assert.equal(await preview.page.locator('#scope-project-choice').inputValue(), 'file:///workspace/overlays/prod');
  assert.deepEqual(preview.errors, []);
});
