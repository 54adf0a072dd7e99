import * as vscode from 'vscode';
import type { CloseHandlerResult, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { RenderStatusNotification, type RenderStatusParams } from '../../server/src/protocol/renderStatus';
import { SERVED_LANGUAGES } from './documentLanguages';
import { decideOnCrash, NEW_SESSION, type CrashHistory } from './restartPolicy';

type LanguageClientLib = typeof import('./lspClientLib');

/**
 * vscode-languageclient is required on the first start, not when the extension loads, so that
 * activation stays cheap: it is a bundle of its own, dist/lspClientLib.js (scripts/build.mjs).
 */
function languageClientLib(): LanguageClientLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('./lspClientLib.js') as LanguageClientLib;
}

/** What the extension hears from the server, whichever client (a restart replaces it) is running. */
export interface DrydockClientListeners {
  /** `drydock/renderStatus`; called with no targets when the server stops (its status is gone with it). */
  onRenderStatus?(params: RenderStatusParams): void;
}

/** Starts, stops and restarts the Drydock language server (dist/server.js, over IPC). */
export class DrydockClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private crashes: CrashHistory = NEW_SESSION;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly listeners: DrydockClientListeners = {},
  ) {}

  /** The client while started (a restart replaces it), for requests such as the cluster preview. */
  get running(): LanguageClient | undefined {
    return this.client;
  }

  /**
   * The client, starting the server first if it is not running (it starts lazily: see lazyStart.ts).
   * Requests sent while it starts wait for it.
   */
  ensureStarted(): LanguageClient {
    if (!this.client) this.start().catch(() => undefined); // the language client reports a failed start itself
    return this.client as LanguageClient;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const { LanguageClient, TransportKind, ErrorAction, CloseAction } = languageClientLib();
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SERVED_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      synchronize: { configurationSection: 'drydock' },
      // l10nBundle: the display language's bundle (l10n/bundle.l10n.<locale>.json), for the server's messages.
      initializationOptions: { settings: vscode.workspace.getConfiguration('drydock'), trusted: vscode.workspace.isTrusted, l10nBundle: vscode.l10n.uri?.fsPath },
      // A crashed server is restarted, and the user told once, by the policy of restartPolicy.ts.
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.onCrash(CloseAction),
      },
    };
    this.client = new LanguageClient('drydock', 'Drydock', serverOptions, clientOptions);
    // Registered before the start so that no notification is missed; disposed with this client.
    this.client.onNotification(RenderStatusNotification, (params) => this.listeners.onRenderStatus?.(params));
    await this.client.start();
  }

  /** The adapter of restartPolicy.ts: turns its decision into the language client's close action (and a message). */
  private onCrash(CloseAction: LanguageClientLib['CloseAction']): CloseHandlerResult {
    const { decision, history } = decideOnCrash(this.crashes, Date.now());
    this.crashes = history;
    // Not `handled`: the language client shows the message (an error with "Go to output") and logs it.
    if (decision.action === 'give-up') return { action: CloseAction.DoNotRestart, message: decision.message };
    if (decision.notify) void vscode.window.showWarningMessage(decision.notify);
    return { action: CloseAction.Restart, handled: true };
  }

  /** Drydock: Restart Language Server; a new session for the restart policy. */
  async restart(): Promise<void> {
    this.crashes = NEW_SESSION;
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) this.listeners.onRenderStatus?.({ targets: [] });
    if (client) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
