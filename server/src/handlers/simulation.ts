import type { Finding } from '../language/findings';
import { isManifestFile, manifestsOf } from '../language/manifests';
import type { ParsedFile } from '../language/parse/parseFile';
import { locate } from '../language/parse/locate';
import { simFindingToFinding } from '../language/simFindingToFinding';
import { runWorkspaceRules } from '../language/rules/workspace/runWorkspaceRules';
import { dryRun, type DryRunOutput } from '../dryRun/dryRun';
import { previewModel, type Locator } from '../dryRun/previewModel';
import type { PreviewModel, PreviewParams } from '../protocol/preview';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { ServerSettings } from '../settings';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { ClusterProfileLoader, loadBaseline, type LoadedFile } from './dryRunInputs';

export interface SimulationDeps {
  publisher: DiagnosticsPublisher;
  /** The current parse of an open document (parsed on demand), or undefined when it is not open. */
  parsedOf(uri: string): ParsedFile | undefined;
  openUris(): string[];
  settings(): ServerSettings;
  workspaceFolders(): string[];
  trusted(): boolean;
  /** Tell the client its previews may be stale. */
  notifyChanged(uris: string[]): void;
}

/** How long the dry run waits after the last edit: it is heavier than validation. */
export const SIMULATION_DELAY_MS = 250;

/**
 * The editor's dry-run budget: smaller than the CLI's (DEFAULT_LIMITS), so that one run stays well
 * under a second on the event loop even for absurd inputs (1e9 replicas); past it, sim/too-many-pods says so.
 */
export const EDITOR_SIMULATION_LIMITS = { maxPodsPerWorkload: 500, maxPodsTotal: 2_000, maxNodes: 5_000 };

/**
 * Runs the dry run for open manifests a moment after they change, publishes its findings (and the
 * cross-resource rules') next to the validation diagnostics, and answers preview requests.
 */
export class SimulationService {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();
  private readonly profile = new ClusterProfileLoader();

  constructor(private readonly deps: SimulationDeps) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.refresh(uris).catch(() => undefined);
    }, SIMULATION_DELAY_MS);
  }

  /** Re-runs everything for every open document (settings or the cluster profile changed). */
  scheduleAll(): void {
    for (const uri of this.deps.openUris()) this.schedule(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Dry-runs the changed documents (each on its own) and the cross-resource rules over all open ones. */
  async refresh(changed: string[]): Promise<void> {
    const cluster = await this.profile.load(this.deps.settings().cluster, this.deps.workspaceFolders());
    const open = this.openFiles();
    for (const uri of changed) {
      const file = open.get(uri);
      if (!file) continue;
      let findings: SimFinding[] = [];
      try {
        const baseline = await loadBaseline(uri, this.deps.settings().rolloutBaseline, this.deps.trusted());
        findings = dryRun({ manifests: file.manifests, cluster: cluster?.manifests ?? null, baseline: baseline?.manifests ?? null, simulateOptions: EDITOR_SIMULATION_LIMITS }).findings;
      } catch (error) {
        findings = [{ source: { file: uri, document: 0, path: [] }, path: [], severity: 'warning', code: 'internal/simulation-failed', message: `Drydock's dry run failed on this file: ${(error as Error).message}. Please report it.` }];
      }
      this.deps.publisher.set(uri, 'simulation', this.toFindings(findings, uri, open));
    }
    this.publishWorkspaceRules(open);
    this.deps.notifyChanged(changed);
  }

  /** The preview of one document (or of every open manifest), with the whole reachability matrix. */
  async preview(params: PreviewParams): Promise<PreviewModel | null> {
    const open = this.openFiles();
    const file = open.get(params.uri);
    if (!file && params.scope === 'file') return null;
    const manifests = params.scope === 'workspace' ? [...open.values()].flatMap((f) => f.manifests) : (file?.manifests ?? []);
    const settings = this.deps.settings();
    const cluster = await this.profile.load(settings.cluster, this.deps.workspaceFolders());
    const baselines: Manifest[] = [];
    for (const uri of params.scope === 'workspace' ? [...open.keys()] : [params.uri]) {
      const baseline = await loadBaseline(uri, settings.rolloutBaseline, this.deps.trusted());
      if (baseline) baselines.push(...baseline.manifests);
    }
    const run: DryRunOutput = dryRun({ manifests, cluster: cluster?.manifests ?? null, baseline: baselines, neverReady: params.neverReady, matrix: true, previewUnchangedRollouts: true, simulateOptions: EDITOR_SIMULATION_LIMITS });
    const files = new Map<string, ParsedFile>([...open].map(([uri, f]) => [uri, f.parsed]));
    if (cluster) files.set(cluster.uri, cluster.parsed);
    const diagnostics = run.findings.flatMap((f) => (f.source.file === params.uri || params.scope === 'workspace' ? this.toFindings([f], f.source.file, open) : []));
    return previewModel(run, {
      uri: params.uri,
      scope: params.scope,
      kubernetesVersion: settings.kubernetesVersion,
      neverReady: params.neverReady,
      locate: locatorFor(files),
      diagnostics,
    });
  }

  private publishWorkspaceRules(open: Map<string, LoadedFile>): void {
    const manifests = [...open.values()].flatMap((f) => f.manifests);
    const findings = runWorkspaceRules(manifests, { rules: this.deps.settings().rules });
    for (const uri of open.keys()) this.deps.publisher.set(uri, 'rules', this.toFindings(findings.filter((f) => f.source.file === uri), uri, open));
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

  private toFindings(findings: readonly SimFinding[], uri: string, open: Map<string, LoadedFile>): Finding[] {
    const parsed = open.get(uri)?.parsed;
    if (!parsed) return [];
    return findings.flatMap((f) => {
      if (f.source.file !== uri) return [];
      const doc = parsed.documents[f.source.document];
      return doc ? [simFindingToFinding(f, doc)] : [];
    });
  }
}

/** Click-to-reveal locations: the first line of each object in the files the run read. */
export function locatorFor(files: Map<string, ParsedFile>): Locator {
  return (source) => {
    if (!source) return null;
    const doc = files.get(source.file)?.documents[source.document];
    if (!doc) return null;
    return { uri: source.file, line: doc.chunk.line + locate(doc, source.path, 'key').range.start.line };
  };
}
