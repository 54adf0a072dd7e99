import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewDuplicate, PreviewModel, PreviewPod } from '../../server/src/protocol/preview';
import type { PersistedPreviewState } from '../../server/src/protocol/webviewMessages';
import { loadFixture, useBrowser } from './harness/previewPage';

// Issue #16 item 2: the scope control ("This file / This folder / Workspace / chart or overlay"), the
// file beside every name several files define, the note that says which copy is simulated, and a
// CodeLens's object matched by its document.
const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');

const WS = 'file:///workspace';
const WEB = `${WS}/shop/web.yaml`;
const file = (path: string) => ({ uri: `${WS}/${path}`, label: path });

/** shop/web (Deployment) in four files, the last applied (shop/web.yaml) simulated; Service shop/web in two. */
const DUPLICATES: PreviewDuplicate[] = [
  { kind: 'Deployment', namespace: 'shop', name: 'web', files: [file('a/web.yaml'), file('b/web.yaml'), file('c/web.yaml'), file('shop/web.yaml')], simulated: WEB },
  { kind: 'Service', namespace: 'shop', name: 'web', files: [file('old/web.yaml'), file('shop/web.yaml')], simulated: WEB },
];

/** The fixture as a workspace preview: the Deployment's pods name it as their workload, its rollout says its document. */
function workspaceModel(duplicates: PreviewDuplicate[] = DUPLICATES): PreviewModel {
  const model = structuredClone(cluster);
  model.source = { uri: WEB, scope: 'workspace' };
  model.duplicates = duplicates;
  for (const pod of model.simulation.pods as PreviewPod[]) if (pod.owner?.name.startsWith('web-')) pod.workload = { kind: 'Deployment', name: 'web' };
  for (const rollout of model.rollout?.deployments ?? []) if (rollout.source) rollout.source = { ...rollout.source, document: 0 };
  return model;
}

test('scope: "This file / This folder / Workspace" radios, driven by keyboard, send setScope and are saved', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const radio = (name: string) => preview.page.getByRole('radio', { name, exact: true });
  assert.deepEqual(await preview.page.locator('fieldset.scope input[type="radio"]:visible').evaluateAll((inputs) => inputs.map((i) => i.id)), ['scope-file', 'scope-folder', 'scope-workspace']);
  assert.equal(await radio('This file').isChecked(), true);
  await radio('This file').focus();
  await preview.page.keyboard.press('ArrowRight');
  assert.equal(await radio('This folder').isChecked(), true);
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'folder' });
  assert.equal(((await preview.savedState()) as PersistedPreviewState).scope, 'folder');
  await preview.page.keyboard.press('ArrowRight');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'workspace' });
  await preview.page.keyboard.press('ArrowLeft');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'setScope', scope: 'folder' });
  assert.deepEqual(preview.errors, []);
});

test('scope: a folder preview checks "This folder" and names the folder', async () => {
  const preview = await openPreview();
  await preview.update({ ...cluster, source: { uri: WEB, scope: 'folder' } });
  assert.equal(await preview.page.locator('#scope-folder').isChecked(), true);
  assert.equal(await preview.page.locator('h1').textContent(), 'Cluster preview — folder shop');
});

test('scope: the note says which files define the same object and which copy is simulated', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  const notes = preview.page.getByRole('region', { name: 'Objects defined in several files' });
  assert.equal(await notes.isVisible(), false, 'no duplicates, no note');
  await preview.update(workspaceModel());
  assert.deepEqual(await notes.locator('li').allTextContents(), [
    'Deployment shop/web is defined in 4 files: a/web.yaml, b/web.yaml, c/web.yaml, shop/web.yaml — the last applied (shop/web.yaml) is simulated.',
    'Service shop/web is defined in 2 files: old/web.yaml, shop/web.yaml — the last applied (shop/web.yaml) is simulated.',
  ]);
  await preview.update(workspaceModel([]));
  assert.equal(await notes.isVisible(), false, 'the note goes with the duplicates');
});

