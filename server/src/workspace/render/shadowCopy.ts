import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { isSkippedDirectory } from '../workspaceFiles';

/** A temporary copy of a project folder with the editor's unsaved texts in it. */
export interface ShadowCopy {
  /** The copy of the folder. */
  root: string;
  dispose(): Promise<void>;
}

/** Folders larger than this are rendered from disk (the unsaved texts wait for a save). */
const MAX_FILES = 2000;

/**
 * Copies `dir` (without dot-folders, node_modules, dist, out) to a temporary folder and writes the
 * unsaved texts of files under it over their copies, so helm or kustomize render what the user sees
 * in the editor without a byte of their folder being written. Undefined when the folder is too large
 * or cannot be copied.
 */
export async function shadowCopy(dir: string, unsaved: ReadonlyMap<string, string>): Promise<ShadowCopy | undefined> {
  if ((await countFiles(dir, MAX_FILES + 1)) > MAX_FILES) return undefined;
  const base = await mkdtemp(join(tmpdir(), 'drydock-unsaved-'));
  const root = join(base, 'p');
  const dispose = (): Promise<void> => rm(base, { recursive: true, force: true }).catch(() => undefined);
  try {
    await cp(dir, root, { recursive: true, filter: (source) => !relative(dir, source).split(sep).some((part) => part !== '' && isSkippedDirectory(part)) });
    for (const [path, text] of unsaved) {
      const rel = relative(dir, path);
      if (rel === '' || rel.startsWith('..')) continue;
      await writeFile(join(root, rel), text);
    }
    return { root, dispose };
  } catch {
    await dispose();
    return undefined;
  }
}

async function countFiles(dir: string, limit: number): Promise<number> {
  let count = 0;
  const walk = async (folder: string): Promise<void> => {
    if (count >= limit) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (count >= limit) return;
      if (entry.isDirectory()) {
        if (!isSkippedDirectory(entry.name)) await walk(join(folder, entry.name));
      } else count++;
    }
  };
  await walk(dir);
  return count;
}
