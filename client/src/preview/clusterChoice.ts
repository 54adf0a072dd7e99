import * as vscode from 'vscode';
import { BUILTIN_CLUSTER } from '../../../server/src/protocol/preview';
import { isRevealAllowed } from './messages';

/**
 * The preview header's cluster chip, on the host's side: `drydock.cluster` (workspace setting) becomes
 * the chosen file, relative to the first workspace folder, or `builtin` (null). Only a file inside a
 * workspace folder is accepted. The server re-runs on the settings change, and the preview follows.
 */
export async function setClusterSetting(uri: string | null): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let value = BUILTIN_CLUSTER;
  if (uri !== null) {
    if (!isRevealAllowed(uri, folders.map((folder) => folder.uri.toString()), null)) return;
    const folder = folders[0]?.uri.toString().replace(/\/$/, '');
    value = folder && uri.startsWith(`${folder}/`) ? decodeURIComponent(uri.slice(folder.length + 1)) : vscode.Uri.parse(uri).fsPath;
  }
  await vscode.workspace.getConfiguration('drydock').update('cluster', value, vscode.ConfigurationTarget.Workspace);
}
