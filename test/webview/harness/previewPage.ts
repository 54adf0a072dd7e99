import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { newNonce, previewHtml, WEBVIEW_STYLES } from '../../../client/src/preview/html';
import type { PreviewModel } from '../../../server/src/protocol/preview';
import type { HostToWebview } from '../../../server/src/protocol/webviewMessages';
import type { Harness, HarnessOptions, RenderRecord } from './inPage';
import { THEMES, type ThemeKind } from './themes';
import { requireChromium } from '../../../scripts/browserPath';

const ROOT = join(__dirname, '..', '..', '..');
/** The page's origin: stands in for VS Code's `webview.cspSource`. */
const ORIGIN = 'https://drydock-webview.test';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'webview');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches the system Chromium headless (the flags keep it from reaching the network by itself). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
}

export function loadFixture(name: string): PreviewModel {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as PreviewModel;
}

export interface OpenOptions {
  theme?: ThemeKind;
  /** What `getState()` returns, as after a reload. */
  initialState?: unknown;
  viewport?: { width: number; height: number };
  /** Serve this instead of dist/webview.js (to prove a broken bundle fails the tests). */
  bundleOverride?: string;
}

export interface FocusedElement {
  label: string | null;
  text: string;
  tag: string;
  className: string;
}

/** The few members of a DOM element the page functions here read (the tests have no DOM lib). */
interface PageElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  readonly tagName: string;
  readonly className: string;
}

interface HarnessWindow {
  __drydockHarness: Harness;
}

/**
 * The preview as VS Code would show it: the real HTML shell (html.ts, with its CSP and a fresh
 * nonce) and the built bundle (dist/webview.js), served from one origin, with `acquireVsCodeApi`
 * provided by the harness. Every other request is refused and recorded.
 */
export class PreviewPage {
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];
  readonly refusedRequests: string[] = [];

  private constructor(readonly context: BrowserContext, readonly page: Page) {}

  static async open(browser: Browser, options: OpenOptions = {}): Promise<PreviewPage> {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 800 } });
    const page = await context.newPage();
    const preview = new PreviewPage(context, page);
    page.on('pageerror', (error) => preview.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') preview.errors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      preview.dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const body = url.origin !== ORIGIN ? undefined
        : url.pathname === '/dist/webview.js' && options.bundleOverride !== undefined ? { type: 'text/javascript', content: options.bundleOverride }
          : serve(url.pathname);
      if (body) await route.fulfill({ status: 200, contentType: body.type, body: body.content });
      else {
        preview.refusedRequests.push(url.href);
        await route.abort('blockedbyclient');
      }
    });
    const theme = options.theme ?? 'dark';
    const harnessOptions: HarnessOptions = { themeKind: theme, variables: THEMES[theme], initialState: options.initialState };
    await page.addInitScript({ content: `${HARNESS_SCRIPT}\nDrydockHarness.install(${JSON.stringify(harnessOptions)});` });
    await page.goto(`${ORIGIN}/index.html`);
    try {
      await page.waitForFunction(() => (globalThis as unknown as HarnessWindow).__drydockHarness.posted.some((m) => (m as { type?: string }).type === 'ready'), undefined, { timeout: 10_000 });
    } catch (error) {
      await context.close();
      throw new Error(`the preview never said ready (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); page errors: ${preview.errors.join('; ') || 'none'}`);
    }
    return preview;
  }

  /** Delivers an `update` and waits until the page has rendered it. */
  async update(model: PreviewModel): Promise<RenderRecord> {
    return this.deliverAndWaitForRender({ type: 'update', model });
  }

  async deliverAndWaitForRender(message: HostToWebview): Promise<RenderRecord> {
    const record = await this.page.evaluate(
      (m) => (globalThis as unknown as HarnessWindow).__drydockHarness.deliverAndWaitForRender(m, 5_000),
      message,
    );
    if (!record) throw new Error(`no render after ${message.type}; page errors: ${this.errors.join('; ') || 'none'}`);
    return record;
  }

  async deliver(message: HostToWebview): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as HarnessWindow).__drydockHarness.deliver(m), message);
  }

  /** Messages the page posted to the host, in order. */
  async posted(): Promise<Array<{ type: string; [key: string]: unknown }>> {
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.posted as Array<{ type: string }>);
  }

  async savedState(): Promise<unknown> {
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.state);
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.cspViolations);
  }

  /** Returns and forgets the errors the page logged (for a test that provokes them on purpose). */
  takeErrors(): string[] {
    return this.errors.splice(0);
  }

  /** What has keyboard focus: its aria-label, text, tag and classes. */
  async focused(): Promise<FocusedElement> {
    return this.page.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: PageElement | null } }).document.activeElement;
      return { label: active?.getAttribute('aria-label') ?? null, text: active?.textContent ?? '', tag: active?.tagName.toLowerCase() ?? '', className: active?.className ?? '' };
    });
  }

  /** Saves a PNG under test-artifacts/webview/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage: false });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function serve(pathname: string): { type: string; content: string | Buffer } | undefined {
  if (pathname === '/index.html') {
    const styleUris = WEBVIEW_STYLES.map((path) => `${ORIGIN}/${path.join('/')}`);
    return { type: 'text/html', content: previewHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/dist/webview.js`, styleUris, nonce: newNonce() }) };
  }
  if (pathname === '/dist/webview.js') return { type: 'text/javascript', content: readFileSync(builtBundle()) };
  const style = WEBVIEW_STYLES.find((path) => pathname === `/${path.join('/')}`);
  if (style) return { type: 'text/css', content: readFileSync(join(ROOT, ...style)) };
  return undefined;
}

function builtBundle(): string {
  const path = join(ROOT, 'dist', 'webview.js');
  if (!existsSync(path)) throw new Error('dist/webview.js is missing: run `npm run build` first');
  return path;
}

/** inPage.ts bundled into a script that defines the global `DrydockHarness`. */
const HARNESS_SCRIPT = buildSync({
  entryPoints: [join(__dirname, 'inPage.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'DrydockHarness',
  platform: 'browser',
  target: 'chrome120',
}).outputFiles[0].text;

/**
 * Launches one Chromium for the test file (node:test `before`/`after`) and opens a fresh page per
 * call, closing it when the test ends. A page that logged errors fails its test.
 */
export function useBrowser(): (options?: OpenOptions) => Promise<PreviewPage> {
  let browser: Browser | undefined;
  const pages: PreviewPage[] = [];
  before(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const preview of pages.splice(0)) {
      const errors = [...preview.errors];
      await preview.close();
      if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    }
  });
  after(async () => {
    await browser?.close();
  });
  return async (options) => {
    if (!browser) throw new Error('useBrowser: the browser is not running');
    const preview = await PreviewPage.open(browser, options);
    pages.push(preview);
    return preview;
  };
}
