import { dirname, join, relative, isAbsolute } from 'node:path';
import { readDrydockConfig, type DrydockConfig } from '../language/config/drydockConfig';
import { DRYDOCK_CONFIG_NAMES } from '../language/config/drydockConfigSchema';
import { parseFile } from '../language/parse/parseFile';
import { normalizePath } from '../language/projects/projectLayout';
import type { FolderConfig } from '../settingsWithConfig';
import { readYamlFile, toPath } from './workspaceFiles';

/**
 * The `.drydock.yaml` of each workspace folder (at its root), read on start, again when the file
 * changes on disk, and from the editor's text while it is open (so an edit applies as it is typed).
 * Tells its owner when what any folder's configuration says has changed.
 */
export class DrydockConfigs {
  private folders: string[] = [];
  private readonly byFolder = new Map<string, { config: DrydockConfig; key: string }>();
  /** Open configuration documents: their text by path. */
  private readonly openTexts = new Map<string, string>();

  constructor(private readonly changed: () => void) {}

  /** The workspace folders (URIs) changed: read each one's configuration. */
  async setFolders(folderUris: readonly string[]): Promise<void> {
    this.folders = folderUris.map((uri) => toPath(uri)).filter((path): path is string => path !== undefined).map(normalizePath);
    let changed = false;
    for (const folder of [...this.byFolder.keys()]) {
      if (!this.folders.includes(folder)) changed = this.byFolder.delete(folder) || changed;
    }
    for (const folder of this.folders) changed = (await this.read(folder)) || changed;
    if (changed) this.changed();
  }

  /** Whether `uri` is the configuration of a workspace folder. */
  isConfig(uri: string): boolean {
    const path = toPath(uri);
    return path !== undefined && this.folderOf(path) !== undefined;
  }

  /** An open configuration's text (undefined: closed, read from disk again). */
  async documentChanged(uri: string, text: string | undefined): Promise<void> {
    const path = toPath(uri);
    const folder = path && this.folderOf(path);
    if (!path || !folder) return;
    if (text === undefined) this.openTexts.delete(normalizePath(path));
    else this.openTexts.set(normalizePath(path), text);
    if (await this.read(folder)) this.changed();
  }

  /** A configuration changed on disk (an open one is read from its text). */
  async fileChanged(uri: string): Promise<void> {
    const path = toPath(uri);
    const folder = path && this.folderOf(path);
    if (folder && (await this.read(folder))) this.changed();
  }

  /** The configuration of the first workspace folder that has one: the folder-wide settings come from it. */
  primary(): FolderConfig | undefined {
    for (const folder of this.folders) {
      const entry = this.byFolder.get(folder);
      if (entry) return { folder, config: entry.config };
    }
    return undefined;
  }

  /** The configuration that applies to the file at `path`: its workspace folder's (the innermost). */
  forPath(path: string): FolderConfig | undefined {
    const file = normalizePath(path);
    let best: string | undefined;
    for (const folder of this.byFolder.keys()) {
      const rel = relative(folder, file);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel) && (!best || folder.length > best.length)) best = folder;
    }
    const entry = best === undefined ? undefined : this.byFolder.get(best);
    return best !== undefined && entry ? { folder: best, config: entry.config } : undefined;
  }

  private folderOf(path: string): string | undefined {
    const file = normalizePath(path);
    const folder = normalizePath(dirname(file));
    return this.folders.includes(folder) && DRYDOCK_CONFIG_NAMES.some((name) => normalizePath(join(folder, name)) === file) ? folder : undefined;
  }

  /** Reads a folder's configuration (open text first, then disk, `.drydock.yaml` before `.drydock.yml`); true when it changed. */
  private async read(folder: string): Promise<boolean> {
    let text: string | undefined;
    for (const name of DRYDOCK_CONFIG_NAMES) {
      const path = normalizePath(join(folder, name));
      text = this.openTexts.get(path);
      if (text === undefined) {
        const read = await readYamlFile(path);
        if (read.kind === 'text') text = read.text;
      }
      if (text !== undefined) break;
    }
    const previous = this.byFolder.get(folder);
    if (text === undefined) return this.byFolder.delete(folder);
    const value = parseFile(text).documents.find((doc) => doc.value !== undefined && doc.value !== null)?.value;
    const config = readDrydockConfig(value);
    const key = JSON.stringify(config);
    if (previous?.key === key) return false;
    this.byFolder.set(folder, { config, key });
    return true;
  }
}
