/**
 * The end-to-end scenarios of test/e2e (code-server), written against the `vscode` API for a desktop
 * VS Code started by @vscode/test-electron. The workspace is a fresh copy of test/e2e/workspace.
 * What the API cannot see (the pixels of the webview, a window reload) is left to the code-server
 * suite, and said so.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { test } from './runner';
import type { DryRunStats } from '../../../server/src/protocol/dryRunStats';

const EXTENSION_ID = 'drydock.drydock';
const FILE = 'web.yaml';
const NOT_A_MANIFEST = 'notes.yaml';
/** 0-based lines of test/e2e/workspace/web.yaml. */
const LINE = { kind: 1, replicas: 6, cpu: 20 } as const;
const UNKNOWN_FIELD = '`replica` is not a field of DeploymentSpec - did you mean `replicas`?';
const PREVIEW_COMMAND = 'drydock.previewCluster';

/**
 * How scenarios wait. Where the `vscode` API has an event for the state awaited, `waitForEvent` checks
 * it now and on each event, with a time limit: diagnostics (`languages.onDidChangeDiagnostics`), a
 * document's text (`workspace.onDidChangeTextDocument`), the open tabs (`window.tabGroups.onDidChangeTabs`).
 * `waitFor` polls every 100 ms, and only for what no event announces: an extension's activation
 * (`extensions.onDidChange` is about installs, not activation), the language server processes (read
 * from /proc), and what providers answer (hover, code actions, CodeLenses: they answer once the server
 * has caught up with the edits, which the API does not signal).
 */
async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeout = 45_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves with the first truthy `probe()`: checked at once, then on every `event`; rejects after `timeout`. */
function waitForEvent<T>(what: string | (() => string), event: vscode.Event<unknown>, probe: () => T | undefined | null | false, timeout = 45_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let last: unknown;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const check = () => {
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        last = error;
      }
    };
    const timer = setTimeout(() => {
      const described = typeof what === 'string' ? what : what();
      finish(() => reject(new Error(`timed out after ${timeout / 1000} s waiting for ${described}${last ? ` (last error: ${String(last)})` : ''}`)));
    }, timeout);
    const subscription = event(check);
    check();
  });
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Replaces line `line` (0-based) as if typed, and waits for the document to hold it. */
async function typeOverLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const ok = await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, text));
  assert.ok(ok, `the edit of line ${line + 1} applied`);
  assert.equal(editor.document.lineAt(line).text, text);
}

function drydockDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'drydock');
}

/** Waits until Drydock's diagnostics of `uri` satisfy `accept` (on VS Code's diagnostics event). */
function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    () => `${what} (have: ${JSON.stringify(drydockDiagnostics(uri).map((d) => `${d.range.start.line}:${d.message}`))})`,
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = drydockDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
  );
}

async function waitForDiagnostic(uri: vscode.Uri, predicate: (d: vscode.Diagnostic) => boolean, what: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(uri, (all) => all.some(predicate), `a diagnostic: ${what}`);
  return diagnostics.find(predicate) as vscode.Diagnostic;
}

/**
 * Drydock language servers whose working directory is the workspace folder (Linux: /proc). A process
 * the server is starting (git for a rollout baseline, helm) shows the server's command line until it
 * execs its program: a match whose parent is a match is such a child, not a second server.
 */
function languageServerPids(): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined; // not Linux: cannot tell
  }
  const folder = workspaceFolder().fsPath;
  const parents = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some((arg) => /dist[\\/]server\.js$/.test(arg))) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) !== folder) continue;
      parents.set(Number(entry), Number(/^PPid:\s*(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]));
    } catch {
      // gone meanwhile
    }
  }
  return [...parents].filter(([, parent]) => !parents.has(parent)).map(([pid]) => pid);
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /drydock\.preview$/.test(tab.input.viewType));
}

