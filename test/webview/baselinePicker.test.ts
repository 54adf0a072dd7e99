import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewBaseline } from '../../server/src/protocol/rolloutBaseline';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

// The rollout view's "From:" picker (issue #16 item 4): what the rollout is from, the choices,
// the keyboard, and the plain sentence when nothing changed. Stable hooks for the e2e scenario:
// the combobox "From: rollout baseline" (#rollout-baseline) and its sentence #rollout-baseline-note.
const openPreview = useBrowser();
const base = loadFixture('small-cluster');

const HEAD: PreviewBaseline = { kind: 'head', label: 'last commit (HEAD)', found: true, picked: false, headAvailable: true, fallback: null, unchanged: false };
const withBaseline = (baseline: Partial<PreviewBaseline>): PreviewModel => ({ ...base, baseline: { ...HEAD, ...baseline } });
const HOSTILE_NAME = 'rollout/old/<img src=x onerror="window.__pwned=1">&amp;.yaml';

async function openRollout(preview: PreviewPage, model: PreviewModel): Promise<void> {
  await preview.update(model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout' });
}

const picker = (preview: PreviewPage) => preview.page.getByRole('combobox', { name: 'From: rollout baseline' });
const note = (preview: PreviewPage) => preview.page.locator('#rollout-baseline-note');
const picks = async (preview: PreviewPage) => (await preview.posted()).filter((m) => m.type === 'setRolloutBaseline');

test('baseline picker: "From:" names the baseline and offers last commit, saved file, another file…', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({}));
  assert.equal(await preview.page.locator('.baseline-picker label').first().innerText().then((t) => t.split('\n')[0].trim()), 'From:');
  assert.deepEqual(await picker(preview).locator('option').allTextContents(), ['last commit (HEAD)', 'saved file', 'another file…']);
  assert.equal(await picker(preview).inputValue(), 'head');
  assert.equal(await note(preview).isVisible(), false, 'nothing to say of a changed rollout from HEAD');
  await preview.update(withBaseline({ kind: 'saved', label: 'saved file' }));
  assert.equal(await picker(preview).inputValue(), 'saved');
});

test('baseline picker: a picked file is shown by its name and selected', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({ kind: 'file', label: 'rollout/old/api.yaml', file: 'file:///w/rollout/old/api.yaml', picked: true }));
  assert.deepEqual(await picker(preview).locator('option').allTextContents(), ['last commit (HEAD)', 'saved file', 'rollout/old/api.yaml', 'another file…']);
  assert.equal(await picker(preview).locator('option:checked').textContent(), 'rollout/old/api.yaml');
});

test('baseline picker: by keyboard, each choice asks the host, and the view keeps showing what ran until the next model', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({}));
  await picker(preview).focus();
  await preview.page.keyboard.press('ArrowDown');
  assert.deepEqual((await picks(preview)).at(-1), { type: 'setRolloutBaseline', pick: 'saved' });
  assert.equal(await picker(preview).inputValue(), 'head', 'the server has not run from the saved file yet');
  await preview.page.keyboard.press('End');
  assert.deepEqual((await picks(preview)).at(-1), { type: 'setRolloutBaseline', pick: 'file' }, '"another file…" asks the host for a file');
  assert.equal(await picker(preview).inputValue(), 'head', 'a cancelled file dialog leaves the baseline as it was');
  // The model that answers: the select shows it and keeps keyboard focus through the redraw.
  await preview.update(withBaseline({ kind: 'saved', label: 'saved file', picked: true }));
  assert.equal(await picker(preview).inputValue(), 'saved');
  assert.deepEqual(await preview.focused(), { label: 'From: rollout baseline', text: 'last commit (HEAD)saved fileanother file…', tag: 'select', className: '' });
  await preview.page.keyboard.press('ArrowUp');
  assert.deepEqual((await picks(preview)).at(-1), { type: 'setRolloutBaseline', pick: 'head' });
  assert.equal((await picks(preview)).length, 3, 'one message per choice');
});

test('baseline picker: reached with Tab from the rollout tab', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({}));
  await preview.page.getByRole('tab', { name: 'Rollout' }).focus();
  await preview.page.keyboard.press('Tab');
  assert.equal((await preview.focused()).label, 'From: rollout baseline');
});

test('baseline picker: says plainly when nothing changed from the baseline, for each kind', async () => {
  const preview = await openPreview();
  const cases: Array<[Partial<PreviewBaseline>, string]> = [
    [{ unchanged: true }, 'No change from the last commit (HEAD): the preview shows a restart (kubectl rollout restart) instead.'],
    [{ kind: 'saved', label: 'saved file', unchanged: true }, 'No change from the saved file: the preview shows a restart (kubectl rollout restart) instead.'],
    [{ kind: 'file', label: 'rollout/old/api.yaml', file: 'file:///w/rollout/old/api.yaml', unchanged: true }, 'No change from rollout/old/api.yaml: the preview shows a restart (kubectl rollout restart) instead.'],
  ];
  await openRollout(preview, withBaseline(cases[0][0]));
  for (const [baseline, sentence] of cases) {
    await preview.update(withBaseline(baseline));
    assert.equal(await note(preview).textContent(), sentence);
    assert.ok(await note(preview).isVisible());
  }
  assert.equal(await picker(preview).getAttribute('aria-describedby'), 'rollout-baseline-note', 'screen readers read the sentence with the picker');
  await preview.update(withBaseline({ unchanged: false }));
  assert.equal(await note(preview).isVisible(), false, 'gone once something changed');
});

test('baseline picker: HEAD where it cannot be read is offered disabled, with the reason; a missing baseline is said', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({ kind: 'saved', label: 'saved file', headAvailable: false, fallback: 'Not from the last commit: git is not run in an untrusted workspace; rolled out from the saved file.' }));
  const head = picker(preview).locator('option[value="head"]');
  assert.equal(await head.textContent(), 'last commit (HEAD): needs git and a trusted workspace');
  assert.equal(await head.isDisabled(), true);
  assert.match((await note(preview).textContent()) ?? '', /untrusted workspace/);
  await preview.update(withBaseline({ found: false }));
  assert.equal(await note(preview).textContent(), 'The file is not in the last commit (HEAD): there is nothing to roll out from.');
});

test('baseline picker: a hostile file name is shown as text, never markup', async () => {
  const preview = await openPreview();
  await openRollout(preview, withBaseline({ kind: 'file', label: HOSTILE_NAME, file: 'file:///w/x.yaml', unchanged: true }));
  assert.equal(await picker(preview).locator('option:checked').textContent(), HOSTILE_NAME);
  assert.equal(await note(preview).textContent(), `No change from ${HOSTILE_NAME}: the preview shows a restart (kubectl rollout restart) instead.`);
  assert.equal(await preview.page.locator('.view-rollout img').count(), 0);
  assert.equal(await preview.page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(await preview.cspViolations(), []);
});

test('baseline picker: hidden without a baseline (a chart or overlay, an older server)', async () => {
  const preview = await openPreview();
  await openRollout(preview, base);
  assert.equal(await preview.page.locator('.baseline-picker').isVisible(), false);
  await preview.update(withBaseline({}));
  assert.equal(await preview.page.locator('.baseline-picker').isVisible(), true);
});
