import type { PreviewDuplicate, PreviewFile } from '../protocol/preview';
import type { Manifest } from '../simulator/model/source';
import { namespaceOf, objectIdentity } from './lastApplied';

/** The most objects the note lists; a workspace with more copies than that has a bigger problem than the note. */
export const MAX_LISTED_DUPLICATES = 200;

/**
 * The objects that more than one file of a preview defines (`manifests` in apply order), each with
 * its files in apply order and the file of the copy simulated (the last one applied, as `lastApplied`
 * keeps). Copies within one file are left to the `sim/duplicate-object` finding.
 *
 * Example: shop/web in network/workloads.yaml and rollout/new/web.yaml →
 * `{ kind: 'Deployment', namespace: 'shop', name: 'web', files: [network/…, rollout/new/…], simulated: <rollout/new/web.yaml> }`.
 */
export function previewDuplicates(manifests: readonly Manifest[], workspaceFolders: readonly string[]): PreviewDuplicate[] {
  const files = new Map<string, { manifest: Manifest; files: string[] }>();
  for (const manifest of manifests) {
    const identity = objectIdentity(manifest);
    if (identity === undefined) continue;
    const entry = files.get(identity);
    if (!entry) files.set(identity, { manifest, files: [manifest.source.file] });
    // In apply order a file's copies are together: a file is new when it is not the last one listed.
    else if (entry.files[entry.files.length - 1] !== manifest.source.file) entry.files.push(manifest.source.file);
  }
  const duplicates: PreviewDuplicate[] = [];
  for (const { manifest, files: copies } of files.values()) {
    if (copies.length < 2) continue;
    if (duplicates.length === MAX_LISTED_DUPLICATES) break;
    duplicates.push({
      kind: String(manifest.object.kind),
      namespace: namespaceOf(manifest),
      name: String(manifest.object.metadata?.name),
      files: copies.map((uri) => previewFile(uri, workspaceFolders)),
      simulated: copies[copies.length - 1],
    });
  }
  return duplicates;
}

/** A file with its path relative to the workspace folder that holds it (the deepest), else its name. */
export function previewFile(uri: string, workspaceFolders: readonly string[]): PreviewFile {
  let relative: string | null = null;
  for (const folder of workspaceFolders) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (uri.startsWith(prefix) && (relative === null || uri.length - prefix.length < relative.length)) relative = uri.slice(prefix.length);
  }
  return { uri, label: decoded(relative ?? uri.slice(uri.lastIndexOf('/') + 1)) };
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
