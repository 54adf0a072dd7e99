import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';

/** The text after applying edits (as a client applies a WorkspaceEdit's changes to one document). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), [...edits]);
}

/** The text after applying a code action's edit to `uri`. */
export function applyCodeAction(text: string, action: CodeAction, uri: string): string {
  return applyEdits(text, action.edit?.changes?.[uri] ?? []);
}
