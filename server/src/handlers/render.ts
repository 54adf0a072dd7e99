import { pathToFileURL } from 'node:url';
import type { Finding } from '../language/findings';
import type { LanguageService } from '../language/languageService';
import { normalizePath, type ProjectLayout } from '../language/projects/projectLayout';
import { feedsTarget, renderTargets, type RenderTarget } from '../language/projects/renderTargets';
import { renderTargetFindings, type RenderOutcome } from '../language/render/renderOutcome';
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
}

/** How long after the last trigger a render starts: a burst of saves or watched-file events renders once. */
export const RENDER_DELAY_MS = 300;

/**
 * Renders the workspace's charts and overlays that an open document feeds (renderTargets.ts), with
 * the user's helm and kustomize, in trusted workspaces only, and publishes what the rendered objects'
 * problems are on the source lines (`render` findings of the open documents). Renders what is on disk:
 * it runs on open, on save and when watched files change, not per keystroke. One render at a time; a
 * trigger during a render runs another after it.
 */
export class RenderService {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  /** Open URIs that carry render findings now: cleared when a render no longer reports on them. */
  private published = new Set<string>();
  private lastStatus = '';
  private disposed = false;

  constructor(private readonly deps: RenderServiceDeps) {}

  schedule(delayMs = RENDER_DELAY_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
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
    const targets = renderTargets(this.deps.layout()).filter((target) => [...open.keys()].some((path) => feedsTarget(path, target)));
    const settings = this.deps.settings();
    const tools = renderToolCommands({ helmPath: settings.helmPath, kustomizeCommand: settings.kustomizeCommand });
    const byFile = new Map<string, Finding[]>();
    const statuses: RenderStatusParams['targets'] = [];
    for (const target of targets) {
      const outcome = await this.render(target, settings, tools);
      const readText = diskTextReader();
      const findings = renderTargetFindings(this.deps.service, target, outcome, { kubernetesVersion: settings.kubernetesVersion, rules: settings.rules }, readText, 'editor');
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
  }

  private async render(target: RenderTarget, settings: ServerSettings, tools: ReturnType<typeof renderToolCommands>): Promise<RenderOutcome> {
    if (!this.deps.trusted()) return { kind: 'untrusted' };
    if (target.remote.length > 0) return { kind: 'remote', refs: target.remote };
    const valuesFiles = target.kind === 'helm' ? settings.helmValuesFiles.map((file) => (file.startsWith('/') ? file : `${target.root}/${file}`)) : [];
    return renderProject({ kind: target.kind, root: target.root, valuesFiles, tools });
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
      return { ...base, state: 'no-tool', ms: 0, objects: 0, message: `${outcome.command ?? (target.kind === 'helm' ? 'helm' : 'kustomize')} not found` };
    case 'untrusted':
      return { ...base, state: 'untrusted', ms: 0, objects: 0, message: 'the workspace is not trusted' };
    case 'remote':
      return { ...base, state: 'remote', ms: 0, objects: 0, message: `remote resources not fetched: ${outcome.refs.join(', ')}` };
  }
}
