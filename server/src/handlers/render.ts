import * as l10n from '@vscode/l10n';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../language/findings';
import type { LanguageService } from '../language/languageService';
import { normalizePath, type ProjectLayout } from '../language/projects/projectLayout';
import { feedsTarget, renderTargets, type RenderTarget } from '../language/projects/renderTargets';
import { renderTargetFindings, type RenderOutcome } from '../language/render/renderOutcome';
import type { RenderedProject } from '../language/render/renderedProject';
import { placeRenderedFinding, RENDERED_PATH } from '../language/render/renderedFindings';
import { renderedManifests } from '../language/render/renderedManifests';
import { dryRun } from '../dryRun/dryRun';
import type { Manifest } from '../simulator/model/source';
import type { RenderStatusParams } from '../protocol/renderStatus';
import type { ServerSettings } from '../settings';
import { renderProject } from '../workspace/render/renderProject';
import { diskTextReader } from '../workspace/render/sourceTexts';
import { renderToolCommands } from '../workspace/render/toolCommands';
import { toPath } from '../workspace/workspaceFiles';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';

export interface RenderServiceDeps {
  publisher: DiagnosticsPublisher;
  service: LanguageService;
  layout(): ProjectLayout;
  settings(): ServerSettings;
  trusted(): boolean;
  openUris(): string[];
  log(message: string): void;
  status(params: RenderStatusParams): void;
  /** The open documents' texts that differ from their files (edited since opened or saved), by absolute path. */
  unsavedTexts(): ReadonlyMap<string, string>;
  /** The workspace's cluster profile (null: the embedded default cluster), for the rendered objects' dry run. */
  cluster(): Promise<readonly Manifest[] | null>;
  /** After every render (changed or not), how each target fared: the preview's charts and overlays follow it. */
  rendered?(targets: RenderStatusParams['targets']): void;
}

/** At most this many projects no open document feeds are rendered per run (the rest in the next runs). */
const MAX_BACKGROUND_RENDERS = 8;
/** Rendered projects larger than this are validated but not dry-run on the server's thread. */
const MAX_DRY_RUN_OBJECTS = 3000;

/** How long after the last trigger a render starts: a burst of saves or watched-file events renders once. */
export const RENDER_DELAY_MS = 300;
/** How long typing must pause before a project is rendered with the unsaved texts. */
export const RENDER_TYPING_PAUSE_MS = 800;

/**
 * Renders the workspace's charts and overlays that an open document feeds (renderTargets.ts), with
 * the user's helm and kustomize, in trusted workspaces only, and publishes what the rendered objects'
 * problems are on the source lines (`render` findings of the open documents). It runs on open, on
 * save, when watched files change and after a pause in typing (not per keystroke); an unsaved document
 * is rendered as the editor shows it, from a temporary copy of its project (shadowCopy.ts). One render
 * at a time; a trigger during a render runs another after it.
 */
export class RenderService {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  /** Open URIs that carry render findings now: cleared when a render no longer reports on them. */
  private published = new Set<string>();
  private lastStatus = '';
  private disposed = false;
  /** Roots rendered since their files last changed: projects no open document feeds are rendered once. */
  private readonly attempted = new Set<string>();
  /** The last successful render of each target (by root), for the dry run and the preview. */
  private readonly rendered = new Map<string, { target: RenderTarget; project: RenderedProject }>();

  constructor(private readonly deps: RenderServiceDeps) {}

  schedule(delayMs = RENDER_DELAY_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
  }

  /** The charts and overlays rendered last (each target's newest successful render), in path order. */
  projects(): Array<{ target: RenderTarget; project: RenderedProject }> {
    return [...this.rendered.values()].sort((a, b) => (a.target.root < b.target.root ? -1 : a.target.root > b.target.root ? 1 : 0));
  }

  /** Files changed on disk (or the layout did): the projects they feed are rendered again, open or not. */
  filesChanged(paths: readonly string[] | 'all'): void {
    if (paths === 'all') this.attempted.clear();
    else for (const target of renderTargets(this.deps.layout())) if (paths.some((path) => feedsTarget(path, target))) this.attempted.delete(target.root);
    this.schedule();
  }

