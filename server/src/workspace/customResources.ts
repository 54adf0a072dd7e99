import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrdRegistry } from '../language/crd/crdRegistry';
import { manifestsOf } from '../language/manifests';
import { parseChunk } from '../language/parse/parseChunk';
import type { DocumentChunk } from '../language/parse/splitDocuments';
import { chunkAround } from '../language/parse/chunkAround';
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

  /** The texts of the CRD documents last read from each open document, joined: unchanged, nothing to parse. */
  private readonly openCrdTexts = new Map<string, string>();

  /**
   * An open document's text: the CRDs it defines replace those of its file. This runs on every
   * keystroke, before validation parses the whole file (a 2,000-document file with one CRD in it was
   * parsed twice per keystroke): only the documents that name CustomResourceDefinition are cut out
   * (around each mention, not by splitting the file), and parsed only when their text changed.
   */
  documentChanged(uri: string, text: string): void {
    if (!this.registry.defines(uri) && !text.includes(MENTIONS_CRD)) return;
    const chunks = oversizeReason(text) ? [] : crdChunksOf(stripBom(text));
    const texts = chunks.map((chunk) => chunk.text).join('\n');
    if (this.openCrdTexts.get(uri) === texts) return;
    this.openCrdTexts.set(uri, texts);
    if (this.registry.setFile(uri, manifestsOfChunks(uri, text, chunks))) this.onChange();
  }

  /** An open document was closed: its CRDs stay until its file is read again; what was read of its text is forgotten. */
  documentClosed(uri: string): void {
    this.openCrdTexts.delete(uri);
  }

  /** Workspace files as read from disk (an empty list: the file is gone or defines nothing). One `onChange` for the batch. */
  filesRead(files: Iterable<{ uri: string; manifests: readonly Manifest[] }>): void {
    let changed = false;
    for (const { uri, manifests } of files) {
      this.openCrdTexts.delete(uri);
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
    return manifestsOfChunks(uri, read.text, crdChunksOf(read.text));
  }
}

/**
 * The documents of `text` that mention CustomResourceDefinition (no other document can define one),
 * each cut around a mention as splitDocuments would cut it. Their `line` is left at 0: only the CRDs'
 * schemas are read from them, never a position.
 */
function crdChunksOf(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  for (let at = text.indexOf(MENTIONS_CRD); at !== -1; ) {
    const chunk = chunkAround(text, at);
    chunks.push({ ...chunk, line: 0 });
    at = text.indexOf(MENTIONS_CRD, chunk.offset + chunk.text.length);
  }
  return chunks;
}

/** The manifests of some documents of a file (parsed here). */
function manifestsOfChunks(uri: string, text: string, chunks: readonly DocumentChunk[]): Manifest[] {
  return manifestsOf(uri, { text, documents: chunks.flatMap((chunk) => parseChunk(chunk)) });
}
