/**
 * Entry of dist/lspClientLib.js, a bundle of its own: vscode-languageclient is most of the client's
 * code, and keeping it out of dist/client.js keeps activation cheap. languageClient.ts requires it
 * when the language server first starts (lazyStart.ts).
 */
export { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
