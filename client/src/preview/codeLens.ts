import * as vscode from 'vscode';
import { PREVIEW_COMMAND, type ShowPreviewRequest } from './previewRequest';
import { chartOfTemplate, findTemplateWorkloads, findWorkloads } from './workloadScanner';

/**
 * "Preview placement" above every workload, and "Preview rollout" above every Deployment; in a Helm
 * template, "Preview placement" of the chart (as rendered) above every workload's `kind:`.
 */
export class PreviewCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const uri = document.uri.toString();
    if (document.languageId === 'helm-template') return templateLenses(document.getText(), uri);
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

function templateLenses(text: string, uri: string): vscode.CodeLens[] {
  const project = chartOfTemplate(uri);
  if (!project) return [];
  return findTemplateWorkloads(text).map(({ kind, line }) => {
    const placement: ShowPreviewRequest = { project, view: 'nodes' };
    return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
      title: 'Preview placement',
      tooltip: `Show where the pods of this ${kind} land on the simulated cluster, with the chart rendered`,
      command: PREVIEW_COMMAND,
      arguments: [placement],
    });
  });
}

/** Registers the provider for YAML files on disk and unsaved ones, and for the charts' templates on disk. */
export function registerPreviewCodeLenses(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }, { scheme: 'file', language: 'helm-template' }],
    new PreviewCodeLensProvider(),
  );
}
