import { posix } from 'node:path';
import { parseFile } from '../parse/parseFile';
import { normalizePath } from '../projects/projectLayout';
import type { RenderedObjectOrigin, RenderedProject } from './renderedProject';

const SOURCE_COMMENT = /^# Source: (.+?)\s*$/m;

/**
 * `helm template`'s output as a rendered project. Helm starts every object with `# Source:
 * <chart name>/templates/…` (a subchart's with `<chart>/charts/<sub>/templates/…`): the path after the
 * chart's name is relative to the chart's directory.
 */
export function helmRendered(root: string, valuesFiles: readonly string[], stdout: string): RenderedProject {
  const parsed = parseFile(stdout);
  const seen = new Map<string, number>();
  const origins: RenderedObjectOrigin[] = parsed.documents.map((doc) => {
    const source = SOURCE_COMMENT.exec(doc.chunk.text.slice(0, 2048))?.[1];
    if (!source) return { indexInFile: 0, configuredIn: [] };
    const inChart = source.split('/').slice(1).join('/');
    const file = normalizePath(posix.join(normalizePath(root), inChart));
    const indexInFile = seen.get(file) ?? 0;
    seen.set(file, indexInFile + 1);
    return { file, indexInFile, configuredIn: [] };
  });
  return { kind: 'helm', root: normalizePath(root), valuesFiles, parsed, origins };
}
