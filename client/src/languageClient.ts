import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

type LanguageClientLib = typeof import('./lspClientLib');

/**
 * vscode-languageclient is required on the first start, not when the extension loads, so that
 * activation stays cheap: it is a bundle of its own, dist/lspClientLib.js (scripts/build.mjs).
 */
function languageClientLib(): LanguageClientLib {
  return require('./lspClientLib.js') as LanguageClientLib;
}

const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60_000;

/** Starts, stops and restarts the Drydock language server (dist/server.js, over IPC). */
export class DrydockClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private crashes: number[] = [];
  private toldCrash = false;

  constructor(private readonly context: vscode.ExtensionContext) {}

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
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
      ],
      synchronize: { configurationSection: 'drydock' },
      initializationOptions: { settings: vscode.workspace.getConfiguration('drydock'), trusted: vscode.workspace.isTrusted },
      // Restart a crashed server quietly and tell the user once; give up after a crash loop.
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => {
          const now = Date.now();
          this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
          if (this.crashes.length > MAX_RESTARTS) {
            return { action: CloseAction.DoNotRestart, message: `The Drydock language server stopped ${this.crashes.length} times in 3 minutes and was not restarted. Run "Drydock: Restart Language Server" to try again.` };
          }
          if (!this.toldCrash) {
            this.toldCrash = true;
            void vscode.window.showWarningMessage('The Drydock language server stopped unexpectedly and was restarted.');
          }
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    this.client = new LanguageClient('drydock', 'Drydock', serverOptions, clientOptions);
    await this.client.start();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
