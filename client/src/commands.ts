import * as vscode from 'vscode';
import type { DrydockClient } from './languageClient';
import type { PreviewPanels } from './preview/previewPanels';
import { selectKubernetesVersion } from './statusBar';
import { whatIfNodeCommand } from './whatIfCommand';
import { DryRunStatsRequest } from '../../server/src/protocol/dryRunStats';

/** Command id → handler factory. Every command the extension contributes is in this table. */
export function commandTable(client: DrydockClient, preview: PreviewPanels): Record<string, (...args: unknown[]) => unknown> {
  return {
    'drydock.restartServer': async () => {
      await client.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('Drydock language server restarted.'));
    },
    'drydock.selectKubernetesVersion': () => selectKubernetesVersion(),
    'drydock.previewCluster': (arg?: unknown) => preview.showFromCommand(arg),
    'drydock.whatIfNode': (arg?: unknown) => whatIfNodeCommand(preview, arg),
    // The render status item (renderStatus.ts) runs it: the server logs each render to this channel.
    'drydock.showOutput': () => {
      if (client.running) client.running.outputChannel.show(true);
      else void vscode.window.showInformationMessage(vscode.l10n.t('The Drydock language server is not running: it starts when a Kubernetes YAML file is opened.'));
    },
    // Not contributed (no menu, not in the palette): the server's dry-run log, for tests and diagnosis.
    'drydock.internal.dryRunStats': () => client.running?.sendRequest(DryRunStatsRequest) ?? null,
  };
}
