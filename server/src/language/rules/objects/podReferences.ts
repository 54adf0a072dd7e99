import { isPlainObject } from '../../manifests';
import type { FieldPath, KubeObject } from '../../../simulator/model/source';
import { containersOf, podSpecOf } from './podSpecs';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

/** A pod's reference to another object in its namespace, with the path of the name field. */
export interface PodReference {
  kind: ReferencedKind;
  name: string;
  path: FieldPath;
}

/** An object's references, found once: a parsed object is never changed, and an edit elsewhere keeps it (the parse cache). */
const found = new WeakMap<KubeObject, readonly PodReference[]>();

/**
 * Every required reference of a workload's pod spec to a ConfigMap, Secret, PersistentVolumeClaim
 * or ServiceAccount. References marked `optional: true` are left out: a missing one is not an error.
 */
export function podReferencesOf(object: KubeObject): readonly PodReference[] {
  let refs = found.get(object);
  if (!refs) {
    refs = findPodReferences(object);
    found.set(object, refs);
  }
  return refs;
}

function findPodReferences(object: KubeObject): PodReference[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const refs: PodReference[] = [];
  const add = (kind: ReferencedKind, holder: unknown, field: string, path: FieldPath): void => {
    if (!isPlainObject(holder) || holder.optional === true) return;
    const name = holder[field];
    if (typeof name === 'string' && name !== '') refs.push({ kind, name, path: [...path, field] });
  };
  const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  if (typeof account === 'string' && account !== '' && account !== 'default') {
    refs.push({ kind: 'ServiceAccount', name: account, path: [...pod.path, pod.spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount'] });
  }
  const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
  volumes.forEach((volume, index) => {
    if (!isPlainObject(volume)) return;
    const path = [...pod.path, 'volumes', index];
    add('ConfigMap', volume.configMap, 'name', [...path, 'configMap']);
    add('Secret', volume.secret, 'secretName', [...path, 'secret']);
    add('PersistentVolumeClaim', volume.persistentVolumeClaim, 'claimName', [...path, 'persistentVolumeClaim']);
    const sources = isPlainObject(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources : [];
    sources.forEach((source, s) => {
      if (!isPlainObject(source)) return;
      add('ConfigMap', source.configMap, 'name', [...path, 'projected', 'sources', s, 'configMap']);
      add('Secret', source.secret, 'name', [...path, 'projected', 'sources', s, 'secret']);
    });
  });
  for (const { path, container } of containersOf(pod)) {
    const envFrom = Array.isArray(container.envFrom) ? container.envFrom : [];
    envFrom.forEach((source, index) => {
      if (!isPlainObject(source)) return;
      add('ConfigMap', source.configMapRef, 'name', [...path, 'envFrom', index, 'configMapRef']);
      add('Secret', source.secretRef, 'name', [...path, 'envFrom', index, 'secretRef']);
    });
    const env = Array.isArray(container.env) ? container.env : [];
    env.forEach((variable, index) => {
      if (!isPlainObject(variable) || !isPlainObject(variable.valueFrom)) return;
      add('ConfigMap', variable.valueFrom.configMapKeyRef, 'name', [...path, 'env', index, 'valueFrom', 'configMapKeyRef']);
      add('Secret', variable.valueFrom.secretKeyRef, 'name', [...path, 'env', index, 'valueFrom', 'secretKeyRef']);
    });
  }
  return refs;
}
