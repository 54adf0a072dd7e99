import { isRecord, toLabels } from '../labelSelector';
import type { PodSpec } from '../pod';
import { addStorageObject, type StorageObjects } from './storageObjects';

/**
 * Claims created by controllers from templates (volumes.md §8):
 *   - StatefulSet `volumeClaimTemplates` (`getPersistentVolumeClaimName`, `updateStorage`): ordinal
 *     *i* gets claim `<template>-<set>-<i>` in the set's namespace, labelled with the template's
 *     labels plus the set's `selector.matchLabels`; the pod gets a volume named after the template
 *     pointing at it (replacing a template volume of the same name);
 *   - generic ephemeral volumes: claim `<pod>-<volume>` from `ephemeral.volumeClaimTemplate`.
 * A claim that already exists (profile or manifests) is used as is.
 */
export function statefulSetClaims(storage: StorageObjects, templates: unknown, setName: string, ordinal: number, namespace: string, matchLabels: Record<string, string>, spec: PodSpec): PodSpec {
  if (!Array.isArray(templates) || templates.length === 0) return spec;
  const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : [];
  const byName = new Map<string, unknown>(volumes.map((v) => [String(v.name), v]));
  for (const template of templates) {
    if (!isRecord(template)) continue;
    const metadata = isRecord(template.metadata) ? template.metadata : {};
    if (typeof metadata.name !== 'string') continue;
    const claimName = `${metadata.name}-${setName}-${ordinal}`;
    addStorageObject(storage, { ...template, kind: 'PersistentVolumeClaim', metadata: { ...metadata, name: claimName, namespace, labels: { ...toLabels(metadata.labels), ...matchLabels } } }, namespace);
    byName.set(metadata.name, { name: metadata.name, persistentVolumeClaim: { claimName } });
  }
  return { ...spec, volumes: [...byName.values()] };
}

export function ephemeralClaims(storage: StorageObjects, spec: PodSpec, podName: string, namespace: string): void {
  if (!Array.isArray(spec.volumes)) return;
  for (const volume of spec.volumes) {
    if (!isRecord(volume) || !isRecord(volume.ephemeral) || typeof volume.name !== 'string') continue;
    const template = isRecord(volume.ephemeral.volumeClaimTemplate) ? volume.ephemeral.volumeClaimTemplate : {};
    const metadata = isRecord(template.metadata) ? template.metadata : {};
    addStorageObject(storage, { kind: 'PersistentVolumeClaim', metadata: { ...metadata, name: `${podName}-${volume.name}`, namespace }, spec: template.spec }, namespace);
  }
}
