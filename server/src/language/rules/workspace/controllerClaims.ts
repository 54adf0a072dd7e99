import { isPlainObject } from '../../manifests';
import type { KubeObject } from '../../../simulator/model/source';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * The claims that controllers create, as the dry run creates them (simulator/model/storage/
 * templateClaims.ts; volumes.md §8), so that `ref/pvc-missing` and the dry run agree:
 *   - a StatefulSet's `volumeClaimTemplates`: claim `<template>-<set>-<ordinal>` for each ordinal
 *     (`spec.ordinals.start`, `spec.replicas`, default 1), and its pod's volume named after a
 *     template is replaced by that claim, whatever `claimName` the template wrote;
 *   - generic ephemeral volumes: claim `<pod>-<volume>`, for a bare Pod and a StatefulSet's pods
 *     (`<set>-<ordinal>`); other controllers' pod names are generated, so no reference can name them.
 * Only in the workload's namespace: a claim in another namespace never satisfies a reference.
 */
export function replacedByTemplate(object: KubeObject, volumeName: string | undefined): boolean {
  return object.kind === 'StatefulSet' && volumeName !== undefined && templateNames(object).includes(volumeName);
}

/** Whether a workload of `namespace` in the index creates the claim `name`. */
export function createdByController(index: WorkspaceIndex, namespace: string, name: string): boolean {
  for (const set of index.ofKind('StatefulSet')) {
    if (index.namespaceOf(set.object) !== namespace) continue;
    const setName = set.object.metadata?.name;
    if (typeof setName !== 'string') continue;
    const ordinals = ordinalRange(set.object);
    for (const template of templateNames(set.object)) {
      const ordinal = ordinalAfter(name, `${template}-${setName}-`);
      if (ordinal !== null && ordinal >= ordinals.start && ordinal < ordinals.end) return true;
    }
    for (const volume of ephemeralVolumeNames(set.object)) {
      if (!name.endsWith(`-${volume}`)) continue;
      const ordinal = ordinalAfter(name.slice(0, name.length - volume.length - 1), `${setName}-`);
      if (ordinal !== null && ordinal >= ordinals.start && ordinal < ordinals.end) return true;
    }
  }
  for (const pod of index.ofKind('Pod')) {
    if (index.namespaceOf(pod.object) !== namespace) continue;
    const podName = pod.object.metadata?.name;
    if (typeof podName === 'string' && ephemeralVolumeNames(pod.object).some((volume) => name === `${podName}-${volume}`)) return true;
  }
  return false;
}

function specOf(object: KubeObject): Record<string, unknown> {
  return isPlainObject(object.spec) ? object.spec : {};
}

function templateNames(object: KubeObject): string[] {
  const templates = specOf(object).volumeClaimTemplates;
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => (isPlainObject(t) && isPlainObject(t.metadata) ? t.metadata.name : undefined)).filter((n): n is string => typeof n === 'string');
}

function ephemeralVolumeNames(object: KubeObject): string[] {
  const spec = specOf(object);
  const podSpec = object.kind === 'Pod' ? spec : isPlainObject(spec.template) && isPlainObject(spec.template.spec) ? spec.template.spec : {};
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes : [];
  return volumes.filter((v) => isPlainObject(v) && isPlainObject(v.ephemeral) && typeof v.name === 'string').map((v) => String((v as { name: string }).name));
}

/** The ordinals the StatefulSet controller creates: `[start, start + replicas)`. */
function ordinalRange(object: KubeObject): { start: number; end: number } {
  const spec = specOf(object);
  const start = isPlainObject(spec.ordinals) && typeof spec.ordinals.start === 'number' ? spec.ordinals.start : 0;
  // As the dry run counts them: missing → 1; anything but a non-negative integer → none.
  const replicas = spec.replicas === undefined ? 1 : typeof spec.replicas === 'number' && Number.isInteger(spec.replicas) && spec.replicas > 0 ? spec.replicas : 0;
  return { start, end: start + replicas };
}

/** The decimal ordinal `name` ends with after `prefix` (no sign, no leading zero), or null. */
function ordinalAfter(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const digits = name.slice(prefix.length);
  return /^(0|[1-9][0-9]{0,8})$/.test(digits) ? Number(digits) : null;
}
