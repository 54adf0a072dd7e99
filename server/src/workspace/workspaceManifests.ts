import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { manifestsOf } from '../language/manifests';
import { locate } from '../language/parse/locate';
import { oversizeReason } from '../language/parse/limits';
import { parseFileSteps, type ParsedFile } from '../language/parse/parseFile';
import type { SourceLocation } from '../protocol/preview';
import type { Manifest, SourceRef } from '../simulator/model/source';
import { sameSource } from '../simulator/model/sameSource';
import { buildLayout, type KnownFile } from '../language/projects/buildLayout';
import { generatedObjects } from '../language/projects/generatedObjects';
import { EMPTY_LAYOUT, fileRole, isChartFile, isKustomizationFile, normalizePath, type ProjectLayout } from '../language/projects/projectLayout';
import { isScannedPath, listYamlFiles, MAX_FILE_BYTES, MAX_WORKSPACE_FILES, readYamlFile, toPath } from './workspaceFiles';

/** The manifests of one workspace file as last read from disk. */
export interface WorkspaceFile {
  uri: string;
  manifests: Manifest[];
  /** The file line (0-based) of each manifest, parallel to `manifests`: click-to-reveal without keeping the parse. */
  lines: number[];
}

/** What the dry run and the cross-resource rules read from the store. */
export interface WorkspaceManifestSource {
  /** Every manifest of the workspace files, except those of the `open` URIs (an open document overrides its file). */
  manifests(open: ReadonlySet<string>): Manifest[];
  /** Where a manifest of a workspace file starts, or null when the store does not know its file. */
  locate(source: SourceRef): SourceLocation | null;
  /** False for a file whose objects are not objects of their own: a chart's template or values, a kustomization, a patch (projectLayout.ts). */
  isManifestUri(uri: string): boolean;
  /** The workspace files that hold Nodes (cluster profiles to choose from), in path order, with how many. */
  clusterFiles(): Array<{ uri: string; nodes: number }>;
}

export interface WorkspaceManifestsDeps {
  log(message: string): void;
  /** The manifests of these files changed (after the first scan: every file it read). */
  onChange(uris: string[]): void;
}

/** Synchronous work between two turns of the event loop: requests keep being answered during a scan. */
const SLICE_MS = 10;

/**
 * The manifests of the workspace's YAML files (not only the open ones), so that cross-resource rules
 * and the workspace preview see a ConfigMap in a file nobody opened. Filled by one asynchronous,
 * time-sliced scan of the workspace folders on start (bounded: MAX_WORKSPACE_FILES files of at most
 * MAX_FILE_BYTES), then kept current from `workspace/didChangeWatchedFiles`. Keeps only the manifests
 * (plain objects) and their lines, never the parse trees. Owned by one server.
 */
export class WorkspaceManifests implements WorkspaceManifestSource {
  private readonly files = new Map<string, WorkspaceFile>();
  /** Bumped on every read or deletion of a URI: a read that finishes after a newer one is dropped. */
  private readonly generations = new Map<string, number>();
  private roots: string[] = [];
  private sliceStart = 0;
  /** The workspace's `Chart.yaml` and kustomization files (the latter with their parse), by URI: the project layout's sources. */
  private readonly projectFiles = new Map<string, KnownFile>();
  private projectLayout: ProjectLayout | undefined = EMPTY_LAYOUT;

  /** The cluster profile's path (the `drydock.cluster` setting, resolved): never one of the manifests. */
  private clusterProfile: string | undefined;

  constructor(private readonly deps: WorkspaceManifestsDeps) {}