/** Closes every editor and the preview, with web.yaml put back as the fixture has it, and opens it. */
async function resetFile(): Promise<vscode.TextEditor> {
  const edited = await open(FILE);
  if (edited.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return open(FILE);
}

test('activation is cheap and the language server starts with the first manifest', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await open(NOT_A_MANIFEST);
  await waitFor('Drydock to activate on a YAML file', () => extension.isActive);
  const servers = languageServerPids();
  if (servers) assert.deepEqual(servers, [], 'no language server while only non-Kubernetes YAML is open');
  await open(FILE);
  if (servers) await waitFor('the language server to start for the first manifest', () => languageServerPids()?.length === 1);
});

test('typing an error shows a diagnostic on its line; fixing it clears it', async () => {
  const editor = await resetFile();
  const uri = editor.document.uri;
  await typeOverLine(editor, LINE.replicas, '  replica: 2');
  const diagnostic = await waitForDiagnostic(uri, (d) => d.message === UNKNOWN_FIELD, UNKNOWN_FIELD);
  assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [LINE.replicas, 2]);
  assert.deepEqual(drydockDiagnostics(uri).map((d) => d.range.start.line), [LINE.replicas], 'the only diagnostic is on the edited line');

  await typeOverLine(editor, LINE.cpu, '              cpu: 1 core');
  const quantity = await waitForDiagnostic(uri, (d) => d.range.start.line === LINE.cpu, `an error on line ${LINE.cpu + 1}`);
  assert.match(quantity.message, /quantity/i);

  await typeOverLine(editor, LINE.replicas, '  replicas: 2');
  await typeOverLine(editor, LINE.cpu, '              cpu: 250m');
  await waitForDiagnostics(uri, (all) => all.length === 0, 'the diagnostics to clear');
});

test('a quick fix renames an unknown field to the suggested one', async () => {
  const editor = await resetFile();
  const uri = editor.document.uri;
  await typeOverLine(editor, LINE.replicas, '  replica: 2');
  const diagnostic = await waitForDiagnostic(uri, (d) => d.message === UNKNOWN_FIELD, UNKNOWN_FIELD);
  const actions = await waitFor('a quick fix mentioning replicas', async () => {
    const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return found?.some((a) => /replicas/.test(a.title)) ? found : undefined;
  });
  const fix = actions.find((a) => /replicas/.test(a.title)) as vscode.CodeAction;
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit applied');
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  await waitForEvent('the line to read `replicas: 2`', vscode.workspace.onDidChangeTextDocument, () => editor.document.lineAt(LINE.replicas).text === '  replicas: 2');
  await waitForDiagnostics(uri, (all) => !all.some((d) => d.message === UNKNOWN_FIELD), 'the diagnostic to clear');
});

test('hovering a field shows its documentation from the Kubernetes schema', async () => {
  const editor = await resetFile();
  const text = await waitFor('a hover with the DeploymentSpec.replicas documentation', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(LINE.replicas, 3));
    const joined = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return /Number of desired pods/.test(joined) ? joined : undefined;
  });
  assert.match(text, /Number of desired pods/);
});

test('Drydock: Preview Cluster opens the preview panel (its drawing is checked by the code-server suite)', async () => {
  await resetFile();
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes(PREVIEW_COMMAND), `${PREVIEW_COMMAND} is registered`);
  await vscode.commands.executeCommand(PREVIEW_COMMAND);
  const [tab] = await waitForEvent('a cluster preview tab', vscode.window.tabGroups.onDidChangeTabs, () => (previewTabs().length > 0 ? previewTabs() : undefined));
  assert.match(tab.label, /^Cluster preview/);
});

