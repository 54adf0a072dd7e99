import { isRecord, toLabels } from '../labelSelector';
import { parseQuantity, valueBig } from '../quantity';
import type { KubeObject } from '../source';
import { bindImmediateClaims } from './pvController';
import { volumesChanged } from './volumeCandidates';

/**
 * The storage objects the scheduler's volume plugins read (reference: volumes.md §1, §8):
 * StorageClasses, PersistentVolumes, PersistentVolumeClaims and CSINodes, from the cluster profile
 * and the manifests (a later definition of the same name wins, except that a manifest claim with
 * the name of an existing one is that claim: `kubectl apply` does not unbind it).
 */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
export const BIND_COMPLETED_ANNOTATION = 'pv.kubernetes.io/bind-completed';
export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';

export interface StorageClassInfo {
  readonly name: string;
  readonly provisioner: string;
  readonly waitForFirstConsumer: boolean;
  /** `allowedTopologies` as raw terms; empty = every node. */
  readonly allowedTopologies: readonly unknown[];
  readonly isDefault: boolean;
  /** Document order of definition (several default classes: the newest, i.e. the last, wins). */
  readonly order: number;
}

export interface PersistentVolumeInfo {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** Bytes (exact: `10G` < `10Gi`). */
  readonly capacity: bigint;
  readonly accessModes: readonly string[];
  readonly storageClassName: string;
  readonly volumeMode: string;
  /** `nodeAffinity.required` (a NodeSelector), or undefined. */
  readonly nodeAffinity: unknown;
  /** `namespace/name` of the claim it is reserved for, or null. */
  claimRef: string | null;
  phase: string;
  /** `csi.driver` / `csi.volumeHandle`, when a CSI volume. */
  csi: { driver: string; handle: string } | null;
  readonly deleting: boolean;
  /** Provisioned during the dry run for the pod placed on this node: reachable only from it. */
  readonly provisionedFor: string | null;
}

export interface ClaimInfo {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  /** The class (`''` = no class); null while unset, until admission's default is applied (`withDefaultClasses`). */
  storageClassName: string | null;
  readonly request: bigint;
  readonly accessModes: readonly string[];
  readonly volumeMode: string;
  /** Raw `spec.selector` (null: none). */
  readonly selector: unknown;
  volumeName: string;
  bound: boolean;
  phase: string;
  /** `volume.kubernetes.io/selected-node`. */
  selectedNode: string | null;
  readonly deleting: boolean;
}

export interface CSINodeInfo {
  readonly name: string;
  /** Driver name → allocatable count (a driver without a count has no limit). */
  readonly limits: ReadonlyMap<string, number>;
}

export interface StorageObjects {
  readonly classes: Map<string, StorageClassInfo>;
  readonly volumes: Map<string, PersistentVolumeInfo>;
  /** By `namespace/name`. */
  readonly claims: Map<string, ClaimInfo>;
  readonly csiNodes: Map<string, CSINodeInfo>;
}

export function emptyStorageObjects(): StorageObjects {
  return { classes: new Map(), volumes: new Map(), claims: new Map(), csiNodes: new Map() };
}

/**
 * A copy whose volumes and claims can be bound without touching the original (one per scheduler
 * state), with admission's default class given to every claim whose class is unset.
 */
export function cloneStorageObjects(s: StorageObjects): StorageObjects {
  const fallback = defaultClassName(s);
  const copy: StorageObjects = {
    classes: s.classes,
    volumes: new Map([...s.volumes].map(([k, v]) => [k, { ...v }])),
    claims: new Map([...s.claims].map(([k, c]) => [k, { ...c, storageClassName: c.storageClassName ?? fallback }])),
    csiNodes: s.csiNodes,
  };
  bindImmediateClaims(copy);
  return copy;
}

export function quantityBytes(raw: unknown): bigint {
  const parsed = parseQuantity(raw);
  return parsed.ok ? valueBig(parsed.quantity) : 0n;
}

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}

