import * as vscode from 'vscode';
import type { PreviewModel } from '../../../server/src/protocol/preview';
import type { HostToWebview } from '../../../server/src/protocol/webviewMessages';
import { newNonce, previewHtml, WEBVIEW_RESOURCE_ROOTS, WEBVIEW_SCRIPT, WEBVIEW_STYLES } from './html';
import { parseWebviewMessage, type RestoredTarget } from './messages';
import type { RolloutBaselinePick } from '../../../server/src/protocol/rolloutBaseline';
import { pickRolloutBaseline } from './rolloutBaselineChoice';
import { setClusterSetting } from './clusterChoice';
import { PageLanguage } from './pageLanguage';
import { previewPanelTitle } from './panelTitle';
import { revealSource } from './revealSource';
import { onPreviewChanged, requestPreview, type PreviewConnection } from './previewSource';
import { answerPageQuestion, type QuestionTarget } from './pageQuestions';
import type { WhatIfNodeEvent } from '../../../server/src/protocol/whatIf';

/** What the panel previews: a document (or the workspace around it) and the rollout variant. */
export type PreviewTarget = RestoredTarget;

export interface PreviewPanelDeps {
  extensionUri: vscode.Uri;
  /** The running language client, if any (it changes when the server restarts). */
  connection(): PreviewConnection | undefined;
}

/**
 * `drydock/previewChanged` notifications within this window are one refresh (the server already
 * waited for a pause in typing before its dry run).
 */
const CHANGE_COALESCE_MS = 50;

