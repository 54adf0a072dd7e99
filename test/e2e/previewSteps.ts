/**
 * Steps over the Preview Cluster webview and the quick picks around it, for the preview scenarios
 * (preview.e2e.test.ts). Like workbench.ts, every step waits on what the UI shows, polled until a
 * deadline; nothing sleeps for a fixed time.
 */
import type { Frame } from 'playwright-core';
import { escapeRegExp } from './escapeRegExp';
import { waitUntil } from './uiWait';
import type { Workbench } from './workbench';

export const PREVIEW_COMMAND = 'Drydock: Preview Cluster';

/** The preview webview's frame, once it has drawn its header (the scope radios). */
export async function previewFrame(wb: Workbench): Promise<Frame> {
  return wb.webviewFrame('fieldset.scope', 'the cluster preview webview to draw its header');
}

/** Clicks a preview tab ("Network", "Rollout", "What if"…) and waits for it to be the selected one. */
export async function showTab(frame: Frame, name: string): Promise<void> {
  const tab = frame.getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
  await waitUntil(`the preview's ${name} tab to be selected`, async () => {
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    return (await tab.getAttribute('aria-selected')) === 'true';
  });
}

/** Chooses a scope radio of the header ("This file", "This folder", "Workspace") and waits for the model that answers it. */
export async function chooseScope(frame: Frame, label: 'This file' | 'This folder' | 'Workspace', heading: RegExp): Promise<void> {
  await frame.getByRole('radio', { name: label, exact: true }).check();
  const title = frame.locator('h1');
  await waitUntil(`the preview's title to match ${String(heading)} after "${label}"`, async () => heading.test((await title.textContent()) ?? ''), { seen: async () => (await title.textContent()) ?? '' });
}

/** Picks the row labelled `label` in the open quick pick (a command's question, the simple file dialog). */
export async function pickQuickItem(wb: Workbench, label: string): Promise<void> {
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/**
 * Answers VS Code's open dialog (code-server's simple file dialog, a quick input with a path box) with
 * `path`: once the dialog has filled in its start folder, types the path and presses its OK button
 * (`okLabel`), again while the dialog is still open (it completes paths as they are typed, and may
 * take a keystroke for a completion).
 */
export async function answerOpenDialog(wb: Workbench, path: string, okLabel: string): Promise<void> {
  const widget = wb.page.locator('.quick-input-widget');
  const input = widget.locator('input.input').first();
  await waitUntil('the open dialog to show its start folder', async () => (await input.isVisible()) && (await input.inputValue()).endsWith('/'), { seen: () => input.inputValue() });
  await waitUntil(`the open dialog to accept ${path}`, async () => {
    if (!(await widget.isVisible())) return true;
    await input.fill(path);
    if ((await input.inputValue()) !== path) return false;
    await wb.screenshot('open-dialog');
    await widget.getByRole('button', { name: okLabel }).click();
    return widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
  }, { seen: async () => `${await input.inputValue()} | ${await widget.innerText()}` });
}

/**
 * Waits until `fileName` (a path suffix) is the active tab of its group with the cursor on `line` (1-based), read from
 * the editor's highlighted line number: a reveal from the preview may leave the keyboard in the webview, and
 * the status bar then shows no cursor position.
 */
export async function waitForCursorLine(wb: Workbench, fileName: string, line: number): Promise<void> {
  const base = fileName.split('/').pop() as string;
  const active = wb.page.locator(`.tabs-container .tab.active[data-resource-name="${base}"]`);
  const lineNumber = wb.editor(fileName).locator('.margin-view-overlays .line-numbers.active-line-number');
  const seen = async () => `tabs ${JSON.stringify(await wb.tabTitles())}, highlighted line numbers ${JSON.stringify(await lineNumber.allTextContents())}`;
  await waitUntil(`${fileName} active with the cursor on line ${line}`, async () => (await active.count()) > 0 && (await lineNumber.allTextContents()).some((text) => text.trim() === String(line)), { seen });
}

/** Waits until `read()` returns text matching `expected` and returns it; the failure says what was seen. */
export async function waitForText(what: string, read: () => Promise<string | null>, expected: RegExp): Promise<string> {
  return waitUntil(what, async () => {
    const text = (await read()) ?? '';
    return expected.test(text) ? text : undefined;
  }, { seen: async () => JSON.stringify(await read()) });
}
