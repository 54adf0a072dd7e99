import { bindClaim, provisionVolume } from '../../model/storage/pvController';
import type { ClusterState } from '../cache/clusterState';
import type { NodeInfo } from '../cache/nodeInfo';
import type { PodInfo } from '../cache/podInfo';
import type { Cycle } from '../types';
import { findPodVolumes } from '../plugins/findPodVolumes';
import { podVolumeClaims } from '../plugins/volumeBinding';

/**
 * VolumeBinding's Reserve + PreBind, as the PV controller completes them (volumes.md §5.5): on the
 * chosen node each statically matched claim is bound to its PV, each claim to provision gets a new
 * PV of its class and size reachable only from that node. Later pods of the run see them bound.
 * A pod without claims returns at once.
 */
export function assumePodVolumes(cluster: ClusterState, pod: PodInfo, node: NodeInfo): void {
  const cycle: Cycle = { pod, cluster };
  const claims = podVolumeClaims(cycle);
  if (claims.kind !== 'run' || claims.state.delayed.length === 0) return;
  const decisions = findPodVolumes(cluster.storage, claims.state, node);
  for (const [claim, pv] of decisions.matched) bindClaim(cluster.storage, claim, pv);
  for (const claim of decisions.provision) {
    const sc = cluster.storage.classes.get(claim.storageClassName ?? '');
    if (sc) bindClaim(cluster.storage, claim, provisionVolume(cluster.storage, claim, sc.provisioner, node.name, []));
  }
}
