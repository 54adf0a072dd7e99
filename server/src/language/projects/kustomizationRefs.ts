import { posix } from 'node:path';
import { isPlainObject } from '../manifests';
import { normalizePath } from './projectLayout';

/**
 * The patch files a kustomization lists, resolved against its directory: `patches[].path` and
 * `patchesStrategicMerge` entries that are paths (an inline patch, with a newline or a `:`, is not).
 * `value` is the kustomization's parsed YAML (anything: a malformed file lists nothing).
 */
export function kustomizationPatchFiles(kustomizationPath: string, value: unknown): string[] {
  if (!isPlainObject(value)) return [];
  const dir = posix.dirname(normalizePath(kustomizationPath));
  const refs: string[] = [];
  if (Array.isArray(value.patches)) {
    for (const patch of value.patches) if (isPlainObject(patch) && typeof patch.path === 'string') refs.push(patch.path);
  }
  if (Array.isArray(value.patchesStrategicMerge)) {
    for (const entry of value.patchesStrategicMerge) if (typeof entry === 'string' && !/[\n:]/.test(entry)) refs.push(entry);
  }
  return refs.map((ref) => normalizePath(posix.join(dir, ref)));
}
