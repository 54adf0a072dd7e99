import { findMatchingVolume } from './matchVolume';
import type { ClaimInfo, PersistentVolumeInfo, StorageObjects } from './storageObjects';
import { bindingsChanged, volumesChanged } from './volumeCandidates';

/**
 * The PV controller's part before any pod is scheduled (`syncUnboundClaim`; volumes.md §8), over
 * the claims in definition order:
 *   - a claim naming a `volumeName` (pre-bound) is bound to that PV if it exists and is free;
 *   - an unbound claim that does not wait for its first consumer takes the smallest Available PV
 *     of its class that fits (no node-affinity test), else is provisioned by its class's
 *     provisioner (reachable from the nodes its `allowedTopologies` allow), else stays Pending
 *     (its pods get "pod has unbound immediate PersistentVolumeClaims").
 * Provisioned PVs are named `pvc-<namespace>-<claim>` (upstream: `pvc-<claim uid>`).
 */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export function bindImmediateClaims(storage: StorageObjects): void {
  const none = new Set<string>();
  for (const claim of storage.claims.values()) {
    if (claim.bound || claim.deleting) continue;
    if (claim.volumeName !== '') {
      const pv = storage.volumes.get(claim.volumeName);
      if (pv && (pv.claimRef === null || pv.claimRef === `${claim.namespace}/${claim.name}`)) bindClaim(storage, claim, pv);
      continue;
    }
    const cls = claim.storageClassName ?? '';
    const sc = storage.classes.get(cls);
    if (cls !== '' && sc?.waitForFirstConsumer) continue;
    const pv = findMatchingVolume(claim, storage.volumes.values(), null, none);
    if (pv) bindClaim(storage, claim, pv);
    else if (sc && sc.provisioner !== '' && sc.provisioner !== NO_PROVISIONER) bindClaim(storage, claim, provisionVolume(storage, claim, sc.provisioner, null, sc.allowedTopologies));
  }
}

export function bindClaim(storage: StorageObjects, claim: ClaimInfo, pv: PersistentVolumeInfo): void {
  bindingsChanged(storage.volumes);
  pv.claimRef = `${claim.namespace}/${claim.name}`;
  pv.phase = 'Bound';
  claim.volumeName = pv.name;
  claim.bound = true;
  claim.phase = 'Bound';
}

/** A new PV of the claim's class and size, `csi.driver` = the provisioner. */
export function provisionVolume(storage: StorageObjects, claim: ClaimInfo, provisioner: string, node: string | null, allowedTopologies: readonly unknown[]): PersistentVolumeInfo {
  const name = `pvc-${claim.namespace}-${claim.name}`;
  const terms = allowedTopologies.map((t) => ({ matchExpressions: topologyExpressions(t) }));
  const pv: PersistentVolumeInfo = {
    name,
    labels: {},
    capacity: claim.request,
    accessModes: claim.accessModes,
    storageClassName: claim.storageClassName ?? '',
    volumeMode: claim.volumeMode,
    nodeAffinity: terms.length === 0 ? undefined : { nodeSelectorTerms: terms },
    claimRef: null,
    phase: 'Available',
    csi: { driver: provisioner, handle: name },
    deleting: false,
    provisionedFor: node,
  };
  storage.volumes.set(name, pv);
  volumesChanged(storage.volumes);
  return pv;
}

function topologyExpressions(term: unknown): unknown[] {
  const expressions = typeof term === 'object' && term !== null ? (term as { matchLabelExpressions?: unknown }).matchLabelExpressions : undefined;
  if (!Array.isArray(expressions)) return [];
  return expressions.map((e: unknown) => ({ ...(e as Record<string, unknown>), operator: 'In' }));
}
