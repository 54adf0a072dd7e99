import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rawMessages, typeScriptFiles } from '../../helpers/rawMessages';

/**
 * Issue #17, the guard of the rest of the server (handlers, workspace IO, the CLI, the composition)
 * and of the VS Code client: no finding or status `message`/`title`/`detail`/`reason` and no
 * notification (`show…Message`) is raw English; each goes through `l10n.t` / `vscode.l10n.t`
 * (docs/l10n.md). The language service, the simulator and the dry run have their own guards.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = ['server/src/handlers', 'server/src/workspace', 'server/src/cli', 'server/src/server.ts', 'server/src/settingsWithConfig.ts', 'client/src'];


const planted: Array<{ name: string; code: string; refused: string[] }> = [
  { name: 'a raw notification', code: "void vscode.window.showWarningMessage('Drydock could not start its language server.');", refused: ['showWarningMessage(…)'] },
  { name: 'a raw render status message', code: "return { state: 'untrusted', message: 'the workspace is not trusted' };", refused: ['message:'] },
  { name: 'a translated notification', code: "void vscode.window.showWarningMessage(vscode.l10n.t('Drydock could not start its language server.'));", refused: [] },
  { name: 'a translated status message', code: "return { state: 'untrusted', message: l10n.t('the workspace is not trusted') };", refused: [] },
];

for (const { name, code, refused } of planted) {
  test(`l10n guard (server, client): ${name}`, () => {
    assert.deepEqual(rawMessages('planted.ts', code).map((found) => found.sink), refused);
  });
}

test('l10n guard: the server\'s handlers, workspace IO, CLI and the client have no raw message or notification (wrap it in l10n.t, docs/l10n.md)', () => {
  const files = SCANNED.flatMap((path) => typeScriptFiles(join(ROOT, path)));
  assert.ok(files.length > 60, 'the folders are scanned');
  const found = files.flatMap((file) => rawMessages(file, readFileSync(file, 'utf8')).map((raw) => `${relative(ROOT, file)}:${raw.line} ${raw.sink} ${raw.text}`));
  assert.deepEqual(found, []);
});
