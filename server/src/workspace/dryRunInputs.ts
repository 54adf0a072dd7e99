import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
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

/** Where the `drydock.cluster` setting points: itself when absolute, else inside the first workspace folder. */
export function clusterProfilePath(setting: string, workspaceFolders: readonly string[]): string | undefined {
  const folder = workspaceFolders.map(fsPathOf).find((p): p is string => p !== undefined);
  return isAbsolute(setting) ? setting : folder !== undefined ? join(folder, setting) : undefined;
}

/**
 * Reads the cluster profile named by the `drydock.cluster` setting, re-parsing it only when its
 * modification time or size changed. Null when there is no such file (the default cluster is used).
 */
export class ClusterProfileLoader {
  private cached: { path: string; stamp: string; file: LoadedFile } | undefined;

  async load(setting: string, workspaceFolders: readonly string[]): Promise<LoadedFile | null> {
    if (setting === BUILTIN_CLUSTER) return null;
    const path = clusterProfilePath(setting, workspaceFolders);
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
