import { isPlainObject } from '../../manifests';
import { readService } from '../../../simulator/controllers/serviceSpec';
import { selectorFromSet, toLabels } from '../../../simulator/model/labelSelector';
import type { KubeObject, Manifest } from '../../../simulator/model/source';
import { podTemplatePathOf, valueAt } from '../objects/podSpecs';
import type { WorkspaceIndex } from './workspaceIndex';

/** Kinds whose objects are pods or create them from a template. */
const POD_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
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
  const selector = selectorFromSet(set);
  const namespace = index.namespaceOf(service.object);
  for (const kind of POD_KINDS) {
    for (const manifest of index.ofKind(kind)) {
      if (manifest.source.file === service.source.file || index.namespaceOf(manifest.object) !== namespace) continue;
      const labels = podLabelsOf(manifest.object);
      if (labels && selector.matches(labels)) return true;
    }
  }
  return false;
}

/** The labels of the pods an object is or creates (undefined when it creates none). */
function podLabelsOf(object: KubeObject): Record<string, string> | undefined {
  if (object.kind === 'Pod') return toLabels(object.metadata?.labels);
  if (typeof object.kind === 'string' && SCALABLE_KINDS.has(object.kind) && isPlainObject(object.spec) && object.spec.replicas === 0) return undefined;
  const template = podTemplatePathOf(object);
  return template ? toLabels(valueAt(object, [...template, 'metadata', 'labels'])) : undefined;
}
