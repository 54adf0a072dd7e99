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

/** What a kustomization builds on: local resources and components (files or directories, resolved), and remote ones (as written). */
export interface KustomizationInputs {
  kind: 'Kustomization' | 'Component';
  local: string[];
  remote: string[];
}

/** A resource kustomize would fetch: a URL, a `git@` / `github.com/…` address, or a `?ref=` pin. */
export function isRemoteResource(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^git@/.test(ref) || /^(github|gitlab|bitbucket)\.(com|org)\//.test(ref) || /[?&]ref=/.test(ref) || /^git::/.test(ref);
}

/** The resources (and legacy `bases`) and components of a kustomization, resolved against its directory. */
export function kustomizationInputs(kustomizationPath: string, value: unknown): KustomizationInputs {
  const kind = isPlainObject(value) && value.kind === 'Component' ? 'Component' : 'Kustomization';
  const inputs: KustomizationInputs = { kind, local: [], remote: [] };
  if (!isPlainObject(value)) return inputs;
  const dir = posix.dirname(normalizePath(kustomizationPath));
  for (const field of ['resources', 'bases', 'components']) {
    const list = value[field];
    if (!Array.isArray(list)) continue;
    for (const ref of list) {
      if (typeof ref !== 'string' || ref.trim() === '') continue;
      if (isRemoteResource(ref)) inputs.remote.push(ref);
      else inputs.local.push(normalizePath(posix.join(dir, ref)));
    }
  }
  return inputs;
}
