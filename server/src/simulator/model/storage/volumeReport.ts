import type { SimPod } from '../pod';
import { podClaims } from './podClaims';
import type { StorageObjects } from './storageObjects';

/**
 * Each claim of a pod after the run: `claim` = `namespace/name`, `pv` = the volume it is bound to
 * (null while unbound), `reason` = why it is unbound (null when bound), in the PV controller's or
 * the scheduler's words.
 */
export interface VolumeReport {
  readonly claim: string;
  readonly pv: string | null;
  readonly reason: string | null;
}

export function podVolumeReport(storage: StorageObjects, pod: SimPod): VolumeReport[] {
  return podClaims(pod.spec, pod.name).map((ref) => {
    const key = `${pod.namespace}/${ref.claimName}`;
    const claim = storage.claims.get(key);
    if (!claim) return { claim: key, pv: null, reason: `persistentvolumeclaim "${ref.claimName}" not found` };
    if (claim.bound) return { claim: key, pv: claim.volumeName, reason: null };
    const cls = claim.storageClassName ?? '';
    const sc = storage.classes.get(cls);
    if (cls === '') return { claim: key, pv: null, reason: 'no persistent volumes available for this claim and no storage class is set' };
    if (!sc) return { claim: key, pv: null, reason: `storageclass.storage.k8s.io "${cls}" not found` };
    if (sc.waitForFirstConsumer) return { claim: key, pv: null, reason: 'waiting for first consumer to be created before binding' };
    return { claim: key, pv: null, reason: `waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator` };
  });
}
