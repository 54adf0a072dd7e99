import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CrdRegistry } from '../language/crd/crdRegistry';
import { manifestsOf } from '../language/manifests';
import { parseFile } from '../language/parse/parseFile';
import { oversizeReason } from '../language/parse/limits';
import { stripBom } from '../cli/inputs';
import type { Manifest } from '../simulator/model/source';

const MAX_FILES = 5000;
const MAX_BYTES = 2 * 1024 * 1024;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const YAML_FILE = /\.ya?ml$/i;
const MENTIONS_CRD = 'CustomResourceDefinition';

/**
 * Feeds the language service's CRD registry: from open documents as they change, and from the YAML
 * files of the workspace folders and of `drydock.crdFolders` (scanned on start and when watched
 * files change). Calls `onChange` when the set of known CRDs changed, so open documents are
 * validated again. All IO is here; the registry and the language service never touch the disk.
 */
export class CustomResourceFeed {
  constructor(
    private readonly registry: CrdRegistry,
    private readonly onChange: () => void,
  ) {}

  /** An open document's text: the CRDs it defines replace those of its file. */
  documentChanged(uri: string, text: string): void {
    if (!this.registry.defines(uri) && !text.includes(MENTIONS_CRD)) return;
    const manifests = oversizeReason(text) ? [] : manifestsOf(uri, parseFile(stripBom(text)));
    if (this.registry.setFile(uri, manifests)) this.onChange();
  }

  /** A watched file was created, changed (`exists`) or deleted. */
  async fileChanged(uri: string, exists: boolean): Promise<void> {
    if (!YAML_FILE.test(uri)) return;
    const changed = exists ? this.registry.setFile(uri, await this.readManifests(uri)) : this.registry.deleteFile(uri);
    if (changed) this.onChange();
  }

  /** Scans folders (file URIs or paths; relative paths against the first workspace folder) for CRDs. */
  async scan(workspaceFolders: readonly string[], extraFolders: readonly string[]): Promise<void> {
    const roots = workspaceFolders.map(toPath).filter((p): p is string => p !== undefined);
    const base = roots[0] ?? process.cwd();
    const folders = [...roots, ...extraFolders.map((f) => (isAbsolute(f) ? f : resolve(base, f)))];
    const files: string[] = [];
    for (const folder of folders) await collectYamlFiles(folder, files);
    let changed = false;
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (this.registry.setFile(uri, await this.readManifests(uri))) changed = true;
    }
    if (changed) this.onChange();
  }

  private async readManifests(uri: string): Promise<Manifest[]> {
    try {
      const path = fileURLToPath(uri);
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_BYTES) return [];
      const text = await readFile(path, 'utf8');
      if (!text.includes(MENTIONS_CRD)) return [];
      return manifestsOf(uri, parseFile(stripBom(text)));
    } catch {
      return [];
    }
  }
}

function toPath(folder: string): string | undefined {
  try {
    return folder.startsWith('file:') ? fileURLToPath(folder) : folder;
  } catch {
    return undefined;
  }
}

async function collectYamlFiles(folder: string, files: string[]): Promise<void> {
  if (files.length >= MAX_FILES) return;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (files.length >= MAX_FILES) return;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await collectYamlFiles(path, files);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(path);
  }
}
