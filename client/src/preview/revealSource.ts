import * as vscode from 'vscode';
import type { SourceLocation } from '../../../server/src/protocol/preview';
import { isRevealAllowed } from './messages';

/**
 * The page's `revealSource`: opens the manifest at `location` where it is already visible, else in
 * `column`, without taking the focus. Refused (with a warning) outside the workspace folders and the
 * previewed document `previewedUri`.
 */
export async function revealSource(location: SourceLocation, previewedUri: string | null, column: vscode.ViewColumn): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
  if (!isRevealAllowed(location.uri, folders, previewedUri)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Drydock: not opening {0}: it is outside the workspace.', location.uri));
    return;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri, true));
  const line = Math.min(location.line, Math.max(0, document.lineCount - 1));
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? column,
    preserveFocus: true,
    selection: new vscode.Range(line, 0, line, 0),
  });
}
