import * as vscode from 'vscode';
import type { DrydockClient } from './languageClient';

/** Command id → handler factory. Every command the extension contributes is in this table. */
export function commandTable(client: DrydockClient): Record<string, (...args: unknown[]) => unknown> {
  return {
    'drydock.restartServer': async () => {
      await client.restart();
      void vscode.window.showInformationMessage('Drydock language server restarted.');
    },
  };
}
