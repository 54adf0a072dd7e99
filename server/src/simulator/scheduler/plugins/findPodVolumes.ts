import type { NodeView } from '../../model/nodeSelector';
import { allowedTopologiesMatch, pvNodeAffinityMatches } from '../../model/storage/matchVolume';
import { NO_PROVISIONER } from '../../model/storage/pvController';
import type { ClaimInfo, PersistentVolumeInfo, StorageObjects } from '../../model/storage/storageObjects';
import { claimCandidates, matchOnNode, type ClaimCandidates } from '../../model/storage/volumeCandidates';

/**
 * VolumeBinding's per-node decision (`FindPodVolumes`; volumes.md §5.2), shared by its Filter and
 * by Reserve (which commits the chosen node's decisions):
 *   1. bound claims: the PV must exist and its node affinity match the node's labels (stops at the
 *      first failing claim);
 *   2. delayed claims: one with `selected-node` fits only that node; the others, smallest request
 *      first (stable), each take the smallest matching PV of their class not taken by an earlier
 *      claim of this pod; a claim without one must be provisionable here (a provisioner, and
 *      `allowedTopologies` matching the node).
 * The PVs each delayed claim may take are gathered once per pod (`claimsToMatch`, PreFilter), so a
 * node costs a look-up in the claim's candidates, not a scan of every PV.
 * Reasons in upstream's order: node conflict, bind conflict, (not enough space: not modelled),
 * PV not exist.
 */
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

export interface PodVolumeClaims {
  readonly bound: readonly ClaimInfo[];
  readonly delayed: readonly ClaimInfo[];
  /** The delayed claims without `selected-node`, smallest request first (stable), with their candidate PVs. */
  readonly toMatch: readonly ClaimToMatch[];
}

export interface ClaimToMatch {
  readonly claim: ClaimInfo;
  readonly candidates: ClaimCandidates;
}

export function claimsToMatch(storage: StorageObjects, delayed: readonly ClaimInfo[]): ClaimToMatch[] {
  const claims = delayed.filter((claim) => claim.selectedNode === null);
  claims.sort((a, b) => (a.request < b.request ? -1 : a.request > b.request ? 1 : 0));
  return claims.map((claim) => ({ claim, candidates: claimCandidates(claim, storage.volumes) }));
}

export interface VolumeDecisions {
  readonly reasons: readonly string[];
  readonly matched: ReadonlyArray<readonly [ClaimInfo, PersistentVolumeInfo]>;
  readonly provision: readonly ClaimInfo[];
}

export function findPodVolumes(storage: StorageObjects, claims: PodVolumeClaims, node: NodeView): VolumeDecisions {
  let nodeConflict = false;
  let pvMissing = false;
  for (const claim of claims.bound) {
    const pv = storage.volumes.get(claim.volumeName);
    if (!pv) {
      pvMissing = true;
      break;
    }
    if (!pvNodeAffinityMatches(pv, node)) {
      nodeConflict = true;
      break;
    }
  }
  let bindConflict = false;
  const matched: Array<readonly [ClaimInfo, PersistentVolumeInfo]> = [];
  const provision: ClaimInfo[] = [];
  for (const claim of claims.delayed) {
    if (claim.selectedNode !== null) bindConflict ||= claim.selectedNode !== node.name;
  }
  if (!bindConflict && claims.toMatch.length > 0) {
    const taken = new Set<string>();
    for (const { claim, candidates } of claims.toMatch) {
      const pv = matchOnNode(candidates, node, taken);
      if (pv) {
        taken.add(pv.name);
        matched.push([claim, pv]);
        continue;
      }
      const sc = storage.classes.get(claim.storageClassName ?? '');
      if (!sc || sc.provisioner === '' || sc.provisioner === NO_PROVISIONER || !allowedTopologiesMatch(sc, node.labels)) {
        bindConflict = true;
        break;
      }
      provision.push(claim);
    }
  }
  const reasons: string[] = [];
  if (nodeConflict) reasons.push(ERR_NODE_CONFLICT);
  if (bindConflict) reasons.push(ERR_BIND_CONFLICT);
  if (pvMissing) reasons.push(ERR_PV_NOT_EXIST);
  return { reasons, matched, provision };
}
