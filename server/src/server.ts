import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionHandler } from './handlers/codeActions';
import { completionHandler } from './handlers/completion';
import { CustomResourceFeed } from './workspace/customResources';
import { DocumentStates } from './handlers/documentState';
import type { FeatureDeps } from './handlers/featureDocument';
import { hoverHandler } from './handlers/hover';
import { documentSymbolHandler, foldingRangeHandler } from './handlers/symbols';
import { ValidationScheduler } from './handlers/validation';
import { DiagnosticsPublisher, judgedBy, type FindingSource } from './handlers/diagnosticsPublisher';
import { parsedFileOf } from './handlers/featureDocument';
import { SimulationService } from './handlers/simulation';
import { PreviewProjects } from './handlers/previewProjects';
import type { DryRunner } from './handlers/dryRunner';
import { localeOf } from './l10n/locale';
import { useLocale } from './l10nFiles';
import { RENDER_TYPING_PAUSE_MS, RenderService } from './handlers/render';
import { suppressionsOf } from './language/config/suppressionDirectives';
import { toPath } from './workspace/workspaceFiles';
import { clusterProfilePath, ClusterProfileLoader } from './workspace/dryRunInputs';
import { ExplainConnectionRequest, PodDetailsRequest, PreviewChangedNotification, PreviewRequest, RouteQueryRequest, SetRolloutBaselineRequest, WhatIfRequest } from './protocol/requests';
import { DryRunStatsRequest } from './protocol/dryRunStats';
import { previewRequestHandlers } from './handlers/previewRequests';
import { SERVER_CAPABILITIES } from './capabilities';
import { RenderStatusNotification } from './protocol/renderStatus';
import { WorkspaceManifests } from './workspace/workspaceManifests';
import { isKustomizationFile, layoutKey, normalizePath } from './language/projects/projectLayout';
import { LanguageService } from './language/languageService';
import { oversizeReason } from './language/parse/limits';
import { stripBom } from './language/parse/stripBom';
import { schemaStoreFromFiles } from './schemaFiles';
import { crdCatalogFromFiles } from './crdCatalogFiles';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { fileConfigOf, settingsForFile, settingsWithConfig } from './settingsWithConfig';
import { DrydockConfigs } from './workspace/drydockConfigs';
import { fileFindings } from './language/config/fileFindings';
import type { Finding } from './language/findings';

/**
 * Composes the Drydock language server on a connection and starts listening. This is the only file
 * that touches `connection.on*`; handlers are thin adapters over the language service.
 */
export interface ServerOptions {
  /** Where the dry runs run; in process when absent (tests). The shipped server uses a worker thread. */
  dryRunner?: DryRunner;
}

