import { isPlainObject } from '../../manifests';
import { readService } from '../../../simulator/controllers/serviceSpec';
import { selectorFromSet } from '../../../simulator/model/labelSelector';
import type { Manifest } from '../../../simulator/model/source';
import type { WorkspaceIndex } from './workspaceIndex';

const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/**
 * Whether a manifest of another file than the Service's creates pods the Service selects (same
 * namespace, every selector pair among the pod labels; a workload scaled to `replicas: 0` creates
 * none). The editor dry-runs each file on its own, so a Service in one file and its Deployment in
 * another would otherwise get `ref/service-no-pods`.
 */
export function podsSelectedElsewhere(index: WorkspaceIndex, service: Manifest): boolean {
  if (service.object.kind !== 'Service') return false;
  const { selector: set } = readService(service);
  if (!set) return false;
  return index
    .pods()
    .selected(index.namespaceOf(service.object), selectorFromSet(set))
    .some(({ manifest, kind }) => manifest.source.file !== service.source.file && !(SCALABLE_KINDS.has(kind) && isPlainObject(manifest.object.spec) && manifest.object.spec.replicas === 0));
}
