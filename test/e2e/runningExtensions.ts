import type { Workbench } from './workbench';
import { UI_TIMEOUT, waitUntil } from './uiWait';

/**
 * The activation time VS Code measured for an extension (code loading + the `activate` call), as
 * "Developer: Show Running Extensions" shows it. The extension must be active.
 */
export async function activationTime(wb: Workbench, displayName: string): Promise<number> {
  const page = wb.page;
  await wb.runCommand('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { has: page.locator('.name', { hasText: displayName }) }).first();
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await rows.first().click(); // focus the list: it draws only the rows in view, sorted by time
  const text = await waitUntil(`an activation time for "${displayName}" in Running Extensions`, async () => {
    if (!(await row.isVisible())) {
      await page.keyboard.press('PageDown');
      return undefined;
    }
    const time = await row.locator('.activation-time').innerText({ timeout: 1_000 }).catch(() => '');
    return /\d+\s*ms/.test(time) ? time : undefined;
  }, { seen: async () => (await rows.allInnerTexts()).join(' | ') });
  // It opens as a modal editor, which keeps the keyboard until it is closed.
  await page.keyboard.press('Escape');
  await page.locator('.runtime-extensions-editor').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  return Number(/(\d+)\s*ms/.exec(text)?.[1]);
}