export function startServer(connection: Connection, service: LanguageService = new LanguageService(schemaStoreFromFiles()), options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const states = new DocumentStates();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  /** The VS Code settings as the client sent them: `settings` is them under the workspace's `.drydock.yaml`. */
  let editorSettings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  const warned = new Set<string>();
  const publisher = new DiagnosticsPublisher(connection, (uri, findings, reported) => finalFindings(uri, findings, reported));
  const configs = new DrydockConfigs(() => configChanged());
  /** The version each document was opened at: its first dry run starts as soon as it is validated. */
  const openedAt = new Map<string, number>();
  /** The version each document was opened or last saved at: a later version has unsaved text (rendered from a copy). */
  const savedAt = new Map<string, number>();
  // A document is dry-run after its validation is published (the first publish is validation's, and
  // the two do not compete for the machine's cores), once typing pauses; at once for the opened version.
  const validation = new ValidationScheduler(
    publisher,
    service,
    states,
    (uri) => settingsOf(uri),
    (document) => {
      const parsed = states.get(document.uri).parsed;
      if (parsed && workspaceManifests.documentParsed(document.uri, parsed)) relayout();
      simulation.schedule(document.uri, openedAt.get(document.uri) === document.version ? 0 : undefined);
    },
    () => workspaceManifests.layout(),
  );
  const features: FeatureDeps = { documents, states, service, settings: () => settings, layout: () => workspaceManifests.layout() };
  let workspaceFolders: string[] = [];
  let trusted = false;
  let canWatchFiles = false;
  let hasFolderEvents = false;
  let scannedCrdFolders = '';
  const crdFeed = new CustomResourceFeed(service.customResources, () => {
    for (const document of documents.all()) validation.schedule(document);
  });
  /** The offline CRD catalog (`drydock.crdCatalog.enable`), read lazily; the workspace's CRDs win over it. */
  const crdCatalog = crdCatalogFromFiles();
  const applyCrdCatalogSetting = (): void => {
    service.customResources.setCatalog(settings.crdCatalogEnable ? crdCatalog : undefined);
  };
  let validatedLayout = '';
  /** A chart or kustomization read, edited or gone changes what the open documents are (a template, a patch): validate them again. */
  const relayout = (): void => {
    const key = layoutKey(workspaceManifests.layout());
    if (key === validatedLayout) return;
    validatedLayout = key;
    for (const document of documents.all()) validation.schedule(document);
    renders.filesChanged('all');
  };
  // Reading the workspace's files is validation only (no program runs), so untrusted workspaces get it too.
  const workspaceManifests = new WorkspaceManifests({
    log: (message) => connection.console.log(message),
    onChange: (uris) => {
      relayout();
      // An open document's CRDs come from its text (documentChanged), not from the file on disk.
      crdFeed.filesRead(uris.filter((uri) => !documents.get(uri)).map((uri) => ({ uri, manifests: workspaceManifests.manifestsOfFile(uri) })));
      simulation.scheduleAll();
      renders.filesChanged(uris.map(toPath).filter((path): path is string => path !== undefined).map(normalizePath));
    },
  });
  const renderClusterProfile = new ClusterProfileLoader();
  const renders = new RenderService({
    publisher,
    service,
    layout: () => workspaceManifests.layout(),
    settings: () => settings,
    trusted: () => trusted,
    openUris: () => documents.all().map((d) => d.uri),
    log: (message) => connection.console.log(message),
    status: (params) => void connection.sendNotification(RenderStatusNotification, params).catch(() => undefined),
    rendered: (targets) => previewProjects.renderFinished(targets),
    unsavedTexts: () => {
      const texts = new Map<string, string>();
      for (const document of documents.all()) {
        const path = savedAt.get(document.uri) === document.version ? undefined : toPath(document.uri);
        if (path) texts.set(normalizePath(path), stripBom(document.getText()));
      }
      return texts;
    },
    cluster: async () => (await renderClusterProfile.load(settings.cluster, workspaceFolders))?.manifests ?? null,
  });
  const previewProjects = new PreviewProjects({
    rendered: () => renders.projects(),
    workspaceFolders: () => workspaceFolders,
    notifyChanged: (uris) => void connection.sendNotification(PreviewChangedNotification, { uris }),
  });
  const simulation = new SimulationService({
    publisher,
    parsedOf: (uri) => parsedFileOf(features, uri)?.parsed,
    textOf: (uri) => {
      const document = documents.get(uri);
      // A chart's template or a patch is not dry-run: its objects are not whole objects of their own.
      const text = document && workspaceManifests.isManifestUri(uri) ? stripBom(document.getText()) : undefined;
      return text === undefined || oversizeReason(text) ? undefined : text;
    },
    validated: (uri) => validation.settled(uri),
    openUris: () => documents.all().map((d) => d.uri),
    workspace: workspaceManifests,
    settings: () => settings,
    workspaceFolders: () => workspaceFolders,
    trusted: () => trusted,
    notifyChanged: (uris) => void connection.sendNotification(PreviewChangedNotification, { uris }),
    runner: options.dryRunner,
    projects: previewProjects,
  });
  /** The cluster profile (`drydock.cluster`, relative to the first workspace folder): its Nodes are the cluster, not manifests to dry-run. */
  function locateClusterProfile(): void {
    workspaceManifests.setClusterProfile(clusterProfilePath(settings.cluster, workspaceFolders));
  }

  /** The CRDs of `drydock.crdFolders` (those of the workspace folders come with the workspace's manifests). */
  function scanCustomResources(): void {
    scannedCrdFolders = settings.crdFolders.join('\n');
    crdFeed.scan(workspaceFolders, settings.crdFolders).catch(() => undefined);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const initial = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    editorSettings = initial.settings;
    settings = initial.settings;
    applyCrdCatalogSetting();
    workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    locateClusterProfile();
    trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted === true;
    // The language of every message (VS Code's display language; the client passes its bundle's path).
    const l10nBundle = (params.initializationOptions as { l10nBundle?: unknown } | undefined)?.l10nBundle;
    options.dryRunner?.useL10nBundle(useLocale(localeOf(params.locale), typeof l10nBundle === 'string' ? l10nBundle : undefined));
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    hasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'drydock' } };
  });

  connection.onInitialized(() => {
    configs.setFolders(workspaceFolders).catch(() => undefined);
    if (canWatchFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }] }).then(undefined, () => undefined);
    }
    scanCustomResources();
    workspaceManifests.scan(workspaceFolders).catch((error: unknown) => connection.console.error(`Drydock: reading the workspace's manifests failed: ${String(error)}`));
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspaceFolders = [...workspaceFolders.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri).filter((uri) => !workspaceFolders.includes(uri))];
        locateClusterProfile();
        scanCustomResources();
        configs.setFolders(workspaceFolders).catch(() => undefined);
        workspaceManifests.foldersChanged(workspaceFolders).catch((error: unknown) => connection.console.error(`Drydock: reading the workspace's manifests failed: ${String(error)}`));
      });
    }
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
    editorSettings = next.settings;
    applySettings();
  }

  /** A `.drydock.yaml` changed: the settings it sets, then every document's findings. */
  function configChanged(): void {
    applySettings();
    publisher.republishAll();
  }

  /** The editor's settings under `.drydock.yaml`'s: what follows from them, then every document and dry run again. */
  function applySettings(): void {
    settings = settingsWithConfig(editorSettings, configs.primary());
    locateClusterProfile();
    applyCrdCatalogSetting();
    if (settings.crdFolders.join('\n') !== scannedCrdFolders) scanCustomResources();
    for (const document of documents.all()) validation.schedule(document);
    simulation.scheduleAll();
    renders.schedule();
  }

  /** The settings a document is validated with (`settingsForFile`). */
  function settingsOf(uri?: string): ServerSettings {
    const path = uri === undefined ? undefined : toPath(uri);
    return path ? settingsForFile(settings, configs.forPath(path), path) : settings;
  }

  /** A document's merged findings as published: its `.drydock.yaml` (ignore, severities) and its suppressions. */
  function finalFindings(uri: string, findings: Finding[], reported: ReadonlySet<FindingSource>): Finding[] {
    const path = toPath(uri);
    if (!path) return findings;
    const parsed = parsedFileOf(features, uri)?.parsed;
    const folder = configs.forPath(path);
    // No `.drydock.yaml` and no suppression in the text: the findings as they are (every publish of a big file).
    if (!folder && (!parsed || suppressionsOf(parsed).length === 0)) return findings;
    return fileFindings(parsed, findings, fileConfigOf(folder, path), judgedBy(reported));
  }

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { drydock?: unknown } | undefined)?.drydock;
    void refreshSettings(pushed);
  });

  connection.onCompletion(completionHandler(features));
  connection.onHover(hoverHandler(features));
  connection.onCodeAction(codeActionHandler(features));
  connection.onDocumentSymbol(documentSymbolHandler(features));
  connection.onFoldingRanges(foldingRangeHandler(features));
  connection.onDidChangeWatchedFiles((params) => {
    const reads = params.changes.map(async (change) => {
      const exists = change.type !== FileChangeType.Deleted;
      if (configs.isConfig(change.uri)) await configs.fileChanged(change.uri);
      if (!(await workspaceManifests.fileChanged(change.uri, exists))) await crdFeed.fileChanged(change.uri, exists);
    });
    // The cluster profile may be one of them: the dry run re-reads it when it changed. A template or
    // values file of a chart (no manifests of its own) re-renders its chart.
    void Promise.allSettled(reads).then(() => {
      simulation.scheduleAll();
      renders.filesChanged(params.changes.map((change) => toPath(change.uri)).filter((path): path is string => path !== undefined).map(normalizePath));
    });
  });

  documents.onDidChangeContent((event) => {
    try {
      crdFeed.documentChanged(event.document.uri, event.document.getText());
    } catch {
      // A document that cannot be read for CRDs is still validated below.
    }
  });
  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, event.document.version);
    savedAt.set(event.document.uri, event.document.version);
    renders.schedule();
  });
  // An edit to a file of a chart or overlay re-renders it once typing pauses, unsaved texts and all.
  documents.onDidChangeContent((event) => {
    if (savedAt.get(event.document.uri) !== event.document.version) renders.schedule(RENDER_TYPING_PAUSE_MS);
  });
  documents.onDidChangeContent((event) => validation.schedule(event.document));
  documents.onDidChangeContent((event) => {
    if (configs.isConfig(event.document.uri)) void configs.documentChanged(event.document.uri, event.document.getText());
  });
  documents.onDidSave((event) => {
    savedAt.set(event.document.uri, event.document.version);
    simulation.scheduleAll();
    renders.schedule();
  });
  documents.onDidClose((event) => {
    openedAt.delete(event.document.uri);
    savedAt.delete(event.document.uri);
    validation.clear(event.document.uri);
    crdFeed.documentClosed(event.document.uri);
    if (configs.isConfig(event.document.uri)) void configs.documentChanged(event.document.uri, undefined);
    // A closed kustomization's patches are those of its file again.
    if (isKustomizationFile(event.document.uri)) void workspaceManifests.fileChanged(event.document.uri, true);
    simulation.closed(event.document.uri);
    renders.closed(event.document.uri);
    simulation.scheduleAll();
  });
  const preview = previewRequestHandlers(simulation);
  connection.onRequest(PreviewRequest, preview.preview);
  connection.onRequest(PodDetailsRequest, preview.podDetails);
  connection.onRequest(ExplainConnectionRequest, preview.explainConnection);
  connection.onRequest(RouteQueryRequest, preview.routeQuery);
  connection.onRequest(SetRolloutBaselineRequest, preview.setRolloutBaseline);
  connection.onRequest(WhatIfRequest, preview.whatIf);
  connection.onRequest(DryRunStatsRequest, () => simulation.stats());
  connection.onShutdown(() => {
    simulation.dispose();
    renders.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