  clusterFiles(): Array<{ uri: string; nodes: number }> {
    const result: Array<{ uri: string; nodes: number }> = [];
    for (const [uri, file] of this.files) {
      const nodes = file.manifests.filter((manifest) => manifest.object.kind === 'Node' && (manifest.object.apiVersion ?? 'v1') === 'v1').length;
      if (nodes > 0) result.push({ uri, nodes });
    }
    return result.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** Which file is the cluster profile (undefined: none); its objects are the cluster, not manifests. */
  setClusterProfile(path: string | undefined): void {
    this.clusterProfile = path === undefined ? undefined : normalizePath(path);
  }

  /** Reads every YAML file of the folders (file URIs or paths). Never rejects; logs what it left out. */
  async scan(folders: readonly string[]): Promise<void> {
    this.roots = rootsOf(folders);
    await this.read(this.roots);
  }

  /**
   * The workspace folders changed (`workspace/didChangeWorkspaceFolders`): files outside the new
   * folders are dropped, the added folders are read.
   */
  async foldersChanged(folders: readonly string[]): Promise<void> {
    const roots = rootsOf(folders);
    const added = roots.filter((root) => !this.roots.includes(root));
    this.roots = roots;
    const dropped: string[] = [];
    for (const uri of this.files.keys()) {
      const path = toPath(uri);
      if (!path || !isScannedPath(path, roots)) dropped.push(uri);
    }
    for (const uri of dropped) {
      this.bump(uri);
      this.files.delete(uri);
      this.forgetProjectFile(uri);
    }
    if (dropped.length > 0) this.deps.onChange(dropped);
    await this.read(added);
  }

  private async read(roots: readonly string[]): Promise<void> {
    if (roots.length === 0) return;
    const started = performance.now();
    this.sliceStart = started;
    const { files, truncated } = await listYamlFiles(roots);
    if (truncated) this.deps.log(`Drydock: the workspace has more than ${MAX_WORKSPACE_FILES} YAML files; cross-resource rules and the workspace preview use the first ${MAX_WORKSPACE_FILES}.`);
    const read: string[] = [];
    for (const path of files) {
      const uri = pathToFileURL(path).toString();
      if (await this.load(uri, path)) read.push(uri);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.deps.log(`Drydock: read the manifests of ${this.files.size} of ${files.length} workspace YAML files in ${seconds} s.`);
    this.deps.onChange(read);
  }

  /**
   * A watched file was created, changed (`exists`) or deleted. False when the file is not one the
   * scan reads (outside the workspace folders, in a skipped folder, not YAML): the store ignored it.
   */
  async fileChanged(uri: string, exists: boolean): Promise<boolean> {
    const path = toPath(uri);
    if (!path || !uri.startsWith('file:') || !isScannedPath(path, this.roots)) return false;
    if (!exists) {
      this.bump(uri);
      const wasProjectFile = this.forgetProjectFile(uri);
      if (this.files.delete(uri) || wasProjectFile) this.deps.onChange([uri]);
      return true;
    }
    if (!this.files.has(uri) && this.files.size >= MAX_WORKSPACE_FILES) {
      this.deps.log(`Drydock: ${path} is not read: the workspace already has ${MAX_WORKSPACE_FILES} files with manifests.`);
      return true;
    }
    this.sliceStart = performance.now();
    if (await this.load(uri, path)) this.deps.onChange([uri]);
    return true;
  }

  /** The manifests of one workspace file as last read (none when it is gone, unread, defines none or is not a manifest file of its project). */
  manifestsOfFile(uri: string): readonly Manifest[] {
    return this.isManifestUri(uri) ? (this.files.get(uri)?.manifests ?? []) : [];
  }

  manifests(open: ReadonlySet<string>): Manifest[] {
    const result: Manifest[] = [];
    for (const [uri, file] of this.files) if (!open.has(uri) && this.isManifestUri(uri)) result.push(...file.manifests);
    // The ConfigMaps and Secrets the kustomizations generate (an open kustomization's from its text: documentParsed).
    for (const [uri, file] of this.projectFiles) if (file.parsed) result.push(...generatedObjects(uri, file.parsed));
    return result;
  }

  /** Where the workspace's Helm charts and Kustomize roots are, from the files as last read. */
  layout(): ProjectLayout {
    this.projectLayout ??= buildLayout(this.projectFiles.values());
    return this.projectLayout;
  }

  /**
   * An open document's parse: an open kustomization's patches are those of its text, not of the file on
   * disk (until it is closed: then `fileChanged` reads the file again). False when it is no kustomization.
   */
  documentParsed(uri: string, parsed: ParsedFile): boolean {
    const path = toPath(uri);
    if (!path || !isKustomizationFile(path)) return false;
    this.projectFiles.set(uri, { path, parsed });
    this.projectLayout = undefined;
    return true;
  }

  /**
   * A chart's sources and a kustomization's patches hold no objects of their own (projectLayout.ts);
   * nor do a Component's resources, which only exist inside the overlays that use the component.
   */
  isManifestUri(uri: string): boolean {
    const path = toPath(uri);
    if (path === undefined) return true;
    // The cluster profile's Nodes and Pods are the simulated cluster, not manifests to apply to it.
    if (this.clusterProfile !== undefined && normalizePath(path) === this.clusterProfile) return false;
    const layout = this.layout();
    const role = fileRole(path, layout);
    if (role === 'resource') return !isComponentResource(normalizePath(path), layout);
    return role === 'manifest';
  }

  private forgetProjectFile(uri: string): boolean {
    if (!this.projectFiles.delete(uri)) return false;
    this.projectLayout = undefined;
    return true;
  }

  locate(source: SourceRef): SourceLocation | null {
    const file = this.files.get(source.file);
    if (!file) return null;
    const at = file.manifests.findIndex((m) => sameSource(m.source, source));
    const line = at === -1 ? file.lines[file.manifests.findIndex((m) => m.source.document === source.document)] : file.lines[at];
    return line === undefined ? null : { uri: source.file, line };
  }

  /** Reads and parses one file into the store; true when it was current (no newer read or deletion started meanwhile). */
  private async load(uri: string, path: string): Promise<boolean> {
    const generation = this.bump(uri);
    const read = await readYamlFile(path);
    if (this.generations.get(uri) !== generation) return false;
    let file: (WorkspaceFile & { kustomization?: ParsedFile }) | undefined;
    if (read.kind === 'too-large') {
      this.deps.log(`Drydock: ${path} is not read (${(read.bytes / (1024 * 1024)).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB).`);
    } else if (read.kind === 'text') {
      const oversize = oversizeReason(read.text);
      if (oversize) this.deps.log(`Drydock: ${path} is not read. ${oversize}`);
      else file = await this.parse(uri, read.text, isKustomizationFile(path));
    }
    if (this.generations.get(uri) !== generation) return false;
    if (file && file.manifests.length > 0) this.files.set(uri, { uri, manifests: file.manifests, lines: file.lines });
    else this.files.delete(uri);
    if (isChartFile(path) || isKustomizationFile(path)) {
      this.projectFiles.set(uri, { path, parsed: file?.kustomization });
      this.projectLayout = undefined;
    }
    return true;
  }

  /** `parseFile`, one chunk at a time, handing the event loop back every SLICE_MS. */
  private async parse(uri: string, text: string, keepParse: boolean): Promise<WorkspaceFile & { kustomization?: ParsedFile }> {
    const steps = parseFileSteps(text);
    let parsed: ParsedFile;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        parsed = step.value;
        break;
      }
      await this.pause();
    }
    const manifests = manifestsOf(uri, parsed);
    const lines = manifests.map((m) => {
      const doc = parsed.documents[m.source.document];
      try {
        return doc.chunk.line + locate(doc, m.source.path, 'key').range.start.line;
      } catch {
        return doc.chunk.line;
      }
    });
    await this.pause();
    return { uri, manifests, lines, ...(keepParse ? { kustomization: parsed } : {}) };
  }

  private async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }

  private bump(uri: string): number {
    const next = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, next);
    return next;
  }
}

function rootsOf(folders: readonly string[]): string[] {
  return folders.map(toPath).filter((p): p is string => p !== undefined);
}

function isComponentResource(path: string, layout: ProjectLayout): boolean {
  for (const inputs of layout.kustomizeRoots.values()) if (inputs.kind === 'Component' && inputs.local.includes(path)) return true;
  return false;
}
