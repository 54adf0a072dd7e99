import * as vscode from 'vscode';
import { isServedLanguage } from './documentLanguages';

/** A top-level `apiVersion:` or `kind:` key: what every Kubernetes manifest has and other YAML rarely does. */
const MANIFEST_KEY = /^(?:apiVersion|kind)[ \t]*:/m;

/** A YAML document or Helm template (on disk or unsaved) that looks like a Kubernetes manifest. */
export function looksLikeManifest(document: vscode.TextDocument): boolean {
  if (!isServedLanguage(document.languageId) || (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled')) return false;
  return MANIFEST_KEY.test(document.getText());
}

/**
 * Calls `start` once, as soon as a manifest is open: right away if one already is, otherwise when
 * one is opened or a YAML file becomes one as it is typed. Activation (`onLanguage:yaml`) thus costs
 * no server start, and YAML that is not Kubernetes (a CI workflow, a compose file) never starts it.
 */
export function startOnFirstManifest(start: () => void): vscode.Disposable {
  let started = false;
  const listeners: vscode.Disposable[] = [];
  const stopListening = () => {
    for (const listener of listeners.splice(0)) listener.dispose();
  };
  const check = (document: vscode.TextDocument) => {
    if (started || !looksLikeManifest(document)) return;
    started = true;
    stopListening();
    start();
  };
  listeners.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
  );
  for (const document of vscode.workspace.textDocuments) check(document);
  return new vscode.Disposable(stopListening);
}