test('scope: where several files define an object, every list shows its file beside its name', async () => {
  const preview = await openPreview();
  await preview.update(workspaceModel());
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'nodes' });
  assert.match((await preview.page.locator('.pod-chip[data-pod="shop/web-7c9d8f-2xkqp"]').getAttribute('aria-label')) ?? '', /^Pod shop\/web-7c9d8f-2xkqp \(shop\/web\.yaml\), /);
  assert.match((await preview.page.locator('.pod-chip[data-pod="shop/api-0"]').getAttribute('aria-label')) ?? '', /^Pod shop\/api-0, /);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
  assert.deepEqual(await preview.page.locator('select[aria-label="Deployment"] option').allTextContents(), ['shop/web (shop/web.yaml)', 'shop/queue'], 'only the repeated name gets its file');
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
  assert.equal(await preview.page.getByRole('button', { name: 'Service shop/web (shop/web.yaml): reveal its manifest' }).count(), 1);
  assert.equal(await preview.page.getByRole('button', { name: 'Service shop/api: reveal its manifest' }).count(), 1, 'a name defined once stays bare');
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'shop/web-7c9d8f-2xkqp' });
  assert.equal(await preview.page.locator('#pod-details-title').textContent(), 'Pod shop/web-7c9d8f-2xkqp (shop/web.yaml)');
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'shop/api-0' });
  assert.equal(await preview.page.locator('#pod-details-title').textContent(), 'Pod shop/api-0');
  const batch: PreviewDuplicate = { kind: 'Job', namespace: 'shop', name: 'report-batch', files: [file('jobs/batch.yaml'), file('shop/batch.yaml')], simulated: `${WS}/shop/batch.yaml` };
  await preview.update(workspaceModel([...DUPLICATES, batch]));
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'pending' });
  assert.deepEqual(await preview.page.locator('.pending-row .pod-chip').allTextContents(), ['○ shop/report-batch-x7k2p (shop/batch.yaml)']);
});

test('scope: a CodeLens\'s Deployment is matched by its document; another file\'s copy is never passed off as it', async () => {
  const preview = await openPreview();
  const model = workspaceModel();
  await preview.update(model);
  const select = preview.page.locator('select[aria-label="Deployment"]');
  const alert = preview.page.locator('.duplicate-notes [role="alert"]');
  // The queue's document: selected although the web Deployment comes first.
  const queue = model.rollout?.deployments.find((d) => d.name === 'queue')?.source;
  assert.ok(queue);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'queue', source: { uri: queue.uri, document: 0 } } });
  assert.equal(await select.inputValue(), 'shop/queue');
  assert.equal(await alert.count(), 0);
  // shop/web of a/web.yaml: the simulated copy is shop/web.yaml's, so it is not selected for it, and the page says why.
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'web', source: { uri: `${WS}/a/web.yaml`, document: 0 } } });
  assert.equal(await select.inputValue(), 'shop/queue', 'not shop/web.yaml\'s shop/web');
  assert.equal(
    await alert.textContent(),
    '⚠ Deployment shop/web of a/web.yaml is not simulated here: shop/web.yaml defines it too and is applied after it. Choose "This file" to preview this copy.',
  );
  // The request came before its model (the panel retargets after): the next model's copy of that document is selected.
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'web', source: { uri: WEB, document: 0 } } });
  assert.equal(await select.inputValue(), 'shop/web');
  assert.equal(await alert.count(), 0);
  assert.deepEqual(preview.errors, []);
});

test('scope: a file name with markup is shown as text in the note, the lists and the alert', async () => {
  const preview = await openPreview();
  const evil = { uri: `${WS}/%3Cimg%20src=x%20onerror=alert(1)%3E.yaml`, label: '<img src=x onerror=alert(1)>.yaml' };
  const duplicates: PreviewDuplicate[] = [{ kind: 'Deployment', namespace: 'shop', name: 'web', files: [file('shop/web.yaml'), evil], simulated: evil.uri }];
  const model = workspaceModel(duplicates);
  for (const rollout of model.rollout?.deployments ?? []) if (rollout.name === 'web') rollout.source = { uri: evil.uri, line: 1, document: 0 };
  await preview.update(model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'web', source: { uri: WEB, document: 0 } } });
  assert.equal(await preview.page.locator('#app img, #app [onerror]').count(), 0, 'no element made of the file name');
  const text = (await preview.page.locator('#app').textContent()) ?? '';
  assert.ok(text.includes('the last applied (<img src=x onerror=alert(1)>.yaml) is simulated'), 'the note shows the name literally');
  assert.ok(text.includes('Deployment shop/web of shop/web.yaml is not simulated here: <img src=x onerror=alert(1)>.yaml defines it too'), 'so does the alert');
  assert.deepEqual(await preview.page.locator('select[aria-label="Deployment"] option').allTextContents(), ['shop/web (<img src=x onerror=alert(1)>.yaml)', 'shop/queue']);
  assert.deepEqual(preview.dialogs, []);
  assert.deepEqual(await preview.cspViolations(), []);
});
