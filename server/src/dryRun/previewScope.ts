import type { Manifest } from '../simulator/model/source';
import { lastApplied, objectIdentity } from './lastApplied';

/**
 * Which manifests a `folder` or `workspace` preview simulates, and which rollout baselines go with them.
 *
 * Scope `folder` is the previewed document's folder and every folder below it, as
 * `kubectl apply -R -f <folder>` takes them: files by path, then their documents. A preview of
 * `rollout/new/api.yaml` in folder scope simulates `rollout/new/*` and never `rollout/old/*` or
 * `network/*`.
 */

/** The folder of a file URI, without the trailing slash: `file:///ws/rollout/new/api.yaml` → `file:///ws/rollout/new`. */
export function folderOf(uri: string): string {
  const at = uri.lastIndexOf('/');
  return at > 0 ? uri.slice(0, at) : uri;
}

/** Whether `file` is in `folder` or a folder below it. */
export function isInFolder(file: string, folder: string): boolean {
  return file.startsWith(`${folder}/`);
}

/** Manifests of several files in the order `kubectl apply -f` applies them: by file path, then document (a stable sort). */
export function inApplyOrder(manifests: readonly Manifest[]): Manifest[] {
  return [...manifests].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0));
}

/** The manifests of the folder of `uri` and below, in apply order. */
export function folderManifests(known: readonly Manifest[], uri: string): Manifest[] {
  const folder = folderOf(uri);
  return inApplyOrder(known.filter((manifest) => isInFolder(manifest.source.file, folder)));
}

/**
 * The baselines that belong to what is simulated: a document's baseline copy of an object is kept
 * only when the copy simulated is that document's own. When another file defines the same object and
 * is applied after it, the simulated copy is that file's, and comparing it with this document's
 * baseline would roll out a "change" between two unrelated files.
 */
export function baselinesOfSimulated(baselines: readonly Manifest[], simulated: readonly Manifest[]): Manifest[] {
  const simulatedFile = new Map<string, string>();
  for (const manifest of lastApplied(simulated).manifests) {
    const identity = objectIdentity(manifest);
    if (identity !== undefined) simulatedFile.set(identity, manifest.source.file);
  }
  return baselines.filter((manifest) => {
    const identity = objectIdentity(manifest);
    const file = identity === undefined ? undefined : simulatedFile.get(identity);
    return file === undefined || file === manifest.source.file;
  });
}
