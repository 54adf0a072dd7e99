import * as vscode from 'vscode';
import { SUPPORTED_VERSIONS } from '../../server/src/protocol/versions';
import { isServedLanguage } from './documentLanguages';

/** The command the status-bar item runs: pick the Kubernetes version manifests are validated against. */
export const SELECT_KUBERNETES_VERSION = 'drydock.selectKubernetesVersion';

function currentVersion(): string {
  return vscode.workspace.getConfiguration('drydock').get<string>('kubernetesVersion') ?? SUPPORTED_VERSIONS[0];
}

/**
 * A status-bar item showing the Kubernetes version Drydock validates against, shown while a YAML
 * file (or a Helm template) is active; clicking it switches the version. Owns its listeners.
 */
export class KubernetesVersionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('drydock.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('Drydock: Kubernetes version');
    this.item.command = SELECT_KUBERNETES_VERSION;
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('drydock.kubernetesVersion')) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    ];
    this.refresh();
  }

  refresh(): void {
    const version = currentVersion();
    this.item.text = `$(symbol-namespace) ${vscode.l10n.t('K8s {0}', version)}`;
    this.item.tooltip = vscode.l10n.t('Drydock validates Kubernetes manifests against the {0} API. Click to switch.', version);
    if (isServedLanguage(vscode.window.activeTextEditor?.document.languageId ?? '')) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.item.dispose();
  }
}

/** Asks for a version and stores it where the current one is set (the workspace, or else the user settings). */
export async function selectKubernetesVersion(): Promise<void> {
  const current = currentVersion();
  const picked = await vscode.window.showQuickPick(
    SUPPORTED_VERSIONS.map((version) => ({ label: vscode.l10n.t('Kubernetes {0}', version), description: version === current ? vscode.l10n.t('current') : undefined, version })),
    { placeHolder: vscode.l10n.t('Kubernetes version to validate manifests against') },
  );
  if (!picked || picked.version === current) return;
  const config = vscode.workspace.getConfiguration('drydock');
  const inWorkspace = config.inspect('kubernetesVersion')?.workspaceValue !== undefined;
  await config.update('kubernetesVersion', picked.version, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}
