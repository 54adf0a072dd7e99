import { isRecord } from '../../model/labelSelector';
import type { PodSpec } from '../../model/pod';
import { podClaims } from '../../model/storage/podClaims';
import { definePlugin, makeStatus, SKIP_RESULT } from '../types';

/**
 * VolumeRestrictions (volumes.md §3). PreFilter: every `persistentVolumeClaim` volume's claim must
 * exist (`persistentvolumeclaim "<name>" not found`, UnschedulableAndUnresolvable); count the pod's
 * ReadWriteOncePod claims already used by a bound, non-terminated pod anywhere; Skip when that count
 * is 0 and the pod has no inline GCE PD / AWS EBS / iSCSI volume. Filter (Unschedulable): an inline
 * disk already used on the node (GCE `pdName` and iSCSI `iqn` unless both read-only, EBS `volumeID`
 * always) → "node(s) had no available disk"; an RWOP claim in use → its reason on every node.
 * Not modelled: RBD monitors.
 */
export const VOLUME_RESTRICTIONS = 'VolumeRestrictions';

const DISK_CONFLICT = makeStatus(VOLUME_RESTRICTIONS, 'Unschedulable', 'node(s) had no available disk');
const RWOP_CONFLICT = makeStatus(VOLUME_RESTRICTIONS, 'Unschedulable', 'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod');

interface Disk {
  /** `gce:<pdName>`, `ebs:<volumeID>`, `iscsi:<iqn>`. */
  readonly id: string;
  readonly readOnly: boolean;
}

interface RestrictionState {
  readonly disks: readonly Disk[];
  readonly rwopInUse: boolean;
}

export function inlineDisks(spec: PodSpec): Disk[] {
  const disks: Disk[] = [];
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  for (const v of volumes) {
    if (!isRecord(v)) continue;
    const gce = v.gcePersistentDisk;
    const ebs = v.awsElasticBlockStore;
    const iscsi = v.iscsi;
    if (isRecord(gce) && typeof gce.pdName === 'string') disks.push({ id: `gce:${gce.pdName}`, readOnly: gce.readOnly === true });
    else if (isRecord(ebs) && typeof ebs.volumeID === 'string') disks.push({ id: `ebs:${ebs.volumeID}`, readOnly: false });
    else if (isRecord(iscsi) && typeof iscsi.iqn === 'string') disks.push({ id: `iscsi:${iscsi.iqn}`, readOnly: iscsi.readOnly === true });
  }
  return disks;
}

export const volumeRestrictionsPlugin = definePlugin<RestrictionState, never>({
  name: VOLUME_RESTRICTIONS,
  preFilter(cycle) {
    const pod = cycle.pod;
    const spec = pod.pod.spec;
    if (!Array.isArray(spec.volumes) || spec.volumes.length === 0) return SKIP_RESULT;
    const storage = cycle.cluster.storage;
    const rwop = new Set<string>();
    for (const ref of podClaims(spec, pod.name)) {
      if (ref.ephemeral) continue;
      const key = `${pod.namespace}/${ref.claimName}`;
      const claim = storage.claims.get(key);
      if (!claim) return { kind: 'reject', status: makeStatus(VOLUME_RESTRICTIONS, 'UnschedulableAndUnresolvable', `persistentvolumeclaim "${ref.claimName}" not found`) };
      if (claim.accessModes.includes('ReadWriteOncePod')) rwop.add(ref.claimName);
    }
    let rwopInUse = false;
    if (rwop.size > 0) {
      for (const other of cycle.cluster.pods.values()) {
        if (other.namespace !== pod.namespace || other.key === pod.key) continue;
        if (podClaims(other.pod.spec, other.name).some((c) => !c.ephemeral && rwop.has(c.claimName))) {
          rwopInUse = true;
          break;
        }
      }
    }
    const disks = inlineDisks(spec);
    if (!rwopInUse && disks.length === 0) return SKIP_RESULT;
    return { kind: 'run', state: { disks, rwopInUse } };
  },
  filter(_cycle, state, node) {
    if (state.disks.length > 0) {
      for (const other of node.pods) {
        for (const used of inlineDisks(other.pod.spec)) {
          for (const disk of state.disks) {
            if (disk.id !== used.id) continue;
            if (disk.id.startsWith('ebs:') || !(disk.readOnly && used.readOnly)) return DISK_CONFLICT;
          }
        }
      }
    }
    return state.rwopInUse ? RWOP_CONFLICT : null;
  },
});
