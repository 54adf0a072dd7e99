import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type Range,
  type SymbolInformation,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type FileEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/server';

type Waiter = { uri: string; version?: number; resolve: (d: Diagnostic[]) => void };

/**
 * A language client talking real JSON-RPC to the Drydock server running in this process, over two
 * in-memory streams. Tests wait on the server's notifications, never on timers.
 */
export class LspClient {
  private readonly waiters: Waiter[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  /** What the server logged (window/logMessage), in order. */
  readonly logs: string[] = [];
  private readonly logWaiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  settings: Record<string, unknown> = { kubernetesVersion: '1.36', validate: { enable: true } };

  /** Called with every publish as it arrives (benchmarks time them). */
  readonly publishListeners = new Set<(params: PublishDiagnosticsParams) => void>();
  /** The server process, when the client spawned the built server. */
  private child: ChildProcess | undefined;

  private constructor(private readonly connection: ProtocolConnection) {}

  /**
   * Spawns the built server (`dist/server.js --stdio`) and speaks JSON-RPC to it over the process's
   * stdio, as VS Code's client does: nothing in-process, so timings are what an editor sees.
   * `locale` is sent as `InitializeParams.locale` (VS Code's display language).
   */
  static async spawnBuilt(serverPath: string, options: { folderUri?: string | null; settings?: Record<string, unknown>; locale?: string } = {}): Promise<LspClient> {
    // DRYDOCK_SERVER_NODE_ARGS: extra Node flags for the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` to profile it).
    const nodeArgs = process.env.DRYDOCK_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = await LspClient.initialize(connection, options.folderUri ?? null, options.settings, undefined, options.locale);
    client.child = child;
    return client;
  }

  static start(settings?: Record<string, unknown>): Promise<LspClient> {
    return LspClient.connect(null, settings);
  }

  /** Like `start`, with a workspace folder (a file URI): the server scans it (e.g. for CRDs) on start. */
  static startInWorkspace(folderUri: string, settings?: Record<string, unknown>, options: { trusted?: boolean } = {}): Promise<LspClient> {
    return LspClient.connect(folderUri, settings, options.trusted);
  }

  private static async connect(folderUri: string | null, settings?: Record<string, unknown>, trusted?: boolean): Promise<LspClient> {
    const clientToServer = new PassThrough();
    const serverToClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(clientToServer), new StreamMessageWriter(serverToClient)));
    const connection = createProtocolConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
    return LspClient.initialize(connection, folderUri, settings, trusted);
  }

  private static async initialize(connection: ProtocolConnection, folderUri: string | null, settings?: Record<string, unknown>, trusted?: boolean, locale?: string): Promise<LspClient> {
    const client = new LspClient(connection);
    if (settings) client.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.onPublish(params));
    connection.onNotification(ShowMessageNotification.type, (params) => client.messages.push(params.message));
    connection.onNotification(LogMessageNotification.type, (params) => client.onLog(params.message));
    connection.onRequest(ShowMessageRequest.type, (params) => {
      client.messages.push(params.message);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'workspace' }] : null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true } },
      initializationOptions: { settings: client.settings, ...(trusted ? { trusted } : {}) },
      ...(locale ? { locale } : {}),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private onPublish(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (const listener of this.publishListeners) listener(params);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter.uri !== params.uri) continue;
      if (waiter.version !== undefined && params.version !== waiter.version) continue;
      this.waiters.splice(i, 1);
      waiter.resolve(params.diagnostics);
    }
  }

  private onLog(line: string): void {
    this.logs.push(line);
    for (let i = this.logWaiters.length - 1; i >= 0; i--) {
      if (!this.logWaiters[i].pattern.test(line)) continue;
      this.logWaiters[i].resolve(line);
      this.logWaiters.splice(i, 1);
    }
  }

  /** Resolves with the params of the next `method` notification the server sends. */
  nextNotification<T = unknown>(method: string): Promise<T> {
    return new Promise((resolve) => {
      const disposable = this.connection.onNotification(method, (params: T) => {
        disposable.dispose();
        resolve(params);
      });
    });
  }

  /** Resolves with the first log line matching `pattern` (one already logged counts). */
  logLine(pattern: RegExp): Promise<string> {
    const logged = this.logs.find((line) => pattern.test(line));
    return logged !== undefined ? Promise.resolve(logged) : new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
  }

  /** Tells the server that watched files were created, changed or deleted (workspace/didChangeWatchedFiles). */
  /** `workspace/didChangeWorkspaceFolders` (folder URIs). */
  async workspaceFoldersChanged(added: string[], removed: string[]): Promise<void> {
    const folders = (uris: string[]) => uris.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) }));
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: folders(added), removed: folders(removed) } });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Resolves with the next diagnostics published for `uri` (at `version`, when given). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return next;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return next;
  }

  /** `textDocument/didSave` (the server reads the saved file from disk where it needs to, e.g. to render a chart). */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return next;
  }

  /** Changes the settings the client reports, and tells the server (which pulls them). */
  async configure(settings: Record<string, unknown>, uri: string, accept?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    this.settings = settings;
    const next = accept ? this.diagnosticsUntil(uri, accept) : this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { drydock: settings } });
    return next;
  }

  /** Waits until the diagnostics published for `uri` satisfy `accept` (starting with `first`, if given). */
  async diagnosticsUntil(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, first?: Diagnostic[]): Promise<Diagnostic[]> {
    let diagnostics = first ?? (await this.nextDiagnostics(uri));
    while (!accept(diagnostics)) diagnostics = await this.nextDiagnostics(uri);
    return diagnostics;
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | CompletionItem[] | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) as Array<CodeAction | Command> | null;
    return (result ?? []).filter((action): action is CodeAction => 'edit' in action || 'kind' in action);
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const result = (await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[] | SymbolInformation[] | null;
    return (result ?? []) as DocumentSymbol[];
  }

  async foldingRanges(uri: string): Promise<FoldingRange[]> {
    return (await this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  sendRequest<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async dispose(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      // As an editor ends a session: shutdown, then exit; the process ends by itself (killed only if it does not).
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await this.connection.sendNotification(ExitNotification.type);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
  }
}
