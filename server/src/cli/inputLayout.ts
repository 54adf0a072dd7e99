import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildLayout, type KnownFile } from '../language/projects/buildLayout';
import { parseFile } from '../language/parse/parseFile';
import { isChartFile, isKustomizationFile, KUSTOMIZATION_FILE_NAMES, type ProjectLayout } from '../language/projects/projectLayout';
import { stripBom } from '../language/parse/stripBom';
import type { InputFile } from './inputs';

const PROJECT_FILES = ['Chart.yaml', ...KUSTOMIZATION_FILE_NAMES];

/**
 * The charts and Kustomize roots of a run's inputs: the `Chart.yaml`s and kustomizations among them,
 * and those of the folders around them (`drydock check chart/templates/x.yaml` still knows its
 * chart, `drydock check overlay/patch.yaml` its kustomization). Paths absolute, as `fileRole` gets them.
 * A project file that cannot be read is left out (the inputs' own errors are reported by readInputs).
 */
export async function inputLayout(files: readonly InputFile[], cwd: string): Promise<ProjectLayout> {
  const known = new Map<string, KnownFile>();
  const folders = new Set<string>();
  for (const file of files) {
    const path = resolve(cwd, file.path);
    if (isChartFile(path) || isKustomizationFile(path)) known.set(path, { path, parsed: file.parsed });
    for (let dir = dirname(path); !folders.has(dir); dir = dirname(dir)) {
      folders.add(dir);
      if (dirname(dir) === dir) break;
    }
  }
  for (const dir of folders) {
    for (const name of PROJECT_FILES) {
      const path = join(dir, name);
      if (known.has(path)) continue;
      const text = await readProjectFile(path);
      if (text !== undefined) known.set(path, { path, parsed: isKustomizationFile(path) ? parseFile(text) : undefined });
    }
  }
  return buildLayout(known.values());
}

async function readProjectFile(path: string): Promise<string | undefined> {
  try {
    return stripBom(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
