import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { l10nJsonFormat } from '@vscode/l10n';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

/**
 * Issue #17, the preview's own words in Korean (the header, tabs, nodes, pending, services and the pod
 * and node details): the page gets the Korean bundle as the host sends it, with the first model after
 * `ready`, and draws every label of ours in Korean while Kubernetes' words (kinds, statuses, node and
 * pod names, taint keys, the scheduler's message) stay as they are.
 */
const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');
const KOREAN = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as l10nJsonFormat;
const SCHEDULER_MESSAGE = cluster.simulation.pods.find((pod) => pod.name === 'report-batch-x7k2p')?.message ?? '';

async function openInKorean(): Promise<PreviewPage> {
  const preview = await openPreview();
  await preview.deliverAndWaitForRender({ type: 'update', model: cluster, l10n: KOREAN, locale: 'ko' });
  return preview;
}

const text = async (preview: PreviewPage, selector: string): Promise<string> => (await preview.page.locator(selector).first().textContent()) ?? '';
const attribute = async (preview: PreviewPage, selector: string, name: string): Promise<string> => (await preview.page.locator(selector).first().getAttribute(name)) ?? '';

test('korean: the header, the tabs and the page language follow the bundle the host sends', async () => {
  const preview = await openInKorean();
  assert.equal(await preview.page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang), 'ko');
  assert.equal(await text(preview, '.header h1'), '클러스터 미리 보기 — web.yaml');
  assert.deepEqual(await preview.page.locator('.header fieldset label').allTextContents(), ['이 파일', '이 폴더', '작업 영역', '차트 또는 오버레이']);
  assert.deepEqual(await preview.page.locator('[role="tab"]').allTextContents(), ['노드 (5)', 'Pending (1)', '롤아웃', '서비스', '네트워크', '경로', '가정 분석']);
  assert.equal(await attribute(preview, '[role="tablist"]', 'aria-label'), '미리 보기 뷰');
  assert.equal(await attribute(preview, '.details', 'aria-label'), '파드 세부 정보');
});

test('korean: the nodes view speaks Korean around the cluster\'s own names, taints and statuses', async () => {
  const preview = await openInKorean();
  assert.equal(await text(preview, '.view-nodes .summary'), '노드 5개 · 배치된 파드 7개 · Pending 1개');
  assert.equal(await attribute(preview, '.view-nodes input.filter', 'placeholder'), '노드, 레이블, 파드 필터…');
  assert.equal(await text(preview, '.legend-title'), '네임스페이스별 파드:');
  assert.equal(await text(preview, '.zone-row .zone-name'), '존 eu-west-1a');
  const card = preview.page.locator('.node-card[data-node="worker-b1"]');
  // The list moves a card's accessible name onto its row.
  assert.match((await preview.page.locator('.vlist-row', { has: card }).getAttribute('aria-label')) ?? '', /^노드 worker-b1 \(코돈됨\), 파드 0개, 요청량 cpu /);
  assert.equal(await card.locator('.node-name').textContent(), 'worker-b1', 'a node name is the cluster\'s');
  assert.equal(await card.locator('.chip-taint').getAttribute('aria-label'), '테인트 node.kubernetes.io/unschedulable:NoSchedule');
  assert.equal(await text(preview, '.node-card[data-node="cp-1"] .badge-control-plane'), 'control-plane', 'the role label stays as Kubernetes writes it');
  assert.match((await attribute(preview, '[data-pod="shop/api-0"]', 'aria-label')), /^파드 shop\/api-0, Scheduled$/);
  assert.equal(await preview.page.locator('.vlist-row', { has: preview.page.locator('.pending-lane') }).getAttribute('aria-label'), 'Pending: 파드 1개가 노드를 찾지 못했습니다. 이유를 보려면 하나를 선택합니다.');
});

test('korean: a pending pod\'s details keep the scheduler\'s message verbatim under Korean headings', async () => {
  const preview = await openInKorean();
  await preview.page.locator('[data-pod="shop/report-batch-x7k2p"]').click();
  const details = preview.page.locator('.details');
  await details.locator('h2', { hasText: '파드 shop/report-batch-x7k2p' }).waitFor();
  assert.ok(SCHEDULER_MESSAGE.startsWith('0/5 nodes are available: '), 'the fixture has a scheduler message');
  assert.equal(await details.locator('.verdict').textContent(), SCHEDULER_MESSAGE);
  assert.deepEqual(await details.locator('dl.facts dt').allTextContents(), ['상태', '노드', '소유자', '요청']);
  assert.deepEqual((await details.locator('dl.facts dd').allTextContents()).slice(0, 3), ['Pending', '없음', 'Job report-batch']);
  assert.equal(await details.locator('button[aria-label="파드 세부 정보 닫기"]').count(), 1);

  await preview.deliverAndWaitForRender({ type: 'showView', view: 'pending' });
  assert.equal(await text(preview, '.view-pending .summary'), 'Pending 상태인 파드 1개 — 각 노드가 거부된 이유를 보려면 하나를 선택합니다.');
  assert.equal(await text(preview, '.view-pending .pending-message'), SCHEDULER_MESSAGE);
});

test('korean: a scheduled pod\'s verdict, the node details and the services are in Korean', async () => {
  const preview = await openInKorean();
  await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
  const details = preview.page.locator('.details');
  await details.locator('.verdict', { hasText: 'worker-a1' }).waitFor();
  assert.match((await details.locator('.verdict').textContent()) ?? '', /총점이 가장 높은\(685\) worker-a1에 배치되었습니다\. 노드 2개가 필터를 통과했고, 5개 중 3개가 거부되었습니다\.$/);
  assert.equal(await details.locator('h3').first().textContent(), '필터: 노드 5개 중 3개 거부됨');

  await preview.page.locator('.node-card[data-node="worker-a1"] .node-name').click();
  const node = preview.page.locator('.node-detail');
  await node.locator('h2', { hasText: '노드 worker-a1' }).waitFor();
  assert.deepEqual((await node.locator('h3').allTextContents()).slice(0, 2), ['컨디션', '테인트 (0)']);
  assert.equal(await node.locator('.node-resources caption').textContent(), '파드가 요청한 양과 할당 가능한 양');

  await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
  assert.equal(await text(preview, '.view-services .summary'), 'Service 3개');
  assert.deepEqual(await preview.page.locator('.view-services .services-table').first().locator('th').allTextContents(), ['포트', '프로토콜', '대상', '엔드포인트']);
});

test('korean: without a bundle (English) the page keeps its English words and its lang', async () => {
  const preview = await openPreview();
  await preview.update(cluster);
  assert.equal(await preview.page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang), 'en');
  assert.equal(await text(preview, '#tab-nodes'), 'Nodes (5)');
  assert.equal(await text(preview, '.view-nodes .summary'), '5 nodes · 7 pods placed · 1 pending');
});