/**
 * One preview webview panel: owns the `WebviewPanel` and every listener it needs. It follows the
 * active YAML editor, asks the server again (debounced) after `drydock/previewChanged`, and routes
 * validated webview messages. One clock: the server decides when edits are dry-run and tells the
 * panel, which does not watch edits itself (an edit burst costs two dry runs: the server's and the preview's). Disposed when the user closes it or the extension stops.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private ready = false;
  private disposed = false;
  private latest: PreviewModel | null = null;
  /** The display language's bundle, sent with the first model after each `ready`. */
  private readonly language = new PageLanguage(() => vscode.l10n.bundle, () => vscode.env.language);
  /** Waiting for a model (the command palette's what-if lists its nodes). */
  private readonly modelWaiters: Array<(model: PreviewModel) => void> = [];
  /** Sent after the next model (a CodeLens asked for a view before the page was ready). */
  private queued: HostToWebview[] = [];
  private requestSeq = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribedTo: PreviewConnection | undefined;
  private changeSubscription: vscode.Disposable | undefined;
  /** The editor column manifests are revealed in. */
  private editorColumn: vscode.ViewColumn;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: PreviewPanelDeps, private target: PreviewTarget) {
    this.editorColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: WEBVIEW_RESOURCE_ROOTS.map((dir) => vscode.Uri.joinPath(deps.extensionUri, dir)) };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    webview.html = previewHtml({
      locale: vscode.env.language,
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...WEBVIEW_SCRIPT)).toString(),
      styleUris: WEBVIEW_STYLES.map((path) => webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...path)).toString()),
      nonce: newNonce(),
    });
    this.updateTitle();
    this.disposables.push(
      this.disposeEmitter,
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the page is destroyed when hidden; it says `ready` again.
        if (!panel.visible) this.ready = false;
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
  }

  /** Previews `uri` (if given; or the chart or overlay `project`, from a template's CodeLens) and forwards a view request to the page. */
  show(uri: string | undefined, message: HostToWebview | undefined, project?: string): void {
    this.panel.reveal(undefined, true);
    if (message) this.send(message, true);
    if (project) {
      if (this.target.scope !== 'project' || this.target.project !== project) this.retarget({ scope: 'project', project });
    } else if (uri && (uri !== this.target.uri || this.target.scope === 'project')) {
      this.retarget({ uri, scope: this.target.scope === 'project' ? 'file' : this.target.scope });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.changeSubscription?.dispose();
    this.disposeEmitter.fire();
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // First load, or the page was recreated after being hidden: it gets the latest model (kept
        // current while hidden by the change listeners), or one is asked for.
        this.ready = true;
        this.language.pageLoaded();
        if (this.latest) this.post(this.language.updateMessage(this.latest));
        else this.refresh();
        this.flushQueued();
        return;
      case 'revealSource':
        revealSource(message.location, this.target.uri, this.editorColumn).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('Drydock: could not open the manifest: {0}', errorText(error)));
        });
        return;
      case 'setScope':
        this.retarget(message.project ? { scope: message.scope, project: message.project } : { scope: message.scope });
        return;
      case 'setNeverReady':
        this.retarget({ neverReady: message.neverReady });
        return;
      case 'setCluster':
        setClusterSetting(message.uri).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('Drydock: could not switch the cluster: {0}', errorText(error)));
        });
        return;
      case 'podDetails':
      case 'explainConnection':
      case 'routeQuery':
      case 'whatIf':
        void answerPageQuestion(message, this.questionTarget()).then((answer) => {
          if (!this.disposed) this.post(answer);
        });
        return;
      case 'setRolloutBaseline':
        this.setRolloutBaseline(message.pick).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('Drydock: could not change the rollout baseline: {0}', errorText(error)));
        });
        return;
    }
  }

  /** The rollout view's picker: the followed document's baseline, then the preview again. */
  private async setRolloutBaseline(pick: RolloutBaselinePick): Promise<void> {
    const connection = this.deps.connection();
    if (this.target.uri && connection && (await pickRolloutBaseline(connection, this.target.uri, pick)) && !this.disposed) this.refresh();
  }

  /** The model shown, or the next one. */
  model(): Promise<PreviewModel> {
    return this.latest ? Promise.resolve(this.latest) : new Promise((resolve) => this.modelWaiters.push(resolve));
  }

  /** The command palette's what-if: the page shows its What-if tab and asks about these events. */
  askWhatIf(events: WhatIfNodeEvent[]): void {
    this.show(undefined, { type: 'askWhatIf', events });
  }

  /** What the page's questions are asked about: the current target, of the running server; null when there is none. */
  private questionTarget(): QuestionTarget | null {
    const uri = this.previewedUri();
    const connection = this.deps.connection();
    return uri && connection ? { connection, uri, scope: this.target.scope, options: { neverReady: this.target.neverReady } } : null;
  }

  private retarget(change: Partial<PreviewTarget>): void {
    this.target = { ...this.target, ...change };
    this.updateTitle();
    this.refresh();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isManifestCandidate(editor.document)) return;
    if (editor.viewColumn) this.editorColumn = editor.viewColumn;
    const uri = editor.document.uri.toString();
    if (uri === this.target.uri) return;
    // A chart's or overlay's preview stays on it; the document is remembered for "This file".
    if (this.target.scope === 'project') this.target = { ...this.target, uri };
    else this.retarget({ uri });
  }

  /** What `drydock/preview` is asked about: the followed document, or the chart's or overlay's folder. */
  private previewedUri(): string | null {
    return this.target.scope === 'project' ? this.target.project : this.target.uri;
  }

  private scheduleRefresh(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      this.refresh();
    }, CHANGE_COALESCE_MS);
  }

  /** Asks the server for the current target; only the newest answer is shown. */
  private refresh(): void {
    this.load(++this.requestSeq).catch((error: unknown) => {
      this.post({ type: 'status', state: 'error', message: vscode.l10n.t('The preview failed: {0}', errorText(error)) });
    });
  }

  private async load(seq: number): Promise<void> {
    const { scope, neverReady } = this.target;
    const uri = this.previewedUri();
    if (!uri) {
      this.post({ type: 'status', state: 'empty', message: vscode.l10n.t('Open a Kubernetes manifest to preview it.') });
      return;
    }
    const connection = this.deps.connection();
    if (!connection) {
      this.post({ type: 'status', state: 'error', message: vscode.l10n.t('The Drydock language server is not running.') });
      return;
    }
    this.subscribe(connection);
    this.post({ type: 'status', state: 'loading', message: vscode.l10n.t('Simulating…') });
    const model = await requestPreview(connection, uri, scope, { neverReady });
    if (seq !== this.requestSeq || this.disposed) return;
    if (!model) {
      this.post({ type: 'status', state: 'empty', message: vscode.l10n.t('No Kubernetes objects to simulate in this file.') });
      return;
    }
    // A project asked for by a folder inside it (a subchart's template) is named by its own folder.
    if (model.source.scope === 'project' && model.source.uri && scope === 'project') this.target = { ...this.target, project: model.source.uri };
    this.latest = model;
    for (const resolve of this.modelWaiters.splice(0)) resolve(model);
    if (this.ready) this.post(this.language.updateMessage(model));
    this.flushQueued();
  }

  /** Listens for `drydock/previewChanged` on the current client (again after a server restart). */
  private subscribe(connection: PreviewConnection): void {
    if (this.subscribedTo === connection) return;
    this.changeSubscription?.dispose();
    this.subscribedTo = connection;
    this.changeSubscription = onPreviewChanged(connection, (uris) => {
      const previewed = this.previewedUri();
      if (uris.length === 0 || this.target.scope === 'workspace' || this.target.scope === 'folder' || (previewed !== null && uris.includes(previewed))) this.scheduleRefresh();
    });
  }

  /** Sends now, or after the next model when `queueUntilModel` and the page has none yet. */
  private send(message: HostToWebview, queueUntilModel: boolean): void {
    if (queueUntilModel && (!this.ready || !this.latest)) this.queued.push(message);
    else this.post(message);
  }

  private flushQueued(): void {
    if (!this.ready || !this.latest) return;
    for (const message of this.queued.splice(0)) this.post(message);
  }

  private post(message: HostToWebview): void {
    if (!this.ready || this.disposed) return;
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private updateTitle(): void {
    this.panel.title = previewPanelTitle(this.target.scope, this.previewedUri());
  }
}

/** YAML in a file or an unsaved editor: what the server may simulate. */
export function isManifestCandidate(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