test('one clock: an edit burst with the preview open costs two dry runs (the diagnostics\', then the preview\'s)', async () => {
  const editor = await resetFile();
  await vscode.commands.executeCommand(PREVIEW_COMMAND);
  await waitForEvent('a cluster preview tab', vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().length > 0);
  const stats = async () => (await vscode.commands.executeCommand<DryRunStats | null>('drydock.internal.dryRunStats')) ?? undefined;
  // Whatever opening the file and the preview ran is over before the burst starts.
  const before = await waitFor('the dry runs of the opening to be over', async () => {
    const now = await stats();
    return now && !now.busy && now.runs.includes('preview') ? now : undefined;
  });
  for (const replicas of ['2', '3', '4']) await typeOverLine(editor, LINE.replicas, `  replicas: ${replicas}`);
  // The burst is over once a preview run follows the diagnostics run and nothing is due.
  const after = await waitFor('the diagnostics dry run, then the preview\'s, then nothing due', async () => {
    const now = await stats();
    if (!now || now.busy) return undefined;
    const burst = now.runs.slice(now.runs.length - (now.total - before.total));
    const diagnosticsAt = burst.indexOf('diagnostics');
    return diagnosticsAt >= 0 && burst.indexOf('preview', diagnosticsAt) > diagnosticsAt ? burst : undefined;
  });
  assert.deepEqual(after, ['diagnostics', 'preview'], 'one dry run for the diagnostics, one for the preview it told to refresh');
});

test('an edit that makes a pod unschedulable is reported inline', async () => {
  const editor = await resetFile();
  const uri = editor.document.uri;
  await typeOverLine(editor, LINE.cpu, '              cpu: "64"');
  const diagnostic = await waitForDiagnostic(uri, (d) => /Insufficient cpu/.test(d.message), 'the scheduler\'s "Insufficient cpu" verdict');
  assert.ok(diagnostic.range.start.line <= 21, `on the Deployment (line ${diagnostic.range.start.line + 1})`);
});

test('the CodeLenses above a Deployment open its preview', async () => {
  const editor = await resetFile();
  const lenses = await waitFor('the Preview CodeLenses', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
    return found?.some((l) => l.command?.title === 'Preview placement') ? found : undefined;
  });
  const titled = (title: string) => lenses.filter((l) => l.command?.title === title);
  assert.deepEqual(titled('Preview placement').map((l) => l.range.start.line), [LINE.kind], 'one placement lens, above `kind: Deployment`');
  assert.deepEqual(titled('Preview rollout').map((l) => l.range.start.line), [LINE.kind], 'one rollout lens, above `kind: Deployment`');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await open(FILE);
  const placement = titled('Preview placement')[0].command as vscode.Command;
  await vscode.commands.executeCommand(placement.command, ...(placement.arguments ?? []));
  await waitForEvent('a cluster preview tab opened by the lens', vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().length > 0);
});

test('a crashed language server is restarted, and diagnostics come back after an edit', async () => {
  const editor = await resetFile();
  const uri = editor.document.uri;
  const [crashed] = await waitFor('one language server for the workspace', () => {
    const pids = languageServerPids();
    return pids?.length === 1 ? pids : undefined;
  });
  await waitForDiagnostics(uri, (all) => !all.some((d) => d.message === UNKNOWN_FIELD), `no "${UNKNOWN_FIELD}" before the crash`);

  process.kill(crashed, 'SIGKILL');
  const restarted = await waitFor('the language server to be restarted', () => {
    const pids = languageServerPids();
    return pids?.length === 1 && pids[0] !== crashed ? pids[0] : undefined;
  });
  assert.notEqual(restarted, crashed);

  // The error typed now can only come from the restarted server.
  await typeOverLine(editor, LINE.replicas, '  replica: 2');
  const diagnostic = await waitForDiagnostic(uri, (d) => d.message === UNKNOWN_FIELD, `${UNKNOWN_FIELD} from the restarted server`);
  assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [LINE.replicas, 2]);
  assert.deepEqual(languageServerPids(), [restarted], 'still one language server, the restarted one');
  await typeOverLine(editor, LINE.replicas, '  replicas: 2');
  await waitForDiagnostics(uri, (all) => all.length === 0, 'the diagnostics to clear');
  // How many notifications this showed (one: "…was restarted") cannot be read through the vscode API;
  // the restart policy's messages are checked by test/unit/client/restartPolicy.test.ts.
}, { skip: existsSync('/proc/self/cmdline') ? undefined : 'finding the language server process needs /proc (Linux)' });

test('a window reload restores the preview panel', async () => {
  // Reloading the window ends the extension-host test run itself; see test/e2e/drydock.e2e.test.ts.
}, { skip: 'a window reload ends an extension-host test run; the code-server suite (npm run test:e2e) checks it' });
