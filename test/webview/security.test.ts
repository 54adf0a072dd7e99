import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewView } from '../../server/src/protocol/webviewMessages';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';

const openPreview = useBrowser();
const hostile = loadFixture('xss-cluster');

/** Elements none of the views creates: any of them in the page came from data. */
const INJECTED = 'img, svg, iframe, script, object, embed, b, i, frame';

interface PageGlobals {
  document: { querySelectorAll(selector: string): { length: number }; querySelector(selector: string): { setAttribute(n: string, v: string): void } | null; createElement(tag: string): { textContent: string }; body: { appendChild(node: unknown): void } };
  __evil?: number;
}

async function injectedElements(preview: PreviewPage): Promise<number> {
  return preview.page.evaluate((selector) => (globalThis as unknown as PageGlobals).document.querySelectorAll(`#app :is(${selector})`).length, INJECTED);
}

test('security: manifest strings are rendered as text in every view, never as markup', async () => {
  const preview = await openPreview();
  await preview.update(hostile);
  const views: PreviewView[] = ['nodes', 'pending', 'rollout', 'services', 'network'];
  for (const view of views) {
    await preview.deliverAndWaitForRender({ type: 'showView', view });
    if (view === 'network') await preview.page.locator('.reach-cell').first().click();
    assert.equal(await injectedElements(preview), 0, `no element injected in ${view}`);
  }
  await preview.deliverAndWaitForRender({ type: 'selectPod', pod: 'shop/<svg onload=alert(3)>' });
  await preview.deliverAndWaitForRender({ type: 'showView', view: 'nodes' });
  assert.equal(await injectedElements(preview), 0, 'no element injected in the pod details');
  await preview.screenshot('xss-as-text-dark');
  const text = (await preview.page.locator('#app').textContent()) ?? '';
  assert.ok(text.includes('team=<img src=x onerror=alert(1)>'), 'the label value is shown literally');
  assert.ok(text.includes('<svg onload=alert(3)>'), 'the pod name is shown literally');
  assert.ok(text.includes('<img src=x onerror=alert(12)>'), 'a plugin name in the scores is shown literally');
  assert.deepEqual(preview.dialogs, [], 'no script ran');
  assert.deepEqual(preview.refusedRequests, [], 'no request left the page');
  assert.deepEqual(await preview.cspViolations(), []);
});

test('security: the shell has CSP default-src none, and only the nonce-bearing bundle runs', async () => {
  const preview = await openPreview();
  const csp = await preview.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp ?? '', /^default-src 'none'; style-src https:\/\/drydock-webview\.test; font-src https:\/\/drydock-webview\.test; img-src https:\/\/drydock-webview\.test; script-src 'nonce-[A-Za-z0-9+/=]{24}'$/);
  const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  assert.equal(await preview.page.locator('script[src$="/dist/webview.js"]').evaluate((script) => (script as unknown as { nonce: string }).nonce), nonce);
  await preview.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    const script = page.document.createElement('script');
    script.textContent = 'window.__evil = 1';
    page.document.body.appendChild(script);
    page.document.querySelector('#app')?.setAttribute('style', 'display:none');
  });
  await preview.page.waitForFunction(() => (globalThis as unknown as { __drydockHarness: { cspViolations: string[] } }).__drydockHarness.cspViolations.length >= 2);
  assert.equal(await preview.page.evaluate(() => (globalThis as unknown as PageGlobals).__evil), undefined, 'an inline script without the nonce is refused');
  const violations = await preview.cspViolations();
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join(', '));
  assert.ok(violations.some((v) => v.startsWith('style-src')), violations.join(', '));
  const logged = preview.takeErrors();
  assert.ok(logged.length > 0 && logged.every((error) => error.includes('Content Security Policy')), logged.join('\n'));
});

test('security: the nonce changes with every load', async () => {
  const first = await openPreview();
  const second = await openPreview();
  const nonceOf = async (preview: PreviewPage) => (await preview.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))?.match(/nonce-([^']+)/)?.[1];
  assert.notEqual(await nonceOf(first), await nonceOf(second));
});

test('security: a hostile source location is passed to the host as data (the host decides), the page does not navigate', async () => {
  const preview = await openPreview();
  await preview.update(hostile);
  const url = preview.page.url();
  await preview.page.locator('.node-card .pod-chip').first().click();
  assert.deepEqual((await preview.posted()).at(-1), { type: 'revealSource', location: { uri: 'javascript:alert(8)', line: 0 } });
  assert.equal(preview.page.url(), url);
  assert.deepEqual(preview.dialogs, []);
});
