import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStates } from './handlers/documentState';
import { ValidationScheduler } from './handlers/validation';
import { LanguageService } from './language/languageService';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/**
 * Composes the Drydock language server on a connection and starts listening. This is the only file
 * that touches `connection.on*`; handlers are thin adapters over the language service.
 */
export function startServer(connection: Connection, service: LanguageService = new LanguageService()): void {
  const documents = new TextDocuments(TextDocument);
  const states = new DocumentStates();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  const warned = new Set<string>();
  const validation = new ValidationScheduler(connection, service, states, () => settings);

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const initial = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    settings = initial.settings;
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false } },
      serverInfo: { name: 'drydock' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'drydock' }).then(undefined, () => undefined);
      void refreshSettings();
    }
  });

  async function refreshSettings(pushed?: unknown): Promise<void> {
    let section = pushed;
    if (canPullConfiguration) {
      try {
        section = await connection.workspace.getConfiguration('drydock');
      } catch {
        section = pushed;
      }
    }
    const next = readSettings(section);
    for (const problem of next.problems) {
      if (warned.has(problem)) continue;
      warned.add(problem);
      // A notification, not a request: nothing to await, nothing that can reject.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
    }
    settings = next.settings;
    for (const document of documents.all()) validation.schedule(document);
  }

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { drydock?: unknown } | undefined)?.drydock;
    void refreshSettings(pushed);
  });

  documents.onDidChangeContent((event) => validation.schedule(event.document));
  documents.onDidClose((event) => validation.clear(event.document.uri));

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
