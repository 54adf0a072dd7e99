import { isRecord } from '../labelSelector';
import type { PodSpec } from '../pod';

/**
 * The claims a pod's volumes name (volumes.md §1): `persistentVolumeClaim.claimName`, and generic
 * `ephemeral` volumes, whose claim the ephemeral volume controller names `<pod>-<volume>`. Other
 * volume types are not claims. A pod without volumes gets the shared empty list (no allocation:
 * the volume plugins ask for every pod).
 */
export interface PodClaim {
  /** The claim's name, in the pod's namespace. */
  readonly claimName: string;
  readonly ephemeral: boolean;
  readonly readOnly: boolean;
}

const NONE: readonly PodClaim[] = Object.freeze([]);

export function podClaims(spec: PodSpec, podName: string): readonly PodClaim[] {
  const volumes = spec.volumes;
  if (!Array.isArray(volumes) || volumes.length === 0) return NONE;
  const claims: PodClaim[] = [];
  for (const volume of volumes) {
    if (!isRecord(volume)) continue;
    const pvc = volume.persistentVolumeClaim;
    if (isRecord(pvc) && typeof pvc.claimName === 'string') claims.push({ claimName: pvc.claimName, ephemeral: false, readOnly: pvc.readOnly === true });
    else if (isRecord(volume.ephemeral) && typeof volume.name === 'string') claims.push({ claimName: `${podName}-${volume.name}`, ephemeral: true, readOnly: false });
  }
  return claims.length === 0 ? NONE : claims;
}
