import { posix } from 'node:path';
import type { ParsedFile } from '../parse/parseFile';
import { kustomizationPatchFiles } from './kustomizationRefs';
import { isChartFile, isKustomizationFile, normalizePath, type ProjectLayout } from './projectLayout';

/** A file its owner knows of: its path, and its parse when it is a kustomization (the others' contents do not matter). */
export interface KnownFile {
  path: string;
  parsed?: ParsedFile;
}

/** The layout of a set of files: every `Chart.yaml`'s directory is a chart root; every kustomization's patches are patch files. */
export function buildLayout(files: Iterable<KnownFile>): ProjectLayout {
  const chartRoots = new Set<string>();
  const patchFiles = new Set<string>();
  for (const file of files) {
    if (isChartFile(file.path)) chartRoots.add(posix.dirname(normalizePath(file.path)));
    else if (isKustomizationFile(file.path) && file.parsed) {
      for (const doc of file.parsed.documents) for (const patch of kustomizationPatchFiles(file.path, doc.value)) patchFiles.add(patch);
    }
  }
  return { chartRoots, patchFiles };
}
