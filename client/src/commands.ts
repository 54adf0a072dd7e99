import * as vscode from 'vscode';
import type { DrydockClient } from './languageClient';
import type { PreviewPanels } from './preview/previewPanels';
import { selectKubernetesVersion } from './statusBar';

/** Command id → handler factory. Every command the extension contributes is in this table. */
export function commandTable(client: DrydockClient, preview: PreviewPanels): Record<string, (...args: unknown[]) => unknown> {
  return {
    'drydock.restartServer': async () => {
      await client.restart();
      void vscode.window.showInformationMessage('Drydock language server restarted.');
    },
    'drydock.selectKubernetesVersion': () => selectKubernetesVersion(),
    'drydock.previewCluster': (arg?: unknown) => preview.showFromCommand(arg),
  };
}
