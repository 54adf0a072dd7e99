import { isManifestFile, manifestsOf } from '../language/manifests';
import type { ParsedFile } from '../language/parse/parseFile';
import { handParse } from '../language/parse/handedParse';
import { EDITOR_SIMULATION_LIMITS, EditorDryRunSession, type FileRunResult } from '../dryRun/editorSession';
import { storageContext } from '../dryRun/storageContext';
import type { LocatedSimFinding } from '../dryRun/fileDryRun';
import type { LoadedFile } from '../dryRun/loadedFile';
import type { DryRunPurpose, DryRunStats } from '../protocol/dryRunStats';
import type { PodDetails, PreviewConnectionExplanation, PreviewCluster, PreviewModel, PreviewRouteQueryResult } from '../protocol/preview';
import type { ExplainConnectionParams, PodDetailsParams, PreviewParams, RouteQueryParams, WhatIfParams } from '../protocol/requests';
import type { PreviewWhatIf } from '../protocol/whatIf';
import type { Manifest } from '../simulator/model/source';
import type { ServerSettings } from '../settings';
import { ClusterProfileLoader } from '../workspace/dryRunInputs';
import { RolloutBaselines, type BaselineSettings } from '../workspace/rolloutBaselines';
import type { SetRolloutBaselineParams } from '../protocol/rolloutBaseline';
import type { WorkspaceManifestSource } from '../workspace/workspaceManifests';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { InProcessDryRunner, type DryRunner } from './dryRunner';
import { notRenderedNotice, type PreviewProjects } from './previewProjects';
import { folderOf, isInFolder } from '../dryRun/previewScope';
import { inSlices } from './inSlices';
import { projectPreviewInput, unrenderedPreview } from '../dryRun/projectPreview';
import { diskTextReader } from '../workspace/render/sourceTexts';
import { clusterPolicyObjects } from '../language/rules/workspace/policy/clusterPolicyObjects';

export interface SimulationDeps {
  publisher: DiagnosticsPublisher;
  /** The current parse of an open document (parsed on demand), or undefined when it is not open. */
  parsedOf(uri: string): ParsedFile | undefined;
  /** The text of an open document as the dry run reads it (BOM stripped); undefined when it is not open or over the input budget. */
  textOf(uri: string): string | undefined;
  /** Resolves once the document's newest version is validated (its parse is then at hand). */
  validated(uri: string): Promise<void>;
  openUris(): string[];
  /** The manifests of the workspace's files on disk (open documents override theirs). */
  workspace: WorkspaceManifestSource;
  settings(): ServerSettings;
  workspaceFolders(): string[];
  trusted(): boolean;
  /** Tell the client its previews may be stale. */
  notifyChanged(uris: string[]): void;
  /** Where the per-file dry runs run (a worker thread in the shipped server); in process when absent. */
  runner?: DryRunner;
  /** The rendered charts and overlays (scope `project`, and the sources every preview lists); none when absent. */
  projects?: PreviewProjects;
}

/** How long the dry run waits after the last edit: it is heavier than validation. */
export const SIMULATION_DELAY_MS = 250;

/**
 * The dry run's adapter to the editor: decides when changed documents are dry-run (after their
 * validation, once typing pauses), reads what the runs need (the cluster profile, baselines, the
 * workspace's files), hands the runs to the runner and the results to the session
 * (`EditorDryRunSession`, pure), publishes what the session says, and answers preview requests.
 */
export class SimulationService {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();
  private readonly profile = new ClusterProfileLoader();
  private readonly baselines = new RolloutBaselines();
  private readonly session = new EditorDryRunSession();
  private readonly runner: DryRunner;
  private readonly runLog: DryRunPurpose[] = [];
  private runsInAll = 0;
  private underWay = 0;
  /** Counts the refreshes that started publishing: only the latest goes on. */
  private publishingTurn = 0;
  /** The documents whose parse the runner was handed (it keeps its own from then on, until they close). */
  private readonly handed = new Set<string>();

  constructor(private readonly deps: SimulationDeps) {
    this.runner = deps.runner ?? new InProcessDryRunner();
  }

