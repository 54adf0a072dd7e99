import type { Finding } from '../language/findings';
import { locate } from '../language/parse/locate';
import { runToEnd, type ParsedFile } from '../language/parse/parseFile';
import type { RuleSettings } from '../language/rules/ruleSettings';
import { runWorkspaceRulesSteps } from '../language/rules/workspace/runWorkspaceRules';
import { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { simFindingToFinding } from '../language/simFindingToFinding';
import type { PodDetails, PreviewConnectionExplanation, PreviewModel, PreviewRouteQueryResult } from '../protocol/preview';
import type { ExplainConnectionParams, PodDetailsParams, PreviewParams, RouteQueryParams, WhatIfParams } from '../protocol/requests';
import type { PreviewWhatIf } from '../protocol/whatIf';
import type { Manifest, SimFinding } from '../simulator/model/source';
import { sameSource } from '../simulator/model/sameSource';
import { connectionExplanation } from './connectionExplanation';
import { dryRun, type DryRunOutput } from './dryRun';
import type { LocatedSimFinding } from './fileDryRun';
import type { LoadedFile } from './loadedFile';
import { previewModel, type Locator } from './previewModel';
import type { ProjectPreviewInput } from './projectPreview';
import { podDetailsOf } from './previewPods';
import { previewRouteQuery } from './previewRoutes';
import { explainServicesWithoutPods } from './serviceNoPods';
import { explainPoliciesWithoutPods } from './policyNoPods';
import { markServicesWithPodsElsewhere } from './servicesElsewhere';
import { storageContext } from './storageContext';
import { whatIfFrom } from './whatIfDryRun';
import { unknownNodesWhatIf, whatIfPreview } from './whatIfPreview';
import { baselinesOfSimulated, folderManifests, inApplyOrder } from './previewScope';
import { previewDuplicates } from './previewDuplicates';

/**
 * The editor's dry-run budget: smaller than the CLI's (DEFAULT_LIMITS), so that one run stays well
 * under a second even for absurd inputs (1e9 replicas); past it, sim/too-many-pods says so.
 */
export const EDITOR_SIMULATION_LIMITS = { maxPodsPerWorkload: 500, maxPodsTotal: 2_000, maxNodes: 5_000 };

/** A finished diagnostics run of one document: the text it ran on and what it found. */
export interface FileRunResult {
  uri: string;
  text: string;
  findings: LocatedSimFinding[];
}

/** What the editor shows of a state of the workspace: dry-run findings that changed, rule findings of every open document. */
export interface Publications {
  simulation: Array<[uri: string, findings: Finding[]]>;
  rules: Array<[uri: string, findings: Finding[]]>;
}

/** What a preview is drawn from; everything read from disk is handed in. */
export interface PreviewInput {
  params: PreviewParams;
  /** The open manifest documents. */
  open: ReadonlyMap<string, LoadedFile>;
  /** The manifests of the workspace's files that are not open (simulated in workspace scope; in file scope they only answer look-ups). */
  workspaceFiles: readonly Manifest[];
  cluster: LoadedFile | null;
  /** The rollout baselines of the previewed documents. */
  baselines: readonly Manifest[];
  kubernetesVersion: string;
  /** Where an object of an unopened workspace file starts. */
  locateElsewhere: Locator;
  /** Scope `project`: the rendered chart or overlay that is simulated alone (no project: no preview). */
  project?: ProjectPreviewInput;
  /** The workspace folders' URIs: the files the duplicates note names are relative to them. */
  workspaceFolders?: readonly string[];
}

/** The last diagnostics run of an open document, the parse it ran on, and which of its findings were last published. */
interface FileRun {
  file: LoadedFile;
  findings: LocatedSimFinding[];
  /** Indices of the published findings (undefined: not published yet). */
  published: string | undefined;
}

const KEPT_PREVIEW_RUNS = 4;

/**
 * The editor's dry-run state, pure (inputs are handed in; the server's handler does the IO, the
 * timing and the publishing): the run kept per open document, the served-Services filter, the
 * cross-resource rules over the workspace, and the runs behind the latest previews.
 */
export class EditorDryRunSession {
  private readonly runs = new Map<string, FileRun>();
  /** The dry runs behind the latest previews, by their params (`drydock/podDetails` reads them), newest last. */
  private readonly previewRuns = new Map<string, DryRunOutput>();
  /** Where the objects of those runs were written, by the same params (`drydock/explainConnection` links policies with it). */
  private readonly previewLocators = new Map<string, Locator>();
  /** What those runs read (`drydock/whatIf` plays the node lifecycle over them), by the same params. */
  private readonly previewInputs = new Map<string, { manifests: readonly Manifest[]; cluster: readonly Manifest[] | null }>();

  /**
   * Keeps the results for the documents still open with the text their run saw (a document edited
   * meanwhile has a newer run coming), and forgets the runs of closed documents.
   */
  keepRuns(open: ReadonlyMap<string, LoadedFile>, results: readonly FileRunResult[]): void {
    for (const uri of this.runs.keys()) if (!open.has(uri)) this.runs.delete(uri);
    for (const result of results) {
      const file = open.get(result.uri);
      if (!file || file.parsed.text !== result.text) continue;
      this.runs.set(result.uri, { file, findings: result.findings, published: undefined });
    }
  }

  /**
   * What to publish: each open document's dry-run findings whose list changed, its
   * `ref/service-no-pods` explained by the other files (dropped when another file has the pods, a
   * note when an operator's custom resource makes them: `explainServicesWithoutPods`; that depends on
   * the other files, so every document is checked again), and the cross-resource rules' findings for
   * every open document.
   */
  publications(open: ReadonlyMap<string, LoadedFile>, workspaceFiles: readonly Manifest[], rules: RuleSettings | undefined): Publications {
    return runToEnd(this.publicationSteps(open, workspaceFiles, rules));
  }

  /**
   * `publications` a step at a time: it yields after each document's explanation, each rule and each
   * located finding, so that the server spreads it over the event loop and a keystroke is validated
   * in between. What was published is recorded only when it completes (a caller may abandon it).
   */
  *publicationSteps(open: ReadonlyMap<string, LoadedFile>, workspaceFiles: readonly Manifest[], rules: RuleSettings | undefined): Generator<undefined, Publications, undefined> {
    const index = workspaceIndex(open, workspaceFiles);
    const simulation: Publications['simulation'] = [];
    const published: Array<[FileRun, string]> = [];
    for (const [uri, run] of this.runs) {
      const explained = explainOutside(run.findings.map((f) => f.sim), run.file.manifests, index);
      const bySim = new Map(run.findings.map((f, i) => [f.sim, i]));
      // What is published: the run's findings by index, a rewritten one (a note) by its text.
      const key = explained.map((f) => bySim.get(f) ?? `${f.severity}:${f.message}`).join('\u0000');
      yield;
      if (key === run.published) continue;
      published.push([run, key]);
      const located = explained.map((finding) => {
        const at = bySim.get(finding);
        return at !== undefined ? run.findings[at].located : rewrittenAt(run.findings, finding);
      });
      simulation.push([uri, located.filter((f): f is Finding => f !== null)]);
    }
    const ruleFindings = yield* runWorkspaceRulesSteps(index, { rules });
    const located: Publications['rules'] = [];
    for (const [uri, file] of open) located.push([uri, yield* locatedSteps(ruleFindings, uri, file.parsed)]);
    for (const [run, key] of published) run.published = key;
    return { simulation, rules: located };
  }

  /** The preview of one document (or of its folder and below, or of every manifest of the workspace), with the whole reachability matrix; kept for `podDetails`. */
  preview(input: PreviewInput): PreviewModel | null {
    const { params, open } = input;
    const file = open.get(params.uri);
    const project = params.scope === 'project' ? input.project : undefined;
    if ((!file && params.scope === 'file') || (!project && params.scope === 'project')) return null;
    // Several files (a folder and below, or the workspace): the previewed document is one among them.
    const severalFiles = params.scope === 'workspace' || params.scope === 'folder';
    // In apply order: files by path (as `kubectl apply -f <folder>` takes them), documents in order.
    const known = [...[...open.values()].flatMap((f) => f.manifests), ...input.workspaceFiles];
    // A file on its own still sees the claims, volumes and classes the other files define.
    const manifests = project
      ? project.manifests
      : params.scope === 'workspace'
        ? inApplyOrder(known)
        : params.scope === 'folder'
          ? folderManifests(known, params.uri)
          : [...(file?.manifests ?? []), ...storageContext(known, params.uri)];
    const run = dryRun({
      manifests,
      cluster: input.cluster?.manifests ?? null,
      // A document's baseline is compared with its own copy of an object only, never another file's.
      baseline: severalFiles ? baselinesOfSimulated(input.baselines, manifests) : input.baselines,
      neverReady: params.neverReady,
      matrix: true,
      previewUnchangedRollouts: true,
      simulateOptions: EDITOR_SIMULATION_LIMITS,
    });
    this.keepPreviewRun(params, run);
    this.previewInputs.set(previewKey(params), { manifests, cluster: input.cluster?.manifests ?? null });
    const files = new Map<string, ParsedFile>([...open].map(([uri, f]) => [uri, f.parsed]));
    if (input.cluster) files.set(input.cluster.uri, input.cluster.parsed);
    const findings =
      severalFiles || !file ? run.findings : explainOutside(run.findings.filter((f) => f.source.file === params.uri), file.manifests, workspaceIndex(open, input.workspaceFiles));
    const diagnostics = project ? project.diagnostics(run.findings) : findings.flatMap((f) => runToEnd(locatedSteps([f], f.source.file, open.get(f.source.file)?.parsed)));
    const locate = locatorFor(files, input.locateElsewhere);
    this.keepPreviewLocator(params, project ? (source) => project.locate(source) ?? locate(source) : locate);
    const model = previewModel(run, {
      uri: params.uri,
      scope: params.scope,
      kubernetesVersion: input.kubernetesVersion,
      neverReady: params.neverReady,
      locate: project ? (source) => project.locate(source) ?? locate(source) : locate,
      diagnostics,
    });
    if (severalFiles) return { ...model, duplicates: previewDuplicates(manifests, input.workspaceFolders ?? []) };
    // One file of the workspace: its Services may select pods of the other files.
    return !file || project ? model : markServicesWithPodsElsewhere(model, run.services.services, params.uri, workspaceIndex(open, input.workspaceFiles));
  }

  /** The filters and scores of one pod, from the run behind the latest preview with the same params: null without that pod, undefined without such a run. */
  podDetails(params: PodDetailsParams): PodDetails | null | undefined {
    const run = this.previewRuns.get(previewKey({ uri: params.uri, scope: params.scope, neverReady: params.neverReady }));
    if (!run) return undefined;
    const pod = run.simulation.pods.find((p) => `${p.pod.namespace}/${p.pod.name}` === params.pod);
    return pod ? podDetailsOf(pod) : null;
  }

  /** Which Ingress path of the run behind the latest preview with the same params answers a URL: undefined without such a run. */
  routeQuery(params: RouteQueryParams): PreviewRouteQueryResult | undefined {
    const run = this.previewRuns.get(previewKey({ uri: params.uri, scope: params.scope, neverReady: params.neverReady }));
    return run ? previewRouteQuery(run.routes, run.services.services, params.url) : undefined;
  }

  /** Why a cell of the reachability matrix of the latest preview with the same params has its verdict: null without those endpoints, undefined without such a run. */
  explainConnection(params: ExplainConnectionParams): PreviewConnectionExplanation | null | undefined {
    const key = previewKey({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    const run = this.previewRuns.get(key);
    if (!run) return undefined;
    return connectionExplanation(run, params.from, params.to, this.previewLocators.get(key) ?? (() => null));
  }

  /** What happens when the events' nodes fail, are drained or cordoned, over the run behind the latest preview with the same params: undefined without such a run. */
  whatIf(params: WhatIfParams): PreviewWhatIf | undefined {
    const key = previewKey({ uri: params.uri, scope: params.scope, neverReady: params.neverReady });
    const run = this.previewRuns.get(key);
    const inputs = this.previewInputs.get(key);
    if (!run || !inputs) return undefined;
    const nodes = new Set(run.simulation.nodes.map((n) => n.node.name));
    const unknown = [...new Set(params.events.map((e) => e.node).filter((name) => !nodes.has(name)))];
    if (unknown.length > 0) return unknownNodesWhatIf(params.events, unknown);
    return whatIfPreview(whatIfFrom(run, { ...inputs, events: params.events, simulateOptions: EDITOR_SIMULATION_LIMITS }), params.events);
  }

  private keepPreviewLocator(params: PreviewParams, locate: Locator): void {
    this.previewLocators.set(previewKey(params), locate);
    for (const key of this.previewLocators.keys()) if (!this.previewRuns.has(key)) this.previewLocators.delete(key);
    for (const key of this.previewInputs.keys()) if (!this.previewRuns.has(key)) this.previewInputs.delete(key);
  }

  private keepPreviewRun(params: PreviewParams, run: DryRunOutput): void {
    const key = previewKey(params);
    this.previewRuns.delete(key);
    this.previewRuns.set(key, run);
    // A few previews at most are open at once; the oldest runs go.
    for (const old of this.previewRuns.keys()) if (this.previewRuns.size > KEPT_PREVIEW_RUNS) this.previewRuns.delete(old);
  }
}

function previewKey(params: PreviewParams): string {
  return `${params.scope}|${params.neverReady}|${params.uri}`;
}

/**
 * The open documents' manifests and the workspace files' (open documents override their file on
 * disk); only the open ones are subjects. Files on disk come first, so that of two copies of an
 * object the one reported as the duplicate is the open one.
 */
function workspaceIndex(open: ReadonlyMap<string, LoadedFile>, workspaceFiles: readonly Manifest[]): WorkspaceIndex {
  const opened = [...open.values()].flatMap((f) => f.manifests);
  if (opened.length === 0) return new WorkspaceIndex([]);
  return new WorkspaceIndex([...workspaceFiles, ...opened], undefined, (m) => open.has(m.source.file));
}

/** Where a finding the explanation rewrote (a note instead of a warning: same object and field) lands: at the original's place. */
function rewrittenAt(run: readonly LocatedSimFinding[], finding: SimFinding): Finding | null {
  const original = run.find((f) => f.sim.code === finding.code && sameSource(f.sim.source, finding.source) && samePath(f.sim.path, finding.path));
  return original?.located ? { ...original.located, severity: finding.severity, message: finding.message } : null;
}

function samePath(a: SimFinding['path'], b: SimFinding['path']): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** The findings on `uri`, as ranges in its parse (none without one); yields after each finding it locates (the first in a document builds the document's tree). */
function* locatedSteps(findings: readonly SimFinding[], uri: string, parsed: ParsedFile | undefined): Generator<undefined, Finding[], undefined> {
  const located: Finding[] = [];
  if (!parsed) return located;
  for (const f of findings) {
    const doc = f.source.file === uri ? parsed.documents[f.source.document] : undefined;
    if (!doc) continue;
    located.push(simFindingToFinding(f, doc));
    yield;
  }
  return located;
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

/** A file's dry-run findings that depend on the pods of other files, explained by them (Services, NetworkPolicies). */
function explainOutside(findings: readonly SimFinding[], run: readonly Manifest[], index: WorkspaceIndex): SimFinding[] {
  return explainPoliciesWithoutPods(explainServicesWithoutPods(findings, run, index), run, index);
}
