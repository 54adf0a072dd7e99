// Storage in the preview: the pod details list each claim and the PV it got (or why none), each claim
// revealing where it is written; the node card shows its attached volumes against a CSI limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel, PreviewPod } from '../../server/src/protocol/preview';
import { contrastOnPage } from './harness/pageContrast';
import { loadFixture, useBrowser } from './harness/previewPage';

const openPreview = useBrowser();

const HOSTILE = '<img src=x onerror=alert(1)>';

/** small-cluster with claims on api-0 and api-1 (worker-a2) and a CSI limit on worker-a2. */
function withVolumes(): PreviewModel {
  const model = structuredClone(loadFixture('small-cluster'));
  const pod = (name: string): PreviewPod => model.simulation.pods.find((p) => p.name === name)!;
  pod('api-0').volumes = [
    { claim: 'shop/data-api-0', pv: 'pvc-shop-data-api-0', reason: null, source: { uri: 'file:///workspace/shop/api.yaml', line: 41 } },
    { claim: 'shop/scratch', pv: null, reason: 'waiting for first consumer to be created before binding', source: null },
  ];
  pod('api-1').volumes = [{ claim: `shop/${HOSTILE}`, pv: null, reason: `persistentvolumeclaim "${HOSTILE}" not found`, source: { uri: 'file:///workspace/shop/api.yaml', line: 3 } }];
  pod('api-1').volumesOmitted = 2;
  const node = model.simulation.nodes.find((n) => n.name === 'worker-a2')!;
  node.volumes = { attached: 3, limits: [{ driver: 'ebs.csi.aws.com', attached: 3, limit: 25 }] };
  model.simulation.nodes.find((n) => n.name === 'worker-a1')!.volumes = { attached: 1, limits: [] };
  return model;
}

test('volumes: the pod details list each claim → PV, or the reason none, and a claim reveals its manifest', async () => {
  const preview = await openPreview();
  await preview.update(withVolumes());
  await preview.page.locator('[data-pod="shop/api-0"]').click();
  const details = preview.page.locator('.details');
  const table = details.locator('.volumes-table');
  await table.waitFor();
  assert.equal(await details.locator('h3', { hasText: 'Volumes' }).textContent(), 'Volumes: 2 claims');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map((c) => (c.textContent ?? '').trim())));
  assert.deepEqual(rows, [
    ['shop/data-api-0', 'pvc-shop-data-api-0'],
    ['shop/scratch', 'none: waiting for first consumer to be created before binding'],
  ]);
  assert.equal(await table.locator('th[scope="col"]').count(), 2, 'column headers are scoped for screen readers');
  assert.equal(await table.locator('tbody button').count(), 1, 'only a claim whose source is known is a link');
  const link = table.locator('tbody button', { hasText: 'shop/data-api-0' });
  assert.equal(await link.getAttribute('aria-label'), 'Claim shop/data-api-0: reveal it in the editor');
  await link.focus();
  await preview.page.keyboard.press('Enter');
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'file:///workspace/shop/api.yaml', line: 41 } });
  await preview.screenshot('pod-volumes-details');
});

test('volumes: a pod without claims has no Volumes section', async () => {
  const preview = await openPreview();
  await preview.update(withVolumes());
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  await preview.page.locator('.details .scores-table').waitFor();
  assert.equal(await preview.page.locator('.details .volumes-table').count(), 0);
});

test('volumes: a hostile claim name and reason are shown as text; claims left out are counted', async () => {
  const preview = await openPreview();
  await preview.update(withVolumes());
  await preview.page.locator('[data-pod="shop/api-1"]').click();
  const details = preview.page.locator('.details');
  await details.locator('.volumes-table').waitFor();
  const text = (await details.locator('.volumes-table tbody').textContent()) ?? '';
  assert.ok(text.includes(`shop/${HOSTILE}`), text);
  assert.ok(text.includes(`persistentvolumeclaim "${HOSTILE}" not found`), text);
  assert.equal(await preview.page.locator('.details img').count(), 0, 'no element was injected');
  assert.equal(await details.locator('h3', { hasText: 'Volumes' }).textContent(), 'Volumes: 3 claims');
  assert.match((await details.textContent()) ?? '', /2 more claims not listed\./);
  assert.deepEqual(preview.dialogs, []);
});

test('volumes: the node card shows attached volumes against the CSI limit, as a meter, only where a limit applies', async () => {
  const preview = await openPreview();
  await preview.update(withVolumes());
  const card = preview.page.locator('.node-card', { has: preview.page.locator('.node-name', { hasText: 'worker-a2' }) });
  const bar = card.locator('.bar-volumes');
  assert.equal((await bar.locator('.bar-label').textContent())?.trim(), 'volumes 3 / 25 (ebs.csi.aws.com)');
  const meter = bar.locator('[role="meter"]');
  assert.equal(await meter.getAttribute('aria-label'), 'ebs.csi.aws.com volumes attached');
  assert.equal(await meter.getAttribute('aria-valuetext'), '3 of 25 (12%)');
  const row = preview.page.locator('.vlist-row', { has: card });
  assert.match((await row.getAttribute('aria-label')) ?? '', /^Node worker-a2,.* volumes 3 of 25 \(ebs\.csi\.aws\.com\)$/, 'screen readers hear the count with the other usage');
  const other = preview.page.locator('.node-card', { has: preview.page.locator('.node-name', { hasText: 'worker-a1' }) });
  await other.waitFor();
  assert.equal(await other.locator('.bar-volumes').count(), 0, 'no CSI limit: no volume bar');
  assert.equal(await card.locator('.bar').count(), 4, 'the volume bar shares the line of the capacity bars');
  await preview.screenshot('pod-volumes-node-card');
});

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`volumes: ${theme} — the claims table and the volume bar read at 4.5:1`, async () => {
    const preview = await openPreview({ theme });
    await preview.update(withVolumes());
    await preview.page.locator('[data-pod="shop/api-0"]').click();
    await preview.page.locator('.details .volumes-table').waitFor();
    for (const selector of ['.bar-volumes .bar-label', '.volumes-table tbody button.link', '.volumes-table tbody th', '.volumes-table td', '.volumes-table td .muted']) {
      const contrast = await contrastOnPage(preview, theme, selector);
      assert.ok(contrast, `${theme}: ${selector} is on the page`);
      assert.ok(contrast.ratio >= 4.5, `${theme}: ${selector} has contrast ${contrast.ratio.toFixed(2)}`);
    }
    await preview.screenshot(`pod-volumes-${theme}`);
  });
}
