import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrdRegistry } from '../language/crd/crdRegistry';
import { manifestsOf } from '../language/manifests';
import { parseChunk } from '../language/parse/parseChunk';
import { splitDocuments } from '../language/parse/splitDocuments';
import { oversizeReason } from '../language/parse/limits';
import { stripBom } from '../language/parse/stripBom';
import type { Manifest } from '../simulator/model/source';
import { isYamlFile, listYamlFiles, readYamlFile, toPath } from './workspaceFiles';

const MENTIONS_CRD = 'CustomResourceDefinition';

/**
 * Feeds the language service's CRD registry: from open documents as they change, from the files of
 * the workspace folders (read once by the workspace manifest store, which hands their manifests
 * over), and from the YAML files of `drydock.crdFolders` (scanned on start and when the setting
 * changes). Calls `onChange` when the set of known CRDs changed, so open documents are validated
 * again. The registry and the language service never touch the disk.
 */
export class CustomResourceFeed {
  constructor(
    private readonly registry: CrdRegistry,
    private readonly onChange: () => void,
  ) {}

  /**
   * An open document's text: the CRDs it defines replace those of its file. Only its documents that
   * name CustomResourceDefinition are parsed (this runs on every keystroke, before validation parses
   * the whole file: a 2,000-document file with one CRD in it was parsed twice per keystroke).
   */
  documentChanged(uri: string, text: string): void {
    if (!this.registry.defines(uri) && !text.includes(MENTIONS_CRD)) return;
    const manifests = oversizeReason(text) ? [] : crdManifestsOf(uri, stripBom(text));
    if (this.registry.setFile(uri, manifests)) this.onChange();
  }

  /** Workspace files as read from disk (an empty list: the file is gone or defines nothing). One `onChange` for the batch. */
  filesRead(files: Iterable<{ uri: string; manifests: readonly Manifest[] }>): void {
    let changed = false;
    for (const { uri, manifests } of files) {
      if (!this.registry.defines(uri) && !manifests.some((m) => m.object.kind === MENTIONS_CRD)) continue;
      if (this.registry.setFile(uri, manifests)) changed = true;
    }
    if (changed) this.onChange();
  }

  /** A watched file the workspace store does not read (e.g. in a dot-folder named by `drydock.crdFolders`) was created, changed or deleted. */
  async fileChanged(uri: string, exists: boolean): Promise<void> {
    const path = toPath(uri);
    if (!path || !isYamlFile(path)) return;
    this.filesRead([{ uri, manifests: exists ? await this.readManifests(path, uri) : [] }]);
  }

  /** Scans the `drydock.crdFolders` (paths; relative ones against the first workspace folder) for CRDs. */
  async scan(workspaceFolders: readonly string[], extraFolders: readonly string[]): Promise<void> {
    if (extraFolders.length === 0) return;
    const base = workspaceFolders.map(toPath).find((p): p is string => p !== undefined) ?? process.cwd();
    const { files } = await listYamlFiles(extraFolders.map((f) => (isAbsolute(f) ? f : resolve(base, f))));
    const read: Array<{ uri: string; manifests: Manifest[] }> = [];
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      read.push({ uri, manifests: await this.readManifests(file, uri) });
    }
    this.filesRead(read);
  }

  private async readManifests(path: string, uri: string): Promise<Manifest[]> {
    const read = await readYamlFile(path);
    if (read.kind !== 'text' || !read.text.includes(MENTIONS_CRD) || oversizeReason(read.text)) return [];
    return crdManifestsOf(uri, read.text);
  }
}

/** The manifests of the documents of `text` that mention CustomResourceDefinition (no other document can define one). */
function crdManifestsOf(uri: string, text: string): Manifest[] {
  const documents = splitDocuments(text)
    .filter((chunk) => chunk.text.includes(MENTIONS_CRD))
    .flatMap((chunk) => parseChunk(chunk));
  return manifestsOf(uri, { text, documents });
}
