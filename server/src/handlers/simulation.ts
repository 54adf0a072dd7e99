import type { Finding } from '../language/findings';
import { isManifestFile, manifestsOf } from '../language/manifests';
import type { ParsedFile } from '../language/parse/parseFile';
import { locate } from '../language/parse/locate';
import { simFindingToFinding } from '../language/simFindingToFinding';
import { runWorkspaceRulesOn } from '../language/rules/workspace/runWorkspaceRules';
import { podsSelectedElsewhere } from '../language/rules/workspace/servicePods';
import { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { dryRun, type DryRunOutput } from '../dryRun/dryRun';
import { previewModel, type Locator } from '../dryRun/previewModel';
import { podDetailsOf } from '../dryRun/previewPods';
import type { PodDetails, PreviewModel } from '../protocol/preview';
import type { PodDetailsParams, PreviewParams } from '../protocol/requests';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { ServerSettings } from '../settings';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { ClusterProfileLoader, loadBaseline, loadBaselineText, type LoadedFile } from './dryRunInputs';
import { InProcessDryRunner, type DryRunner } from './dryRunner';
import type { LocatedSimFinding } from '../dryRun/fileDryRun';
import { sameSource, type WorkspaceManifestSource } from './workspaceManifests';

export interface SimulationDeps {
  publisher: DiagnosticsPublisher;
  /** The current parse of an open document (parsed on demand), or undefined when it is not open. */
  parsedOf(uri: string): ParsedFile | undefined;
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
}

/** How long the dry run waits after the last edit: it is heavier than validation. */
export const SIMULATION_DELAY_MS = 250;

/**
 * The editor's dry-run budget: smaller than the CLI's (DEFAULT_LIMITS), so that one run stays well
 * under a second on the event loop even for absurd inputs (1e9 replicas); past it, sim/too-many-pods says so.
 */
export const EDITOR_SIMULATION_LIMITS = { maxPodsPerWorkload: 500, maxPodsTotal: 2_000, maxNodes: 5_000 };

/** The last dry run of an open document, the parse it ran on, and which of its findings were last published. */
interface FileRun {
  file: LoadedFile;
  findings: LocatedSimFinding[];
  /** Indices of the published findings (undefined: not published yet). */
  published: string | undefined;
}

/**
 * Runs the dry run for open manifests a moment after they change, publishes its findings (and the
 * cross-resource rules') next to the validation diagnostics, and answers preview requests. The
 * cross-resource rules and the workspace preview see the workspace's files too, open or not.
 */
export class SimulationService {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();
  private readonly profile = new ClusterProfileLoader();
  private readonly runs = new Map<string, FileRun>();
  /** The dry runs behind the latest previews, by their params (`drydock/podDetails` reads them), newest last. */
  private readonly previewRuns = new Map<string, DryRunOutput>();
  private readonly runner: DryRunner;

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

  /** A document was closed: its dry run's caches go. */
  closed(uri: string): void {
    this.runner.forget(uri);
  }

  /** Dry-runs the changed documents (each on its own) and the cross-resource rules over the workspace. */
  async refresh(changed: string[]): Promise<void> {
    const cluster = await this.profile.load(this.deps.settings().cluster, this.deps.workspaceFolders());
    const started = this.openFiles();
    const results = await Promise.all(
      changed.map(async (uri): Promise<[string, LocatedSimFinding[] | null]> => {
        const file = started.get(uri);
        if (!file) return [uri, null];
        try {
          const baseline = await loadBaselineText(uri, this.deps.settings().rolloutBaseline, this.deps.trusted());
          const job = {
            document: { uri, text: file.parsed.text },
            cluster: cluster ? { uri: cluster.uri, text: cluster.parsed.text } : null,
            baseline: baseline === null ? null : { uri, text: baseline },
            limits: EDITOR_SIMULATION_LIMITS,
          };
          return [uri, await this.runner.run(job)];
        } catch (error) {
          return [uri, [simulationFailed(uri, error)]];
        }
      }),
    );
    // Documents edited while their run was under way have a newer run scheduled: their result is dropped.
    const open = this.openFiles();
    for (const uri of this.runs.keys()) if (!open.has(uri)) this.runs.delete(uri);
    for (const [uri, findings] of results) {
      const file = open.get(uri);
      if (!file || findings === null || file.parsed.text !== started.get(uri)?.parsed.text) continue;
      this.runs.set(uri, { file, findings, published: undefined });
    }
    const index = this.workspaceIndex(open);
    this.publishSimulation(index);
    this.publishWorkspaceRules(open, index);
    this.deps.notifyChanged(changed);
  }

  /** The preview of one document (or of every manifest of the workspace), with the whole reachability matrix. */
  async preview(params: PreviewParams): Promise<PreviewModel | null> {
    const open = this.openFiles();
    const file = open.get(params.uri);
    if (!file && params.scope === 'file') return null;
    const workspace = params.scope === 'workspace';
    const manifests = workspace ? [...[...open.values()].flatMap((f) => f.manifests), ...this.workspaceFiles()] : (file?.manifests ?? []);
    const settings = this.deps.settings();
    const cluster = await this.profile.load(settings.cluster, this.deps.workspaceFolders());
    const baselines: Manifest[] = [];
    // Files nobody opened are as on disk: their baseline is themselves, they have nothing to roll out.
    for (const uri of workspace ? [...open.keys()] : [params.uri]) {
      const baseline = await loadBaseline(uri, settings.rolloutBaseline, this.deps.trusted());
      if (baseline) baselines.push(...baseline.manifests);
    }
    const run: DryRunOutput = dryRun({ manifests, cluster: cluster?.manifests ?? null, baseline: baselines, neverReady: params.neverReady, matrix: true, previewUnchangedRollouts: true, simulateOptions: EDITOR_SIMULATION_LIMITS });
    this.keepPreviewRun(params, run);
    const files = new Map<string, ParsedFile>([...open].map(([uri, f]) => [uri, f.parsed]));
    if (cluster) files.set(cluster.uri, cluster.parsed);
    const findings = workspace || !file ? run.findings : this.withoutServedServices(run.findings.filter((f) => f.source.file === params.uri), file.manifests, this.workspaceIndex(open));
    const diagnostics = findings.flatMap((f) => toFindings([f], f.source.file, open.get(f.source.file)?.parsed));
    return previewModel(run, {
      uri: params.uri,
      scope: params.scope,
      kubernetesVersion: settings.kubernetesVersion,
      neverReady: params.neverReady,
      locate: locatorFor(files, (source) => (source ? this.deps.workspace.locate(source) : null)),
      diagnostics,
    });
  }

  /**
   * The filters and scores of one pod of a preview, from the dry run behind the latest preview with
   * the same params (run again when there is none, e.g. after a server restart); null without that pod.
   */
  async podDetails(params: PodDetailsParams): Promise<PodDetails | null> {
    const previewParams: PreviewParams = { uri: params.uri, scope: params.scope, neverReady: params.neverReady };
    let run = this.previewRuns.get(previewKey(previewParams));
    if (!run) {
      await this.preview(previewParams);
      run = this.previewRuns.get(previewKey(previewParams));
    }
    const pod = run?.simulation.pods.find((p) => `${p.pod.namespace}/${p.pod.name}` === params.pod);
    return pod ? podDetailsOf(pod) : null;
  }

  private keepPreviewRun(params: PreviewParams, run: DryRunOutput): void {
    const key = previewKey(params);
    this.previewRuns.delete(key);
    this.previewRuns.set(key, run);
    // A few previews at most are open at once; the oldest runs go.
    for (const old of this.previewRuns.keys()) if (this.previewRuns.size > KEPT_PREVIEW_RUNS) this.previewRuns.delete(old);
  }

  /**
   * Publishes each open document's dry-run findings, less the `ref/service-no-pods` of Services whose
   * pods come from another file (the run of one file cannot see them). That depends on the other
   * files, so every document is checked again; only the changed lists are sent.
   */
  private publishSimulation(index: WorkspaceIndex): void {
    for (const [uri, run] of this.runs) {
      const served = new Set(this.withoutServedServices(run.findings.map((f) => f.sim), run.file.manifests, index));
      const kept = run.findings.flatMap((f, i) => (served.has(f.sim) ? [i] : []));
      const published = kept.join(',');
      if (published === run.published) continue;
      run.published = published;
      this.deps.publisher.set(uri, 'simulation', kept.flatMap((i) => run.findings[i].located ?? []));
    }
  }

  /** The findings of a file's run (its manifests: `own`) less `ref/service-no-pods` where another file has the pods. */
  private withoutServedServices(findings: SimFinding[], own: readonly Manifest[], index: WorkspaceIndex): SimFinding[] {
    return findings.filter((f) => {
      if (f.code !== 'ref/service-no-pods') return true;
      const service = own.find((m) => sameSource(m.source, f.source));
      return !service || !podsSelectedElsewhere(index, service);
    });
  }

  private publishWorkspaceRules(open: Map<string, LoadedFile>, index: WorkspaceIndex): void {
    const findings = runWorkspaceRulesOn(index, { rules: this.deps.settings().rules });
    for (const [uri, file] of open) this.deps.publisher.set(uri, 'rules', toFindings(findings, uri, file.parsed));
  }

  /**
   * The open documents' manifests and the workspace files' (open documents override their file on
   * disk); only the open ones are subjects. Files on disk come first, so that of two copies of an
   * object the one reported as the duplicate is the open one.
   */
  private workspaceIndex(open: Map<string, LoadedFile>): WorkspaceIndex {
    const opened = [...open.values()].flatMap((f) => f.manifests);
    if (opened.length === 0) return new WorkspaceIndex([]);
    return new WorkspaceIndex([...this.workspaceFiles(), ...opened], undefined, (m) => open.has(m.source.file));
  }

  /** The manifests of the workspace's files on disk that are not open (none while validation is off). */
  private workspaceFiles(): Manifest[] {
    return this.deps.settings().validateEnable ? this.deps.workspace.manifests(new Set(this.deps.openUris())) : [];
  }

  private openFiles(): Map<string, LoadedFile> {
    const result = new Map<string, LoadedFile>();
    if (!this.deps.settings().validateEnable) return result;
    for (const uri of this.deps.openUris()) {
      const parsed = this.deps.parsedOf(uri);
      if (!parsed || !isManifestFile(parsed)) continue;
      result.set(uri, { uri, parsed, manifests: manifestsOf(uri, parsed) });
    }
    return result;
  }
}

const KEPT_PREVIEW_RUNS = 4;

function simulationFailed(uri: string, error: unknown): LocatedSimFinding {
  const message = `Drydock's dry run failed on this file: ${(error as Error).message}. Please report it.`;
  return {
    sim: { source: { file: uri, document: 0, path: [] }, path: [], severity: 'warning', code: 'internal/simulation-failed', message },
    located: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'warning', code: 'internal/simulation-failed', message },
  };
}

function previewKey(params: PreviewParams): string {
  return `${params.scope}|${params.neverReady}|${params.uri}`;
}

/** The findings on `uri`, as ranges in its parse (none without one). */
function toFindings(findings: readonly SimFinding[], uri: string, parsed: ParsedFile | undefined): Finding[] {
  if (!parsed) return [];
  return findings.flatMap((f) => {
    if (f.source.file !== uri) return [];
    const doc = parsed.documents[f.source.document];
    return doc ? [simFindingToFinding(f, doc)] : [];
  });
}

/** Click-to-reveal locations: the first line of each object in the files the run read (else what `fallback` knows). */
export function locatorFor(files: Map<string, ParsedFile>, fallback: Locator = () => null): Locator {
  return (source) => {
    if (!source) return null;
    const doc = files.get(source.file)?.documents[source.document];
    if (!doc) return fallback(source);
    return { uri: source.file, line: doc.chunk.line + locate(doc, source.path, 'key').range.start.line };
  };
}
