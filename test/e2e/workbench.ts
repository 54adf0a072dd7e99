/**
 * Page helpers for driving the VS Code workbench in code-server the way a user does: keyboard
 * shortcuts, the command palette, Quick Open, the Problems panel, hovers, code actions, CodeLenses
 * and webviews. Every step waits on what the UI shows (a row in a list, the cursor position in the
 * status bar, a squiggle on a line), polled until a deadline; nothing sleeps for a fixed time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { ARTIFACTS, type RunningCodeServer } from './codeServer';
import { drawnLineText, drawnSquiggleLines, lineCentres, type Severity } from './editorLines';
import { escapeRegExp } from './escapeRegExp';
import { ProblemsPanel } from './problemsPanel';
import { UI_TIMEOUT, waitUntil } from './uiWait';

export class Workbench {
  private shots = 0;
  readonly problemsPanel: ProblemsPanel;

  private constructor(readonly context: BrowserContext, readonly page: Page, readonly name: string, readonly folder: string) {
    this.problemsPanel = new ProblemsPanel(page, (title) => this.runCommand(title));
  }

  /** A new browser window on `folder`, waited until the workbench is drawn. */
  static async open(browser: Browser, server: RunningCodeServer, folder: string, name: string): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const workbench = new Workbench(context, page, name, folder);
    await page.goto(server.folderUrl(folder));
    await workbench.waitForWorkbench();
    return workbench;
  }

  /** A workbench already loading in `page` (its context stays the caller's). */
  static async attach(page: Page, name: string): Promise<Workbench> {
    const workbench = new Workbench(page.context(), page, name, '');
    await workbench.waitForWorkbench();
    return workbench;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** The workbench is up: its editor area and status bar are drawn and the explorer lists the folder. */
  async waitForWorkbench(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.editor').first().waitFor({ timeout: UI_TIMEOUT * 2 });
    await this.page.locator('.monaco-workbench .part.statusbar').first().waitFor({ timeout: UI_TIMEOUT });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT * 2 });
  }

  /** test-artifacts/e2e/<scenario>/<nn>-<step>.png */
  async screenshot(step: string): Promise<string> {
    const dir = join(ARTIFACTS, this.name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${String(++this.shots).padStart(2, '0')}-${step.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path }).catch(() => undefined);
    return path;
  }

  // ───────────────────────────── quick input: Quick Open, palette, go to line ─────────────────────────────

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Sets the quick input's text (prefix included: `>` commands, `:` go to line) as one input event;
   * keys typed while the widget is still taking the focus could be lost.
   */
  private async setQuickInputValue(value: string): Promise<void> {
    const input = this.quickInput().locator('input.input').first();
    await input.fill(value);
    await waitUntil(`the quick input to read ${JSON.stringify(value)}`, async () => (await input.inputValue()) === value, { seen: () => input.inputValue() });
  }

  /** Presses `shortcut` until the quick input shows (a key pressed while the workbench is busy can be lost). */
  private async openQuickInput(shortcut: string): Promise<void> {
    await waitUntil(`the quick input to open with ${shortcut}`, async () => {
      await this.page.keyboard.press(shortcut);
      return this.quickInput().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    });
  }

  /**
   * Opens a file at the top of the workspace by clicking it in the Explorer, as a user would (Quick
   * Open works too but waits for a file search, which is slow on a loaded machine).
   */
  async openFile(fileName: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(fileName)}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await row.dblclick(); // opens it and moves the focus to the editor
    await this.editor(fileName).locator('.view-lines .view-line').first().waitFor({ timeout: UI_TIMEOUT });
    await this.page.locator(`.editor-instance .monaco-editor.focused[data-uri$="/${fileName}"]`).first().waitFor({ timeout: UI_TIMEOUT });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), waiting for its row before choosing it. */
  async quickOpen(relativePath: string): Promise<void> {
    const base = relativePath.split('/').pop() as string;
    await this.openQuickInput('Control+P');
    await this.setQuickInputValue(relativePath);
    const row = this.quickInput().locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(base)}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await this.editor(base).locator('.view-lines .view-line').first().waitFor({ timeout: UI_TIMEOUT });
  }

  /**
   * Runs a command by its title from the command palette (F1), waiting for its row first. The
   * palette filters once, with the commands known at that moment; a window that has just opened may
   * not know the extensions' commands yet, so the palette is opened again until the row shows.
   */
  async runCommand(title: string, options: { asksInQuickInput?: boolean } = {}): Promise<void> {
    const rows = this.quickInput().locator('.quick-input-list .monaco-list-row');
    const row = rows.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
    await waitUntil(`the command "${title}" in the command palette`, async () => {
      if (await this.quickInput().isVisible()) {
        await this.page.keyboard.press('Escape');
        await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      }
      await this.openQuickInput('F1');
      await this.setQuickInputValue(`>${title}`);
      return row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    }, { seen: async () => (await rows.allInnerTexts()).join(' | ') || 'no matching command' });
    await row.click();
    // A command that asks its own questions keeps the quick input open: the caller waits on its items.
    if (!options.asksInQuickInput) await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /**
   * Gives the keyboard to `fileName`'s editor by clicking its tab (the preview webview, a panel or a
   * modal may have it) and waits for Monaco to report the focus.
   */
  async focusEditor(fileName: string): Promise<void> {
    const focused = this.page.locator(`.editor-instance .monaco-editor.focused[data-uri$="/${fileName}"]`).first();
    if (await focused.isVisible()) return;
    const tab = this.editorTab(fileName);
    await waitUntil(`the editor of ${fileName} to have the focus`, async () => {
      await tab.click();
      return focused.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    });
  }

  /** Moves the cursor in `fileName` with Go to Line (Ctrl+G) and waits for the status bar to show it there. */
  async goto(fileName: string, line: number, column = 1): Promise<void> {
    await this.focusEditor(fileName);
    await this.openQuickInput('Control+G');
    await this.setQuickInputValue(`:${line}:${column}`);
    await waitUntil(`Go to Line to offer line ${line}, column ${column}`, async () => (await this.quickInput().innerText()).includes(`line ${line} at column ${column}`), { seen: () => this.quickInput().innerText() });
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    const status = this.page.locator('[id="status.editor.selection"]');
    await waitUntil(`the cursor at Ln ${line}, Col ${column}`, async () => (await status.innerText()).trim() === `Ln ${line}, Col ${column}`, { seen: () => status.innerText() });
  }

  // ───────────────────────────────────────────── the editor ─────────────────────────────────────────────

  /** The text editor showing `fileName` (Monaco tags its root with the document's URI). */
  editor(fileName: string): Locator {
    return this.page.locator(`.editor-instance .monaco-editor[data-uri$="/${fileName}"]`).first();
  }

  /** The text of line `line` as drawn. */
  async lineText(fileName: string, line: number): Promise<string | undefined> {
    return drawnLineText(this.editor(fileName), line);
  }

  async waitForLineText(fileName: string, line: number, expected: string | RegExp): Promise<void> {
    const matches = (text: string | undefined) => text !== undefined && (typeof expected === 'string' ? text === expected : expected.test(text));
    await waitUntil(`line ${line} of ${fileName} to read ${String(expected)}`, async () => matches(await this.lineText(fileName, line)), {
      seen: async () => JSON.stringify(await this.lineText(fileName, line)),
    });
  }

  /** Lines (1-based) that carry a squiggle of this severity in `fileName`'s editor. */
  async squiggleLines(fileName: string, severity: Severity = 'error'): Promise<number[]> {
    return drawnSquiggleLines(this.editor(fileName), severity);
  }

  async waitForSquiggle(fileName: string, line: number, severity: Severity = 'error'): Promise<void> {
    await waitUntil(`a ${severity} squiggle on line ${line} of ${fileName}`, async () => (await this.squiggleLines(fileName, severity)).includes(line), {
      seen: async () => `${severity} squiggles on lines [${(await this.squiggleLines(fileName, severity)).join(', ')}]`,
    });
  }

  async waitForNoSquiggle(fileName: string, line: number, severity: Severity = 'error'): Promise<void> {
    await waitUntil(`no ${severity} squiggle on line ${line} of ${fileName}`, async () => !(await this.squiggleLines(fileName, severity)).includes(line), {
      seen: async () => `${severity} squiggles on lines [${(await this.squiggleLines(fileName, severity)).join(', ')}]`,
    });
  }

  /**
   * Replaces the whole of line `line` (indentation included) by typing `text` over it: Go to Line,
   * select to the end, type. Waits until the editor shows the new text.
   */
  async typeOverLine(fileName: string, line: number, text: string): Promise<void> {
    await this.goto(fileName, line, 1);
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.type(text);
    await this.waitForLineText(fileName, line, text);
  }

  /** Shows the hover at the cursor (editor.action.showHover, Ctrl+K Ctrl+I) and returns its text once it has some matching `expected`. */
  async hoverAt(fileName: string, line: number, column: number, expected: RegExp): Promise<string> {
    await this.goto(fileName, line, column);
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    return waitUntil(`a hover at ${line}:${column} matching ${String(expected)}`, async () => {
      if (!(await hover.first().isVisible())) {
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        await hover.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      }
      const text = (await hover.allInnerTexts()).join('\n');
      return expected.test(text) ? text : undefined;
    }, { seen: async () => JSON.stringify((await hover.allInnerTexts()).join('\n')) });
  }

  /** Opens the quick-fix menu at line:column (Ctrl+.) and returns the titles it offers. */
  async quickFixes(fileName: string, line: number, column: number, expected: RegExp): Promise<string[]> {
    await this.goto(fileName, line, column);
    const items = this.page.locator('.action-widget .monaco-list-row.action');
    return waitUntil(`a quick fix matching ${String(expected)} at ${line}:${column}`, async () => {
      if (!(await items.first().isVisible())) {
        await this.page.keyboard.press('Control+.');
        await items.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      }
      const titles = (await items.allInnerTexts()).map((t) => t.trim());
      return titles.some((title) => expected.test(title)) ? titles : undefined;
    }, { seen: async () => JSON.stringify(await items.allInnerTexts()) });
  }

  /** Applies the quick fix whose title matches (the menu must be open: see quickFixes). */
  async applyQuickFix(title: RegExp): Promise<void> {
    const item = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await item.click();
    await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** The CodeLens links drawn in `fileName`'s editor. */
  codeLens(fileName: string, title: string): Locator {
    return this.editor(fileName).locator('.codelens-decoration a', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
  }

  /** The line (1-based) a CodeLens is drawn above. */
  async codeLensLine(fileName: string, title: string): Promise<number | undefined> {
    const lens = this.codeLens(fileName, title).first();
    const box = await lens.boundingBox();
    if (!box) return undefined;
    const centres = await lineCentres(this.editor(fileName));
    // A lens sits in the space just above its line: the first line whose centre is below the lens.
    let best: number | undefined;
    for (const [line, centre] of centres) if (centre > box.y + box.height / 2 && (best === undefined || centre < (centres.get(best) as number))) best = line;
    return best;
  }

  // ──────────────────────────────────────────── webviews ────────────────────────────────────────────

  /**
   * The frame of a webview whose document contains `selector` (webviews are an iframe inside an
   * iframe; Playwright lists every frame of the page).
   */
  async webviewFrame(selector: string, what: string): Promise<Frame> {
    return waitUntil(what, async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || frame.isDetached()) continue;
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      return undefined;
    }, { seen: async () => `${this.page.frames().length} frames: ${this.page.frames().map((f) => f.url().slice(0, 80)).join(', ')}` });
  }

  /** Editor tabs' titles (name and suffix, as drawn), in order. */
  async tabTitles(): Promise<string[]> {
    return this.page.locator('.tabs-container .tab .monaco-icon-label-container').evaluateAll((labels) => labels.map((label) => (label.textContent ?? '').trim()));
  }

  /** The tab of a file's editor (its title is drawn in two parts, name and suffix). */
  editorTab(fileName: string): Locator {
    return this.page.locator(`.tabs-container .tab[data-resource-name="${fileName}"]`).first();
  }

  /** Developer: Reload Window, then wait for the new workbench. */
  async reloadWindow(): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: UI_TIMEOUT * 2 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.waitForWorkbench();
  }
}
