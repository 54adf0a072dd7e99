import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';

/** What the Drydock language server tells the client it does, in its `initialize` answer. */
export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  // '.' completes a chart template's `.Values.` only (completion.ts).
  completionProvider: { triggerCharacters: [':', ' ', '.'] },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
