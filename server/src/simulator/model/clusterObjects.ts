import { isRecord, toLabels } from './labelSelector';
import { namespaceOf } from './podFromObject';
import type { Manifest } from './source';
import { addStorageObject, emptyStorageObjects, type StorageObjects } from './storage/storageObjects';

/**
 * The non-workload objects that change where pods go: Namespaces (labels, for
 * `namespaceSelector`), PriorityClasses (queue order), Services (default topology spreading) and
 * RuntimeClasses (overhead, nodeSelector and tolerations added at admission). Collected from the
 * cluster profile and from the user's manifests; a later definition of the same name wins, as
 * `kubectl apply` would leave it.
 */
export interface PriorityClassInfo {
  name: string;
  value: number;
  globalDefault: boolean;
  preemptionPolicy: string;
}

export interface ServiceInfo {
  namespace: string;
  name: string;
  /** `spec.selector`; services without one select no pod. */
  selector: Record<string, string> | null;
}

export interface RuntimeClassInfo {
  name: string;
  overhead: Record<string, unknown> | null;
  nodeSelector: Record<string, string>;
  tolerations: unknown[];
}

export interface ClusterObjects {
  /** Namespace name → labels (every namespace also carries `kubernetes.io/metadata.name`). */
  namespaces: Map<string, Record<string, string>>;
  priorityClasses: Map<string, PriorityClassInfo>;
  services: ServiceInfo[];
  runtimeClasses: Map<string, RuntimeClassInfo>;
  /** StorageClasses, PersistentVolumes, PersistentVolumeClaims, CSINodes (model/storage). */
  storage: StorageObjects;
}

/** The classes every cluster has (`scheduling.k8s.io` built-ins). */
const BUILT_IN_PRIORITY_CLASSES: PriorityClassInfo[] = [
  { name: 'system-node-critical', value: 2000001000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' },
  { name: 'system-cluster-critical', value: 2000000000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' },
];

const BUILT_IN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function emptyClusterObjects(): ClusterObjects {
  const objects: ClusterObjects = { namespaces: new Map(), priorityClasses: new Map(), services: [], runtimeClasses: new Map(), storage: emptyStorageObjects() };
  for (const pc of BUILT_IN_PRIORITY_CLASSES) objects.priorityClasses.set(pc.name, { ...pc });
  for (const ns of BUILT_IN_NAMESPACES) objects.namespaces.set(ns, namespaceLabels(ns, undefined));
  return objects;
}

/** Adds the objects of these manifests; returns true for the manifests it consumed. */
export function addClusterObject(objects: ClusterObjects, manifest: Manifest): boolean {
  const { object } = manifest;
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  switch (object.kind) {
    case 'Namespace':
      if (name) objects.namespaces.set(name, namespaceLabels(name, metadata.labels));
      return true;
    case 'PriorityClass':
      if (name) {
        objects.priorityClasses.set(name, {
          name,
          value: typeof object.value === 'number' ? object.value : 0,
          globalDefault: object.globalDefault === true,
          preemptionPolicy: typeof object.preemptionPolicy === 'string' ? object.preemptionPolicy : 'PreemptLowerPriority',
        });
      }
      return true;
    case 'Service': {
      const spec = isRecord(object.spec) ? object.spec : {};
      const selector = isRecord(spec.selector) ? toLabels(spec.selector) : null;
      objects.services.push({ namespace: namespaceOf(object), name, selector });
      return true;
    }
    case 'RuntimeClass': {
      const overhead = isRecord(object.overhead) && isRecord(object.overhead.podFixed) ? object.overhead.podFixed : null;
      const scheduling = isRecord(object.scheduling) ? object.scheduling : {};
      if (name) {
        objects.runtimeClasses.set(name, {
          name,
          overhead,
          nodeSelector: isRecord(scheduling.nodeSelector) ? toLabels(scheduling.nodeSelector) : {},
          tolerations: Array.isArray(scheduling.tolerations) ? scheduling.tolerations : [],
        });
      }
      return true;
    }
    default:
      return addStorageObject(objects.storage, object, namespaceOf(object));
  }
}

/** A namespace's labels; the API server always adds `kubernetes.io/metadata.name: <name>`. */
export function namespaceLabels(name: string, raw: unknown): Record<string, string> {
  const labels = toLabels(raw);
  labels['kubernetes.io/metadata.name'] = name;
  return labels;
}
