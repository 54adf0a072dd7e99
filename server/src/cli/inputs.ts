import * as l10n from '@vscode/l10n';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { oversizeReason } from '../language/parse/limits';
import { parseFile, type ParsedFile } from '../language/parse/parseFile';
import { stripBom } from '../language/parse/stripBom';
import { decodeUtf8 } from '../textFiles';
import { isManifestFile, manifestsOf } from '../language/manifests';
import type { Manifest } from '../simulator/model/source';
import { isChartFile, isKustomizationFile } from '../language/projects/projectLayout';

export interface InputFile {
  /** The path as the user should see it (relative to the working directory when inside it). */
  path: string;
  text: string;
  parsed: ParsedFile;
  /** False for a YAML file found in a directory walk that holds no Kubernetes object. */
  isManifest: boolean;
  /**
   * Read with `budget` and over it: why (`oversizeReason`). The file was not parsed (`parsed` has no
   * documents); the command reports it with `oversizeNote` (limits.ts).
   */
  oversize?: string;
}

export interface ReadOptions {
  /**
   * Apply the language service's input budget (language/parse/limits.ts), as the language server does to
   * the files it validates and dry-runs: a file over it is not parsed, and carries `oversize`. Off for
   * inputs the server reads whatever their size (a cluster profile).
   */
  budget?: boolean;
}

export interface Inputs {
  files: InputFile[];
  /** Problems reading the inputs (missing path, unreadable file): the command exits 2. */
  errors: string[];
}

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

/**
 * Reads the files and directories named on the command line. Directories are walked recursively
 * (in sorted order, skipping dot-folders and node_modules) for .yaml/.yml/.json files; a file named
 * explicitly is always read, a file found by the walk only if it holds a Kubernetes object or is a
 * `Chart.yaml` or a kustomization (what each file is to validation: language/projects/projectLayout.ts).
 */
export async function readInputs(paths: string[], cwd: string, options: ReadOptions = {}): Promise<Inputs> {
  const files: InputFile[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch {
      errors.push(l10n.t('{0}: no such file or directory', path));
      continue;
    }
    if (info.isDirectory()) {
      for (const found of await walk(full, errors)) {
        const file = await readOne(found, cwd, errors, options);
        if (file && file.isManifest) files.push(file);
      }
    } else {
      const file = await readOne(full, cwd, errors, options);
      if (file) files.push({ ...file, isManifest: true });
    }
  }
  return { files, errors };
}

/** Every manifest object of the inputs, in file and document order. */
export function manifestsOfInputs(inputs: Inputs): Manifest[] {
  return inputs.files.flatMap((file) => manifestsOf(file.path, file.parsed));
}

async function readOne(full: string, cwd: string, errors: string[], options: ReadOptions): Promise<InputFile | undefined> {
  const shown = displayPath(full, cwd);
  try {
    const text = stripBom(decodeUtf8(await readFile(full)));
    const oversize = options.budget ? oversizeReason(text) : undefined;
    // Over the budget the file is not parsed, so whether it holds Kubernetes objects is not known: a file
    // found by a walk is reported when it mentions `apiVersion` (every object has one), else skipped.
    if (oversize) return { path: shown, text, parsed: { text, documents: [] }, isManifest: text.includes('apiVersion'), oversize };
    const parsed = parseFile(text);
    // A chart's Chart.yaml and a kustomization are inputs even without Kubernetes objects: they make their directory a project.
    return { path: shown, text, parsed, isManifest: isManifestFile(parsed) || isChartFile(full) || isKustomizationFile(full) };
  } catch (error) {
    errors.push(l10n.t('{0}: cannot read ({1})', shown, (error as Error).message));
    return undefined;
  }
}

async function walk(dir: string, errors: string[]): Promise<string[]> {
  const result: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(l10n.t('{0}: cannot read directory ({1})', dir, (error as Error).message));
    return result;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) result.push(...(await walk(full, errors)));
    else if (entry.isFile() && (MANIFEST_EXTENSIONS.test(entry.name) || isKustomizationFile(entry.name))) result.push(full);
  }
  return result;
}

/** A path as the user should see it: relative to the working directory when inside it, else as given. */
export function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel && !rel.startsWith('..') ? rel : full;
}
