import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizePath } from '../language/projects/projectLayout';
import type { RenderTarget } from '../language/projects/renderTargets';
import type { RenderedProject } from '../language/render/renderedProject';
import type { PreviewProject } from '../protocol/preview';
import type { RenderStatusParams } from '../protocol/renderStatus';
import { toPath } from '../workspace/workspaceFiles';

export interface PreviewProjectsDeps {
  /** The last successful render of each chart and overlay (`RenderService.projects`). */
  rendered(): Array<{ target: RenderTarget; project: RenderedProject }>;
  workspaceFolders(): string[];
  /** Tell the client its previews may be stale (`drydock/previewChanged`). */
  notifyChanged(uris: string[]): void;
}

/** A chart or overlay a `project` preview asked for: its render, or why there is none. */
export type FoundProject =
  | { state: 'rendered'; entry: PreviewProject; project: RenderedProject }
  | { state: 'unrendered'; entry: PreviewProject; problem: string };

type TargetStatus = RenderStatusParams['targets'][number];

/**
 * The charts and overlays the preview offers as sources: every project the server rendered or tried
 * to (with the last render's problem), by folder. After each render it tells the client: every
 * preview when the list changed (a file preview shows the list), else the previews of the projects
 * rendered.
 */
export class PreviewProjects {
  /** The last render status of each project, by folder path. */
  private readonly statuses = new Map<string, TargetStatus>();
  private listed = '[]';

  constructor(private readonly deps: PreviewProjectsDeps) {}

  /** A render of these projects finished (`RenderService`'s `rendered` hook). */
  renderFinished(targets: RenderStatusParams['targets']): void {
    const roots: string[] = [];
    for (const target of targets) {
      const path = toPath(target.root);
      if (path === undefined) continue;
      this.statuses.set(normalizePath(path), target);
      roots.push(target.root);
    }
    const listed = JSON.stringify(this.list());
    const changed = listed !== this.listed;
    this.listed = listed;
    // Nothing listed changed and nothing re-rendered: no preview has anything new to show.
    if (!changed && roots.length === 0) return;
    this.deps.notifyChanged(changed ? [] : roots);
  }

  /** The projects, in path order. */
  list(): PreviewProject[] {
    const rendered = new Map(this.deps.rendered().map((r) => [r.target.root, r]));
    const roots = [...new Set([...rendered.keys(), ...this.statuses.keys()])].sort();
    return roots.map((root) => {
      const status = this.statuses.get(root);
      const project = rendered.get(root)?.project;
      const kind = project?.kind ?? status?.kind ?? 'helm';
      const entry: PreviewProject = { uri: pathToFileURL(root).toString(), kind, label: this.label(root) };
      if (kind === 'helm' && project) entry.valuesFiles = project.valuesFiles.map((file) => posix.relative(root, file));
      if (status && status.state !== 'rendered') entry.problem = status.message;
      else if (!project) entry.problem = 'not rendered yet';
      return entry;
    });
  }

  /**
   * The project a preview's `uri` names: the chart or overlay whose folder it is, or the one that
   * renders it (a subchart's folder, a template file: the deepest project around it).
   */
  find(uri: string): FoundProject {
    const path = normalizePath(toPath(uri) ?? uri);
    const rendered = new Map(this.deps.rendered().map((r) => [r.target.root, r]));
    const around = this.list()
      .map((entry) => ({ entry, root: normalizePath(toPath(entry.uri) ?? entry.uri) }))
      .filter(({ root }) => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`))
      .sort((a, b) => b.root.length - a.root.length)[0];
    if (!around) {
      const entry: PreviewProject = { uri, kind: 'helm', label: this.label(path) };
      return { state: 'unrendered', entry, problem: 'it has not been rendered yet (Drydock renders a chart or overlay while one of its files is open, in a trusted workspace)' };
    }
    const project = rendered.get(around.root)?.project;
    if (around.entry.problem !== undefined || !project) return { state: 'unrendered', entry: around.entry, problem: around.entry.problem ?? 'not rendered yet' };
    return { state: 'rendered', entry: around.entry, project };
  }

  /** The folder relative to the workspace folder it is in (else the whole path). */
  private label(root: string): string {
    for (const folder of this.deps.workspaceFolders()) {
      const base = toPath(folder);
      if (base === undefined) continue;
      const relative = posix.relative(normalizePath(base), root);
      if (relative === '') return posix.basename(root);
      if (!relative.startsWith('..')) return relative;
    }
    return root;
  }
}

/** What the preview says about a project it cannot simulate. */
export function notRenderedNotice(found: Extract<FoundProject, { state: 'unrendered' }>): string {
  const what = found.entry.kind === 'helm' ? 'Chart' : 'Overlay';
  return `${what} ${found.entry.label} is not rendered: ${found.problem}.`;
}
