import * as vscode from 'vscode';
import { commandTable } from './commands';
import { DrydockClient } from './languageClient';
import { startOnFirstManifest } from './lazyStart';
import { registerPreviewCodeLenses } from './preview/codeLens';
import { configurePureModulesL10n } from './pureModulesL10n';
import { PreviewPanels } from './preview/previewPanels';
import { RenderStatusItem } from './renderStatus';
import { KubernetesVersionStatus } from './statusBar';

/** Wiring only: construct, register, and hand every disposable to the extension context. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  configurePureModulesL10n(); // before anything shows a message
  const renderStatus = new RenderStatusItem();
  const client = new DrydockClient(context, { onRenderStatus: (params) => renderStatus.update(params) });
  context.subscriptions.push(client, renderStatus);
  context.subscriptions.push(new KubernetesVersionStatus());
  // The serializer must be registered during activation for the panel to survive a window reload.
  const preview = new PreviewPanels({ extensionUri: context.extensionUri, connection: () => client.ensureStarted() });
  context.subscriptions.push(preview, registerPreviewCodeLenses());
  for (const [id, handler] of Object.entries(commandTable(client, preview))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
  // The server starts on the first manifest, not here: activation stays cheap (lazyStart.ts).
  context.subscriptions.push(startOnFirstManifest(() => void client.start().catch(() => undefined)));
}

export function deactivate(): void {
  // The client is disposed with the context's subscriptions.
}
