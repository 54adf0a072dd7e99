import * as vscode from 'vscode';
import { commandTable } from './commands';
import { DrydockClient } from './languageClient';
import { registerPreviewCodeLenses } from './preview/codeLens';
import { PreviewPanels } from './preview/previewPanels';
import { KubernetesVersionStatus } from './statusBar';

/** Wiring only: construct, register, and hand every disposable to the extension context. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const client = new DrydockClient(context);
  context.subscriptions.push(client);
  context.subscriptions.push(new KubernetesVersionStatus());
  // The serializer must be registered during activation for the panel to survive a window reload.
  const preview = new PreviewPanels({ extensionUri: context.extensionUri, connection: () => client.running });
  context.subscriptions.push(preview, registerPreviewCodeLenses());
  for (const [id, handler] of Object.entries(commandTable(client, preview))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
  await client.start();
}

export function deactivate(): void {
  // The client is disposed with the context's subscriptions.
}
