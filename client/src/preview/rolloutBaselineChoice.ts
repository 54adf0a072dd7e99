import * as vscode from 'vscode';
import type { RolloutBaselineChoice, RolloutBaselinePick, SetRolloutBaselineParams } from '../../../server/src/protocol/rolloutBaseline';
import { SetRolloutBaselineRequest } from '../../../server/src/protocol/requests';
import { isRevealAllowed } from './messages';
import type { PreviewConnection } from './previewSource';

/**
 * The rollout view's baseline picker, on the host's side: `head` and `saved` are taken as they are;
 * `file` shows an open dialog in the workspace (YAML files), and only a file inside a workspace
 * folder is accepted. Undefined: the user cancelled (or picked a file outside the workspace).
 */
async function askRolloutBaseline(pick: RolloutBaselinePick): Promise<RolloutBaselineChoice | undefined> {
  if (pick !== 'file') return { kind: pick };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    filters: { YAML: ['yaml', 'yml'] },
    openLabel: vscode.l10n.t('Roll out from this file'),
    title: vscode.l10n.t('Drydock: the version to roll out from'),
  });
  const uri = chosen?.[0]?.toString();
  if (!uri) return undefined;
  if (!isRevealAllowed(uri, folders.map((folder) => folder.uri.toString()), null)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Drydock: the rollout baseline must be a file of the workspace.'));
    return undefined;
  }
  return { kind: 'file', uri };
}

/**
 * The picker's choice for `uri`, sent to the server (`drydock/setRolloutBaseline`): its diagnostics and
 * previews of the document roll out from it. False when the user cancelled or the server refused.
 */
export async function pickRolloutBaseline(client: PreviewConnection, uri: string, pick: RolloutBaselinePick): Promise<boolean> {
  const baseline = await askRolloutBaseline(pick);
  if (!baseline) return false;
  const params: SetRolloutBaselineParams = { uri, baseline };
  return client.sendRequest<boolean>(SetRolloutBaselineRequest.method, params);
}