function str(raw: unknown, fallback = ''): string {
  return typeof raw === 'string' ? raw : fallback;
}

/** Adds a storage object; false when `object` is not one. */
export function addStorageObject(storage: StorageObjects, object: KubeObject, namespace: string): boolean {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = str(metadata.name);
  const annotations = toLabels(metadata.annotations);
  const spec = isRecord(object.spec) ? object.spec : {};
  const status = isRecord(object.status) ? object.status : {};
  const deleting = metadata.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null;
  switch (object.kind) {
    case 'StorageClass':
      if (name) {
        storage.classes.set(name, {
          name,
          provisioner: str(object.provisioner),
          waitForFirstConsumer: object.volumeBindingMode === 'WaitForFirstConsumer',
          allowedTopologies: Array.isArray(object.allowedTopologies) ? object.allowedTopologies : [],
          isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
          order: storage.classes.size,
        });
      }
      return true;
    case 'PersistentVolume': {
      if (!name) return true;
      const ref = isRecord(spec.claimRef) ? spec.claimRef : null;
      const csi = isRecord(spec.csi) ? { driver: str(spec.csi.driver), handle: str(spec.csi.volumeHandle) } : null;
      const affinity = isRecord(spec.nodeAffinity) ? spec.nodeAffinity.required : undefined;
      storage.volumes.set(name, {
        name,
        labels: toLabels(metadata.labels),
        capacity: quantityBytes(isRecord(spec.capacity) ? spec.capacity.storage : undefined),
        accessModes: strings(spec.accessModes),
        storageClassName: annotations[BETA_CLASS_ANNOTATION] ?? str(spec.storageClassName),
        volumeMode: str(spec.volumeMode, 'Filesystem'),
        nodeAffinity: affinity,
        claimRef: ref ? `${str(ref.namespace, 'default')}/${str(ref.name)}` : null,
        phase: str(status.phase, 'Available'),
        csi,
        deleting,
        provisionedFor: null,
      });
      volumesChanged(storage.volumes);
      return true;
    }
    case 'PersistentVolumeClaim': {
      const key = `${namespace}/${name}`;
      if (!name || storage.claims.has(key)) return true;
      const resources = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
      const volumeName = str(spec.volumeName);
      storage.claims.set(key, {
        namespace,
        name,
        labels: toLabels(metadata.labels),
        storageClassName: annotations[BETA_CLASS_ANNOTATION] ?? (typeof spec.storageClassName === 'string' ? spec.storageClassName : null),
        request: quantityBytes(resources.storage),
        accessModes: strings(spec.accessModes),
        volumeMode: str(spec.volumeMode, 'Filesystem'),
        selector: isRecord(spec.selector) ? spec.selector : null,
        volumeName,
        bound: volumeName !== '' && annotations[BIND_COMPLETED_ANNOTATION] !== undefined,
        phase: str(status.phase, 'Pending'),
        selectedNode: annotations[SELECTED_NODE_ANNOTATION] ?? null,
        deleting,
      });
      return true;
    }
    case 'CSINode': {
      const limits = new Map<string, number>();
      for (const driver of Array.isArray(spec.drivers) ? spec.drivers.filter(isRecord) : []) {
        const count = isRecord(driver.allocatable) ? driver.allocatable.count : undefined;
        if (typeof driver.name === 'string' && typeof count === 'number') limits.set(driver.name, count);
      }
      if (name) storage.csiNodes.set(name, { name, limits });
      return true;
    }
    default:
      return false;
  }
}

/**
 * Admission's default class (`setdefault`): the class annotated default; several → the newest
 * (Drydock: the last defined); none → `''`.
 */
export function defaultClassName(storage: StorageObjects): string {
  let best: StorageClassInfo | null = null;
  for (const c of storage.classes.values()) if (c.isDefault && (best === null || c.order > best.order)) best = c;
  return best?.name ?? '';
}
