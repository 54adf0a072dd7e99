import * as vscode from 'vscode';
import { commandTable } from './commands';
import { DrydockClient } from './languageClient';

/** Wiring only: construct, register, and hand every disposable to the extension context. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const client = new DrydockClient(context);
  context.subscriptions.push(client);
  for (const [id, handler] of Object.entries(commandTable(client))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
  await client.start();
}

export function deactivate(): void {
  // The client is disposed with the context's subscriptions.
}
