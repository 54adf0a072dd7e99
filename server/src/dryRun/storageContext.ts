import type { Manifest } from '../simulator/model/source';

/** The kinds a pod's volumes are resolved against: what another file may define for this file's pods. */
const STORAGE_KINDS: ReadonlySet<string> = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'CSINode']);

/**
 * The storage objects of the other files of the workspace (claims, volumes, classes, CSINodes), which
 * a document dry-run on its own needs: its pods' claims are often defined beside it, not in it, and
 * a claim no manifest defines is, as upstream, a pod that cannot be scheduled. `file`'s own are left out.
 */
export function storageContext(manifests: readonly Manifest[], file: string): Manifest[] {
  return manifests.filter((m) => m.source.file !== file && typeof m.object.kind === 'string' && STORAGE_KINDS.has(m.object.kind));
}
