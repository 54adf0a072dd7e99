import { posix } from 'node:path';
import { normalizePath, type ProjectLayout } from './projectLayout';

/** A chart or an overlay that Drydock renders on its own: what `helm template` / `kustomize build` is run on. */
export interface RenderTarget {
  kind: 'helm' | 'kustomize';
  /** The chart's or the kustomization's directory. */
  root: string;
  /** Kustomize: the directories of every kustomization it builds on (itself first); a file under one feeds the build. Helm: the chart root. */
  dirs: readonly string[];
  /** Kustomize: remote resources it would fetch (as written), anywhere in its tree. */
  remote: readonly string[];
}

/**
 * The projects to render, in path order: every chart that is not a subchart of another (a parent
 * renders its subcharts), and every kustomization that no other kustomization builds on (a base is
 * checked through its overlays; a base that nothing uses is an overlay of its own). Components are
 * never built alone.
 */
export function renderTargets(layout: ProjectLayout): RenderTarget[] {
  const targets: RenderTarget[] = [];
  for (const root of [...layout.chartRoots].sort()) {
    if (!insideAnother(root, layout.chartRoots)) targets.push({ kind: 'helm', root, dirs: [root], remote: [] });
  }
  const used = new Set<string>();
  for (const inputs of layout.kustomizeRoots.values()) for (const ref of inputs.local) used.add(ref);
  for (const [root, inputs] of [...layout.kustomizeRoots].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (inputs.kind === 'Component' || used.has(root) || insideAnother(root, layout.chartRoots) || layout.chartRoots.has(root)) continue;
    const dirs: string[] = [];
    const remote = new Set<string>();
    const visit = (dir: string): void => {
      if (dirs.includes(dir)) return;
      dirs.push(dir);
      const node = layout.kustomizeRoots.get(dir);
      for (const ref of node?.remote ?? []) remote.add(ref);
      for (const ref of node?.local ?? []) if (layout.kustomizeRoots.has(ref)) visit(ref);
    };
    visit(root);
    targets.push({ kind: 'kustomize', root, dirs, remote: [...remote] });
  }
  return targets;
}

/** Whether a file feeds a target's render: under the chart, or under one of the overlay's kustomization directories. */
export function feedsTarget(file: string, target: RenderTarget): boolean {
  const path = normalizePath(file);
  return target.dirs.some((dir) => path.startsWith(dir.endsWith('/') ? dir : `${dir}/`));
}

function insideAnother(root: string, roots: ReadonlySet<string>): boolean {
  for (let dir = posix.dirname(root); ; dir = posix.dirname(dir)) {
    if (roots.has(dir)) return true;
    if (posix.dirname(dir) === dir) return false;
  }
}
