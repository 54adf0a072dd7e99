import { podClaims } from '../../model/storage/podClaims';
import type { StorageObjects } from '../../model/storage/storageObjects';
import { addAttachableVolumes } from '../../model/storage/volumeReport';
import type { PodInfo } from '../cache/podInfo';
import { definePlugin, makeStatus, SKIP_RESULT } from '../types';

/**
 * NodeVolumeLimits, CSI limits (`nodevolumelimits/csi.go`; volumes.md §4). Each claim of a pod is a
 * unique volume `driver/handle`: bound to a CSI PV → its driver and handle; bound to another PV →
 * not counted; unbound (or its PV missing) → its class's provisioner and a per-claim handle; no
 * class → not counted. The node's CSINode gives per-driver `allocatable.count` (none: no limit).
 * Filter: for each driver of the pod's new volumes with a limit, attached (over the node's pods,
 * each unique volume once) + new volumes not already attached > limit → "node(s) exceed max
 * volume count" (Unschedulable). PreFilter skips pods without claims.
 */
export const NODE_VOLUME_LIMITS = 'NodeVolumeLimits';

const EXCEEDED = makeStatus(NODE_VOLUME_LIMITS, 'Unschedulable', 'node(s) exceed max volume count');

/** Driver → unique volume names, for one pod's claims (added to `into`). */
export function attachableVolumes(storage: StorageObjects, pod: PodInfo, into: Map<string, Set<string>>): Map<string, Set<string>> {
  return addAttachableVolumes(storage, claimKeys(pod), into);
}

/** `namespace/name` of each claim of a pod, computed once per pod (asked again for every node it is on). */
const CLAIM_KEYS = new WeakMap<PodInfo, readonly string[]>();

function claimKeys(pod: PodInfo): readonly string[] {
  let keys = CLAIM_KEYS.get(pod);
  if (keys === undefined) CLAIM_KEYS.set(pod, (keys = podClaims(pod.pod.spec, pod.name).map((ref) => `${pod.namespace}/${ref.claimName}`)));
  return keys;
}

export const nodeVolumeLimitsPlugin = definePlugin<Map<string, Set<string>>, never>({
  name: NODE_VOLUME_LIMITS,
  preFilter(cycle) {
    const pod = cycle.pod;
    if (podClaims(pod.pod.spec, pod.name).length === 0) return SKIP_RESULT;
    return { kind: 'run', state: attachableVolumes(cycle.cluster.storage, pod, new Map()) };
  },
  filter(cycle, wanted, node) {
    if (wanted.size === 0) return null;
    const csiNode = cycle.cluster.storage.csiNodes.get(node.name);
    if (!csiNode) return null;
    let attached: Map<string, Set<string>> | null = null;
    // At most one attached volume per claim of the node's pods: under the limit even so, no need to count.
    let claimsOnNode = -1;
    for (const [driver, volumes] of wanted) {
      const limit = csiNode.limits.get(driver);
      if (limit === undefined) continue;
      if (claimsOnNode < 0) {
        claimsOnNode = 0;
        for (const other of node.pods) claimsOnNode += claimKeys(other).length;
      }
      if (volumes.size + claimsOnNode <= limit) continue;
      if (attached === null) {
        attached = new Map();
        for (const other of node.pods) attachableVolumes(cycle.cluster.storage, other, attached);
      }
      const present = attached.get(driver) ?? new Set<string>();
      let added = 0;
      for (const v of volumes) if (!present.has(v)) added++;
      if (present.size + added > limit) return EXCEEDED;
    }
    return null;
  },
});
