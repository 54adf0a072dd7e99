import * as vscode from 'vscode';
import type { PreviewModel } from '../../../server/src/protocol/preview';
import type { HostToWebview } from '../../../server/src/protocol/webviewMessages';
import type { WhatIfNodeEvent } from '../../../server/src/protocol/whatIf';
import { parsePersistedState, type RestoredTarget } from './messages';
import { isManifestCandidate, PreviewPanel, type PreviewPanelDeps } from './panel';
import { parseShowPreviewRequest, PREVIEW_VIEW_TYPE, type ShowPreviewRequest } from './previewRequest';

/**
 * Owns the (single) preview panel: create-or-show from the command, revive after a window reload
 * through the serializer, and dispose it with the extension.
 */
export class PreviewPanels implements vscode.Disposable {
  private current: PreviewPanel | undefined;
  private readonly serializer: vscode.Disposable;

  constructor(private readonly deps: PreviewPanelDeps) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.adopt(panel, parsePersistedState(state));
      },
    });
  }

  /** The `drydock.previewCluster` handler: its argument comes from a CodeLens, the editor title or nothing. */
  showFromCommand(arg: unknown): void {
    const request = arg instanceof vscode.Uri ? { uri: arg.toString() } : parseShowPreviewRequest(arg);
    this.show(request);
  }

  show(request: ShowPreviewRequest): void {
    const active = vscode.window.activeTextEditor?.document;
    const uri = request.uri ?? (active && isManifestCandidate(active) ? active.uri.toString() : undefined);
    const message: HostToWebview | undefined = request.view ? { type: 'showView', view: request.view, workload: request.workload } : undefined;
    if (this.current) {
      this.current.show(uri, message, request.project);
      return;
    }
    // A new preview opens on "This file" (a CodeLens's too): one file never mixes in another file's copy of
    // its objects, and its rollout is from its own baseline. An open preview keeps its scope (folder,
    // workspace); the page matches the CodeLens's object by its document and says when another file's
    // copy is the one simulated there.
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Cluster preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    const preview = this.adopt(panel, { uri: uri ?? null, scope: request.project ? 'project' : 'file', project: request.project ?? null, neverReady: false });
    if (message) preview.show(undefined, message);
  }

  /** The model of the preview (opened when there is none), once it has one: the command palette's what-if lists its nodes. */
  async model(): Promise<PreviewModel | undefined> {
    if (!this.current) this.show({});
    return this.current?.model();
  }

  /** Shows the What-if tab of the preview (opened when there is none) asking about these events. */
  askWhatIf(events: WhatIfNodeEvent[]): void {
    if (!this.current) this.show({});
    this.current?.askWhatIf(events);
  }

  dispose(): void {
    this.serializer.dispose();
    this.current?.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: RestoredTarget): PreviewPanel {
    this.current?.dispose();
    const preview = new PreviewPanel(panel, this.deps, target);
    this.current = preview;
    const subscription = preview.onDidDispose(() => {
      subscription.dispose();
      if (this.current === preview) this.current = undefined;
    });
    return preview;
  }
}
