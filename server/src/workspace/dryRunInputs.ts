import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestsOf } from '../language/manifests';
import { parseFile } from '../language/parse/parseFile';
import type { LoadedFile } from '../dryRun/loadedFile';
import { stripBom } from '../language/parse/stripBom';
import { BUILTIN_CLUSTER } from '../protocol/preview';


export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the cluster profile named by the `drydock.cluster` setting, re-parsing it only when its
 * modification time or size changed. Null when there is no such file (the default cluster is used).
 */
export class ClusterProfileLoader {
  private cached: { path: string; stamp: string; file: LoadedFile } | undefined;

  async load(setting: string, workspaceFolders: readonly string[]): Promise<LoadedFile | null> {
    if (setting === BUILTIN_CLUSTER) return null;
    const folder = workspaceFolders.map(fsPathOf).find((p): p is string => p !== undefined);
    const path = isAbsolute(setting) ? setting : folder ? join(folder, setting) : undefined;
    if (!path) return null;
    let stamp: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      return null;
    }
    if (this.cached?.path === path && this.cached.stamp === stamp) return this.cached.file;
    const text = stripBom(await readFile(path, 'utf8'));
    const uri = pathToFileURL(path).toString();
    const parsed = parseFile(text);
    const file = { uri, parsed, manifests: manifestsOf(uri, parsed) };
    this.cached = { path, stamp, file };
    return file;
  }
}

/**
 * The version a document is rolled out from: the file as last saved, or (in a trusted workspace)
 * as committed in git HEAD. Null when there is none (a new or untitled file, not in git).
 */
export async function loadBaseline(uri: string, mode: 'saved' | 'head', trusted: boolean): Promise<LoadedFile | null> {
  const text = await loadBaselineText(uri, mode, trusted);
  if (text === null) return null;
  const parsed = parseFile(text);
  return { uri, parsed, manifests: manifestsOf(uri, parsed) };
}

/** The text of `loadBaseline` (BOM stripped), unparsed: what a dry-run worker is handed. */
export async function loadBaselineText(uri: string, mode: 'saved' | 'head', trusted: boolean): Promise<string | null> {
  const path = fsPathOf(uri);
  if (!path) return null;
  let text: string | undefined;
  if (mode === 'head' && trusted) text = await gitHeadVersion(path);
  if (text === undefined) {
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return null;
    }
  }
  return stripBom(text);
}

function gitHeadVersion(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const cwd = dirname(path);
    execFile('git', ['rev-parse', '--show-toplevel'], { cwd, timeout: 5000 }, (error, top) => {
      if (error) return resolve(undefined);
      const rel = relative(top.trim(), path).split('\\').join('/');
      execFile('git', ['show', `HEAD:${rel}`], { cwd, timeout: 5000, maxBuffer: 64 * 1024 * 1024 }, (showError, stdout) => resolve(showError ? undefined : stdout));
    });
  });
}
