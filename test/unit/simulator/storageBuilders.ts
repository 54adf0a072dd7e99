/**
 * Tiny builders for storage objects (raw Kubernetes objects) and the ClusterObjects holding them.
 */
import { addClusterObject, emptyClusterObjects, type ClusterObjects } from '../../../server/src/simulator/model/clusterObjects';
import type { KubeObject } from '../../../server/src/simulator/model/source';

export const ZONE = 'topology.kubernetes.io/zone';

export function objects(...list: KubeObject[]): ClusterObjects {
  const result = emptyClusterObjects();
  list.forEach((object, document) => addClusterObject(result, { object, source: { file: 'storage.yaml', document, path: [] } }));
  return result;
}

export function storageClass(name: string, options: { provisioner?: string; wffc?: boolean; isDefault?: boolean; zones?: string[] } = {}): KubeObject {
  return {
    kind: 'StorageClass',
    metadata: { name, annotations: options.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} },
    provisioner: options.provisioner ?? 'ebs.csi.aws.com',
    volumeBindingMode: options.wffc === false ? 'Immediate' : 'WaitForFirstConsumer',
    ...(options.zones ? { allowedTopologies: [{ matchLabelExpressions: [{ key: ZONE, values: options.zones }] }] } : {}),
  };
}

export interface PvOptions {
  size?: string;
  cls?: string;
  modes?: string[];
  zone?: string;
  /** nodeAffinity on the zone label. */
  affinityZone?: string;
  labels?: Record<string, string>;
  claimRef?: string;
  phase?: string;
  csi?: string;
}

export function pv(name: string, o: PvOptions = {}): KubeObject {
  const [ns, claim] = (o.claimRef ?? '/').split('/');
  return {
    kind: 'PersistentVolume',
    metadata: { name, labels: { ...(o.labels ?? {}), ...(o.zone ? { [ZONE]: o.zone } : {}) } },
    spec: {
      capacity: { storage: o.size ?? '10Gi' },
      accessModes: o.modes ?? ['ReadWriteOnce'],
      storageClassName: o.cls ?? 'local',
      ...(o.affinityZone ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: 'In', values: [o.affinityZone] }] }] } } } : {}),
      ...(o.claimRef ? { claimRef: { namespace: ns, name: claim } } : {}),
      ...(o.csi ? { csi: { driver: o.csi, volumeHandle: `h-${name}` } } : {}),
    },
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  };
}

export interface PvcOptions {
  size?: string;
  cls?: string | null;
  modes?: string[];
  volumeName?: string;
  bound?: boolean;
  selector?: Record<string, unknown>;
  namespace?: string;
}

export function pvc(name: string, o: PvcOptions = {}): KubeObject {
  return {
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: o.namespace ?? 'default', annotations: o.bound ? { 'pv.kubernetes.io/bind-completed': 'yes' } : {} },
    spec: {
      accessModes: o.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.size ?? '5Gi' } },
      ...(o.cls === null ? {} : { storageClassName: o.cls ?? 'local' }),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
    },
  };
}

export function csiNode(name: string, driver: string, count: number): KubeObject {
  return { kind: 'CSINode', metadata: { name }, spec: { drivers: [{ name: driver, allocatable: { count } }] } };
}

/** A pod spec's `volumes` naming these claims. */
export function claimVolumes(...claims: string[]): { volumes: Array<Record<string, unknown>> } {
  return { volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) };
}
