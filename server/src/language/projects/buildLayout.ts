import { posix } from 'node:path';
import type { ParsedFile } from '../parse/parseFile';
import { kustomizationInputs, kustomizationPatchFiles } from './kustomizationRefs';
import { isChartFile, isKustomizationFile, normalizePath, type ProjectLayout } from './projectLayout';

/** A file its owner knows of: its path, and its parse when it is a kustomization (the others' contents do not matter). */
export interface KnownFile {
  path: string;
  parsed?: ParsedFile;
}

const RESOURCE_FILE = /\.(ya?ml|json)$/i;

/**
 * The layout of a set of files: every `Chart.yaml`'s directory is a chart root; every kustomization's
 * directory a Kustomize root, with what it builds on; its patches are patch files, the files it lists as
 * resources are resource files.
 */
export function buildLayout(files: Iterable<KnownFile>): ProjectLayout {
  const chartRoots = new Set<string>();
  const patchFiles = new Set<string>();
  const resourceFiles = new Set<string>();
  const kustomizeRoots = new Map<string, ReturnType<typeof kustomizationInputs>>();
  for (const file of files) {
    if (isChartFile(file.path)) chartRoots.add(posix.dirname(normalizePath(file.path)));
    else if (isKustomizationFile(file.path) && file.parsed) {
      const value = file.parsed.documents[0]?.value;
      for (const patch of kustomizationPatchFiles(file.path, value)) patchFiles.add(patch);
      const inputs = kustomizationInputs(file.path, value);
      for (const ref of inputs.local) if (RESOURCE_FILE.test(ref)) resourceFiles.add(ref);
      kustomizeRoots.set(posix.dirname(normalizePath(file.path)), inputs);
    }
  }
  return { chartRoots, patchFiles, resourceFiles, kustomizeRoots };
}
