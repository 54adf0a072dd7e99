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
    for (const anchor of findWorkloads(document.getText())) {
      const { line } = anchor;
      // The preview matches the object by its document, never by namespace and name alone.
      const workload = { ...anchor.workload, source: { uri, document: anchor.document } };
      const range = new vscode.Range(line, 0, line, 0);
      const placement: ShowPreviewRequest = { uri, view: 'nodes', workload };
      lenses.push(new vscode.CodeLens(range, {
        title: vscode.l10n.t('Preview placement'),
        tooltip: vscode.l10n.t('Show where the pods of {0} {1} land on the simulated cluster', workload.kind, workload.name),
        command: PREVIEW_COMMAND,
        arguments: [placement],
      }));
      if (workload.kind === 'Deployment') {
        const rollout: ShowPreviewRequest = { uri, view: 'rollout', workload };
        lenses.push(new vscode.CodeLens(range, {
          title: vscode.l10n.t('Preview rollout'),
          tooltip: vscode.l10n.t('Step through a rolling update of {0}', workload.name),
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
      title: vscode.l10n.t('Preview placement'),
      tooltip: vscode.l10n.t('Show where the pods of this {0} land on the simulated cluster, with the chart rendered', kind),
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
