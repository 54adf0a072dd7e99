import * as vscode from 'vscode';
import { PREVIEW_COMMAND, type ShowPreviewRequest } from './previewRequest';
import { findWorkloads } from './workloadScanner';

/** "Preview placement" above every workload, and "Preview rollout" above every Deployment. */
export class PreviewCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const uri = document.uri.toString();
    const lenses: vscode.CodeLens[] = [];
    for (const { workload, line } of findWorkloads(document.getText())) {
      const range = new vscode.Range(line, 0, line, 0);
      const placement: ShowPreviewRequest = { uri, view: 'nodes', workload };
      lenses.push(new vscode.CodeLens(range, {
        title: 'Preview placement',
        tooltip: `Show where the pods of ${workload.kind} ${workload.name} land on the simulated cluster`,
        command: PREVIEW_COMMAND,
        arguments: [placement],
      }));
      if (workload.kind === 'Deployment') {
        const rollout: ShowPreviewRequest = { uri, view: 'rollout', workload };
        lenses.push(new vscode.CodeLens(range, {
          title: 'Preview rollout',
          tooltip: `Step through a rolling update of ${workload.name}`,
          command: PREVIEW_COMMAND,
          arguments: [rollout],
        }));
      }
    }
    return lenses;
  }
}

/** Registers the provider for YAML files on disk and unsaved ones. */
export function registerPreviewCodeLenses(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
    new PreviewCodeLensProvider(),
  );
}