  /** Runs the dry run of `uri` after `delay` ms without another edit (0: a document just opened). */
  schedule(uri: string, delay: number = SIMULATION_DELAY_MS): void {
    this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.refresh(uris).catch(() => undefined);
    }, delay);
  }

  /** Re-runs everything for every open document (settings or the cluster profile changed). */
  scheduleAll(): void {
    for (const uri of this.deps.openUris()) this.schedule(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.runner.dispose();
  }

  /** The dry runs so far (`drydock/dryRunStats`). */
  stats(): DryRunStats {
    return { runs: [...this.runLog], total: this.runsInAll, busy: this.timer !== undefined || this.underWay > 0 };
  }

  /** A document was closed: its dry run's caches go. */
  closed(uri: string): void {
    this.handed.delete(uri);
    this.runner.forget(uri);
  }

  /** Dry-runs the changed documents (each on its own) and the cross-resource rules over the workspace. */
  async refresh(changed: string[]): Promise<void> {
    this.underWay++;
    try {
      const settings = this.deps.settings();
      if (!settings.validateEnable) return;
      const cluster = await this.profile.load(settings.cluster, this.deps.workspaceFolders());
      // The runs read the documents' texts (a worker parses them); what other files define for them is handed in.
      const before = this.openFiles();
      const known = [...this.workspaceFiles(), ...[...before.values()].flatMap((f) => f.manifests)];
      const results = await Promise.all(changed.map((uri) => this.runFile(uri, this.deps.textOf(uri), before.get(uri)?.parsed, cluster, storageContext(known, uri), settings)));
      await Promise.all(changed.map((uri) => this.deps.validated(uri)));
      const open = this.openFiles(before);
      this.session.keepRuns(open, results.filter((r): r is FileRunResult => r !== null));
      // The cluster profile's admission policies (and their Namespaces and params) join the workspace's for the rules.
      const ruleContext = [...clusterPolicyObjects(cluster?.manifests ?? [], known), ...this.workspaceFiles()];
      // In slices, as validation is (100 ms and more on a big workspace): a keystroke is validated in
      // between. A newer refresh that starts publishing abandons this one: it publishes all this one would.
      const turn = ++this.publishingTurn;
      const publications = await inSlices(this.session.publicationSteps(open, ruleContext, settings.rules), () => turn !== this.publishingTurn);
      if (publications) {
        const { simulation, rules } = publications;
        this.deps.publisher.setAll([...simulation.map(([uri, findings]) => ({ uri, source: 'simulation' as const, findings })), ...rules.map(([uri, findings]) => ({ uri, source: 'rules' as const, findings }))]);
      }
      // Abandoned or not, the previews of these documents are stale (a newer refresh may be about others).
      this.deps.notifyChanged(changed);
    } finally {
      this.underWay--;
    }
  }

  /**
   * One document's diagnostics run, on the runner; null when it is not open or a newer run replaced
   * it. A document's first run hands the runner validation's parse of the text (`parsed`), so that
   * the worker does not parse a just-opened file a second time; later runs parse only what changed.
   */
  private async runFile(uri: string, text: string | undefined, parsed: ParsedFile | undefined, cluster: LoadedFile | null, context: Manifest[], settings: ServerSettings): Promise<FileRunResult | null> {
    if (text === undefined) return null;
    try {
      const baseline = (await this.baselines.read(uri, this.baselineSettings(settings))).text;
      this.counted('diagnostics');
      const findings = await this.runner.run({
        document: { uri, text },
        cluster: cluster ? { uri: cluster.uri, text: cluster.parsed.text } : null,
        baseline: baseline === null ? null : { uri, text: baseline },
        context,
        limits: EDITOR_SIMULATION_LIMITS,
        singleNodeFailure: settings.whatIfSingleNodeFailure,
        ...(!this.handed.has(uri) && parsed?.text === text && { parse: handParse(parsed) }),
      });
      if (findings !== null && this.deps.openUris().includes(uri)) this.handed.add(uri);
      return findings === null ? null : { uri, text, findings };
    } catch (error) {
      return { uri, text, findings: [simulationFailed(uri, error)] };
    }
  }

  /** The preview of one document (or of every manifest of the workspace), with the whole reachability matrix. */
  async preview(asked: PreviewParams): Promise<PreviewModel | null> {
    this.underWay++;
    try {
      const settings = this.deps.settings();
      const open = this.openFiles();
      if (!open.has(asked.uri) && asked.scope === 'file') return null;
      const projects = this.deps.projects?.list() ?? [];
      const found = asked.scope === 'project' ? this.deps.projects?.find(asked.uri) : undefined;
      if (found?.state === 'unrendered') return unrenderedPreview(found.entry.uri, settings.kubernetesVersion, notRenderedNotice(found), projects);
      // A project is asked for by its folder (or a file in it): the answer names the project's own URI.
      const params = found ? { ...asked, uri: found.entry.uri } : asked;
      const cluster = await this.profile.load(settings.cluster, this.deps.workspaceFolders());
      // Files nobody opened are as on disk: their baseline is themselves, they have nothing to roll out.
      const { manifests: baselines, baseline } = await this.baselines.forPreview(previewedDocuments(params, open.keys()), open.get(params.uri), this.baselineSettings(settings));
      this.counted('preview');
      const model = this.session.preview({
        params,
        open,
        workspaceFiles: this.workspaceFiles(),
        cluster,
        baselines,
        kubernetesVersion: settings.kubernetesVersion,
        locateElsewhere: (source) => (source ? this.deps.workspace.locate(source) : null),
        project: found && projectPreviewInput(found.entry.uri, found.project, diskTextReader()),
        workspaceFolders: this.deps.workspaceFolders(),
      });
      return model && { ...model, projects, cluster: this.clusterChoice(cluster?.uri ?? null, model.simulation.nodes.length), ...(baseline && { baseline }) };
    } finally {
      this.underWay--;
    }
  }

  /** `drydock/setRolloutBaseline`: the preview picked `uri`'s baseline; its diagnostics follow at once (the preview asks again itself). */
  setRolloutBaseline(params: SetRolloutBaselineParams): boolean {
    this.baselines.pick(params.uri, params.baseline);
    this.schedule(params.uri, 0);
    return true;
  }

  private baselineSettings(settings: ServerSettings): BaselineSettings {
    return { setting: settings.rolloutBaseline, trusted: this.deps.trusted(), workspaceFolders: this.deps.workspaceFolders() };
  }

  /** The preview's cluster chip: the profile simulated (or the built-in cluster) and the workspace's cluster files. */
  private clusterChoice(file: string | null, nodes: number): PreviewCluster {
    const folder = this.deps.workspaceFolders()[0];
    const label = (uri: string): string => (folder && uri.startsWith(`${folder.replace(/\/$/, '')}/`) ? decodeURIComponent(uri.slice(folder.replace(/\/$/, '').length + 1)) : decodeURIComponent(uri.split('/').pop() ?? uri));
    return {
      file,
      label: file ? label(file) : 'built-in',
      nodes,
      choices: this.deps.workspace.clusterFiles().map((choice) => ({ uri: choice.uri, label: label(choice.uri), nodes: choice.nodes })),
    };
  }

  /**
   * The filters and scores of one pod of a preview, from the dry run behind the latest preview with
   * the same params (run again when there is none, e.g. after a server restart); null without that pod.
   */
  async podDetails(params: PodDetailsParams): Promise<PodDetails | null> {
    const kept = this.session.podDetails(params);
    if (kept !== undefined) return kept;
    await this.preview({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    return this.session.podDetails(params) ?? null;
  }

  /** Which Ingress path, Service and pods of a preview answer a URL, from the run behind it (run again when there is none); null when the preview is null. */
  async routeQuery(params: RouteQueryParams): Promise<PreviewRouteQueryResult | null> {
    const kept = this.session.routeQuery(params);
    if (kept !== undefined) return kept;
    await this.preview({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    return this.session.routeQuery(params) ?? null;
  }

  /** Why a cell of a preview's reachability matrix has its verdict, from the run behind it (run again when there is none); null without those endpoints. */
  async explainConnection(params: ExplainConnectionParams): Promise<PreviewConnectionExplanation | null> {
    const kept = this.session.explainConnection(params);
    if (kept !== undefined) return kept;
    await this.preview({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    return this.session.explainConnection(params) ?? null;
  }

  /** What happens when nodes of a preview's cluster fail, are drained or cordoned, over the run behind it (run again when there is none); null when the preview is null. */
  async whatIf(params: WhatIfParams): Promise<PreviewWhatIf | null> {
    const kept = this.session.whatIf(params);
    if (kept !== undefined) return kept;
    await this.preview({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    return this.session.whatIf(params) ?? null;
  }

  private counted(purpose: DryRunPurpose): void {
    this.runsInAll++;
    this.runLog.push(purpose);
    if (this.runLog.length > KEPT_RUN_LOG) this.runLog.shift();
  }

  /** The manifests of the workspace's files on disk that are not open (none while validation is off). */
  private workspaceFiles(): Manifest[] {
    return this.deps.settings().validateEnable ? this.deps.workspace.manifests(new Set(this.deps.openUris())) : [];
  }

  /** The open manifest documents; one whose parse is still the one in `reuse` keeps its manifests from there. */
  private openFiles(reuse?: ReadonlyMap<string, LoadedFile>): Map<string, LoadedFile> {
    const result = new Map<string, LoadedFile>();
    if (!this.deps.settings().validateEnable) return result;
    for (const uri of this.deps.openUris()) {
      const parsed = this.deps.parsedOf(uri);
      if (!parsed || !isManifestFile(parsed) || !this.deps.workspace.isManifestUri(uri)) continue;
      const kept = reuse?.get(uri);
      result.set(uri, kept?.parsed === parsed ? kept : { uri, parsed, manifests: manifestsOf(uri, parsed) });
    }
    return result;
  }
}

const KEPT_RUN_LOG = 200;

/** The open documents a preview rolls out from their baselines: the document, those of its folder and below, or every open one. */
function previewedDocuments(params: PreviewParams, open: Iterable<string>): string[] {
  if (params.scope === 'file') return [params.uri];
  if (params.scope === 'workspace') return [...open];
  return params.scope === 'folder' ? [...open].filter((uri) => isInFolder(uri, folderOf(params.uri))) : [];
}

function simulationFailed(uri: string, error: unknown): LocatedSimFinding {
  const message = `Drydock's dry run failed on this file: ${(error as Error).message}. Please report it.`;
  return {
    sim: { source: { file: uri, document: 0, path: [] }, path: [], severity: 'warning', code: 'internal/simulation-failed', message },
    located: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'warning', code: 'internal/simulation-failed', message },
  };
}
