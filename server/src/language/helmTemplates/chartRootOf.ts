import { posix } from 'node:path';
import { normalizePath, type ProjectLayout } from '../projects/projectLayout';

/**
 * The chart whose values a template reads: the nearest folder up from the file that holds a
 * `Chart.yaml` (a subchart's template reads the subchart's values). Undefined outside any chart the
 * layout knows. The path comes back normalized (projectLayout.ts `normalizePath`).
 */
export function chartRootOf(path: string, layout: ProjectLayout): string | undefined {
  let dir = posix.dirname(normalizePath(path));
  for (;;) {
    if (layout.chartRoots.has(dir)) return dir;
    const parent = posix.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