  /** A document closed: its render findings go with it (the publisher forgets the document). */
  closed(uri: string): void {
    this.published.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.renderOpenProjects();
    } catch (error) {
      this.deps.log(`Drydock: rendering charts and overlays failed: ${String(error)}`);
    } finally {
      this.running = false;
      if (this.again && !this.disposed) {
        this.again = false;
        this.schedule(0);
      }
    }
  }

  private async renderOpenProjects(): Promise<void> {
    const open = new Map<string, string>();
    for (const uri of this.deps.openUris()) {
      const path = toPath(uri);
      if (path) open.set(normalizePath(path), uri);
    }
    // The projects an open document feeds, every time; the workspace's others once (the preview lists
    // them), again when one of their files changes on disk (`filesChanged`).
    const all = renderTargets(this.deps.layout());
    const fed = all.filter((target) => [...open.keys()].some((path) => feedsTarget(path, target)));
    const background = all.filter((target) => !fed.includes(target) && !this.attempted.has(target.root)).slice(0, MAX_BACKGROUND_RENDERS);
    const targets = [...fed, ...background];
    for (const target of targets) this.attempted.add(target.root);
    const settings = this.deps.settings();
    const tools = renderToolCommands({ helmPath: settings.helmPath, kustomizeCommand: settings.kustomizeCommand });
    const byFile = new Map<string, Finding[]>();
    const statuses: RenderStatusParams['targets'] = [];
    const unsaved = this.deps.unsavedTexts();
    for (const target of targets) {
      const outcome = await this.render(target, settings, tools, unsaved);
      if (outcome.kind === 'rendered') this.rendered.set(target.root, { target, project: outcome.project });
      const disk = diskTextReader();
      const readText = (file: string): string | undefined => unsaved.get(file) ?? disk(file);
      const findings = renderTargetFindings(this.deps.service, target, outcome, { kubernetesVersion: settings.kubernetesVersion, rules: settings.rules }, readText, 'editor');
      if (outcome.kind === 'rendered') await this.addDryRunFindings(outcome.project, readText, findings);
      for (const [file, list] of findings) byFile.set(file, [...(byFile.get(file) ?? []), ...list]);
      statuses.push(statusOf(target, outcome));
    }
    if (this.disposed) return;
    const next = new Set<string>();
    for (const [path, uri] of open) {
      const findings = byFile.get(path) ?? [];
      if (findings.length === 0 && !this.published.has(uri)) continue;
      this.deps.publisher.set(uri, 'render', findings);
      if (findings.length > 0) next.add(uri);
    }
    this.published = next;
    this.report(statuses);
    this.deps.rendered?.(statuses);
  }

  /**
   * The rendered objects' dry run (scheduling, rollouts' first placement, endpoints, reachability), as
   * the other manifests get it, its findings placed on the source lines (a duplicate of a validation
   * finding at the same place is dropped).
   */
  private async addDryRunFindings(project: RenderedProject, readText: (file: string) => string | undefined, into: Map<string, Finding[]>): Promise<void> {
    const manifests = renderedManifests(RENDERED_PATH, project);
    if (manifests.length === 0 || manifests.length > MAX_DRY_RUN_OBJECTS) return;
    const run = dryRun({ manifests, cluster: await this.deps.cluster(), baseline: null });
    for (const sim of run.findings) {
      if (sim.source.file !== RENDERED_PATH) continue;
      const finding: Finding = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: sim.severity, code: sim.code, message: sim.message };
      for (const place of placeRenderedFinding(project, sim.source.document, [...sim.source.path, ...sim.path], finding, readText)) {
        const list = into.get(place.file) ?? [];
        const start = place.finding.range.start;
        if (!list.some((f) => f.code === place.finding.code && f.range.start.line === start.line && f.range.start.character === start.character)) list.push(place.finding);
        into.set(place.file, list);
      }
    }
  }

  private async render(target: RenderTarget, settings: ServerSettings, tools: ReturnType<typeof renderToolCommands>, unsaved: ReadonlyMap<string, string>): Promise<RenderOutcome> {
    if (!this.deps.trusted()) return { kind: 'untrusted' };
    if (target.remote.length > 0) return { kind: 'remote', refs: target.remote };
    const valuesFiles = target.kind === 'helm' ? settings.helmValuesFiles.map((file) => (file.startsWith('/') ? file : `${target.root}/${file}`)) : [];
    return renderProject({ kind: target.kind, root: target.root, valuesFiles, tools, unsaved, copyRoot: commonFolder(target.dirs) });
  }

  /** The Output channel gets a line per render that changed; the client's status bar the failures. */
  private report(targets: RenderStatusParams['targets']): void {
    const key = JSON.stringify(targets.map(({ ms: _ms, ...rest }) => rest));
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    for (const target of targets) {
      const what = `${target.kind === 'helm' ? 'chart' : 'overlay'} ${target.root}`;
      if (target.state === 'rendered') this.deps.log(`Drydock: rendered ${what} in ${target.ms} ms (${target.objects} objects)`);
      else this.deps.log(`Drydock: ${what} not rendered: ${target.message}`);
    }
    this.deps.status({ targets });
  }
}

function statusOf(target: RenderTarget, outcome: RenderOutcome): RenderStatusParams['targets'][number] {
  const base = { root: pathToFileURL(target.root).toString(), kind: target.kind };
  switch (outcome.kind) {
    case 'rendered':
      return { ...base, state: 'rendered', ms: outcome.ms, objects: outcome.project.parsed.documents.length, message: '' };
    case 'failed':
      return { ...base, state: 'failed', ms: outcome.ms, objects: 0, message: outcome.message };
    case 'no-tool':
      return { ...base, state: 'no-tool', ms: 0, objects: 0, message: l10n.t('{0} not found', outcome.command ?? (target.kind === 'helm' ? 'helm' : 'kustomize')) };
    case 'untrusted':
      return { ...base, state: 'untrusted', ms: 0, objects: 0, message: l10n.t('the workspace is not trusted') };
    case 'remote':
      return { ...base, state: 'remote', ms: 0, objects: 0, message: l10n.t('remote resources not fetched: {0}', outcome.refs.join(', ')) };
  }
}

/** The deepest folder that holds all of `dirs` (an overlay's kustomizations): what a shadow copy copies. */
function commonFolder(dirs: readonly string[]): string {
  let common = dirs[0] ?? '/';
  for (const dir of dirs) {
    while (!(dir === common || dir.startsWith(common.endsWith('/') ? common : `${common}/`))) common = common.slice(0, Math.max(1, common.lastIndexOf('/')));
  }
  return common;
}
