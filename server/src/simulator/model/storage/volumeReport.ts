import { verbatim } from '../../../l10n/verbatim';
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
    if (!claim) return { claim: key, pv: null, reason: verbatim(`persistentvolumeclaim "${ref.claimName}" not found`) };
    if (claim.bound) return { claim: key, pv: claim.volumeName, reason: null };
    const cls = claim.storageClassName ?? '';
    const sc = storage.classes.get(cls);
    if (cls === '') return { claim: key, pv: null, reason: verbatim('no persistent volumes available for this claim and no storage class is set') };
    if (!sc) return { claim: key, pv: null, reason: verbatim(`storageclass.storage.k8s.io "${cls}" not found`) };
    if (sc.waitForFirstConsumer) return { claim: key, pv: null, reason: verbatim('waiting for first consumer to be created before binding') };
    return { claim: key, pv: null, reason: verbatim(`waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator`) };
  });
}

/**
 * The unique volumes that NodeVolumeLimits counts for claims (`namespace/name`), by CSI driver, added
 * to `into` (volumes.md §4): a claim bound to a CSI PV → its driver and handle; bound to another PV →
 * not counted; unbound (or its PV missing) → its class's provisioner and a per-claim handle; no
 * class → not counted.
 */
export function addAttachableVolumes(storage: StorageObjects, claimKeys: readonly string[], into: Map<string, Set<string>>): Map<string, Set<string>> {
  for (const key of claimKeys) {
    const claim = storage.claims.get(key);
    if (!claim) continue;
    let driver: string;
    let handle: string;
    const pv = claim.volumeName === '' ? undefined : storage.volumes.get(claim.volumeName);
    if (pv) {
      if (!pv.csi) continue;
      driver = pv.csi.driver;
      handle = pv.csi.handle;
    } else {
      const sc = storage.classes.get(claim.storageClassName ?? '');
      if (!sc) continue;
      driver = sc.provisioner;
      handle = `claim:${key}`;
    }
    let set = into.get(driver);
    if (!set) into.set(driver, (set = new Set()));
    set.add(handle);
  }
  return into;
}

/** A node's attached volumes (each unique volume once) and, per driver its CSINode limits, how many of them count against the limit. */
export interface NodeVolumeCount {
  readonly attached: number;
  readonly limits: ReadonlyArray<{ readonly driver: string; readonly attached: number; readonly limit: number }>;
}

/** What NodeVolumeLimits sees on a node after the run, for the pods on it; null: no volume and no limit. */
export function nodeVolumeCount(storage: StorageObjects, nodeName: string, pods: readonly SimPod[]): NodeVolumeCount | null {
  const byDriver = new Map<string, Set<string>>();
  for (const pod of pods) addAttachableVolumes(storage, podClaims(pod.spec, pod.name).map((ref) => `${pod.namespace}/${ref.claimName}`), byDriver);
  let attached = 0;
  for (const volumes of byDriver.values()) attached += volumes.size;
  const csiNode = storage.csiNodes.get(nodeName);
  const limits = csiNode ? [...csiNode.limits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([driver, limit]) => ({ driver, attached: byDriver.get(driver)?.size ?? 0, limit })) : [];
  return attached === 0 && limits.length === 0 ? null : { attached, limits };
}
