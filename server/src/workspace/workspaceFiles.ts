import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripBom } from '../language/parse/stripBom';
import { decodeUtf8 } from '../textFiles';

/**
 * How the server finds and reads the YAML files of the workspace (for the CRD registry and the
 * workspace manifest store): one walk, one set of skipped folders, one set of bounds.
 */

/** At most this many YAML files are read from the workspace folders (the others are left out, and the log says so). */
export const MAX_WORKSPACE_FILES = 5000;
/** Files larger than this are not read (the log says so). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Build outputs and dependencies; every dot-folder (`.git`, `.vscode-test`…) is skipped too. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out']);
const YAML_FILE = /\.ya?ml$/i;
/** Kustomize also reads a kustomization from a file named `Kustomization`, without an extension. */
const KUSTOMIZATION_WITHOUT_EXTENSION = /(^|[\\/])Kustomization$/;

/** A file the workspace scan reads: `.yaml` / `.yml`, and a `Kustomization`. */
export function isYamlFile(pathOrUri: string): boolean {
  return YAML_FILE.test(pathOrUri) || KUSTOMIZATION_WITHOUT_EXTENSION.test(pathOrUri);
}

export function isSkippedDirectory(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIRECTORIES.has(name);
}

/** A folder or file given as a `file:` URI or a path, as a path (undefined for other URI schemes). */
export function toPath(folder: string): string | undefined {
  try {
    if (folder.startsWith('file:')) return fileURLToPath(folder);
    return /^[a-z][a-z0-9+.-]+:/i.test(folder) && !isAbsolute(folder) ? undefined : folder;
  } catch {
    return undefined;
  }
}

/** Whether a walk of `roots` reads `path`: a YAML file under one of them, in no skipped folder. */
export function isScannedPath(path: string, roots: readonly string[]): boolean {
  if (!isYamlFile(path)) return false;
  return roots.some((root) => {
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const folders = rel.split(sep).slice(0, -1);
    return !folders.some(isSkippedDirectory);
  });
}

export interface YamlFileList {
  files: string[];
  /** More YAML files exist than `limit`: the walk stopped there. */
  truncated: boolean;
}

/** The YAML files under `folders` (paths), depth first in directory order, at most `limit` of them. Unreadable folders are skipped. */
export async function listYamlFiles(folders: readonly string[], limit = MAX_WORKSPACE_FILES): Promise<YamlFileList> {
  const list: YamlFileList = { files: [], truncated: false };
  for (const folder of folders) await collect(folder, list, limit);
  return list;
}

async function collect(folder: string, list: YamlFileList, limit: number): Promise<void> {
  if (list.truncated) return;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (list.truncated) return;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDirectory(entry.name)) await collect(path, list, limit);
    } else if (entry.isFile() && isYamlFile(entry.name)) {
      if (list.files.length >= limit) list.truncated = true;
      else list.files.push(path);
    }
  }
}

/** A YAML file's text (BOM stripped), or why it was not read. */
export type YamlFileRead = { kind: 'text'; text: string } | { kind: 'too-large'; bytes: number } | { kind: 'unreadable' };

/** Reads one file within the size bound. Never throws: a missing or unreadable file is `unreadable`. */
export async function readYamlFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<YamlFileRead> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'unreadable' };
    if (info.size > maxBytes) return { kind: 'too-large', bytes: info.size };
    return { kind: 'text', text: stripBom(decodeUtf8(await readFile(path))) };
  } catch {
    return { kind: 'unreadable' };
  }
}
