import { podClaims } from '../../model/storage/podClaims';
import type { ClaimInfo } from '../../model/storage/storageObjects';
import { definePlugin, makeStatus, SKIP_RESULT, type Cycle, type PreFilterResult, type Status } from '../types';
import { claimsToMatch, findPodVolumes, type PodVolumeClaims } from './findPodVolumes';

/**
 * VolumeBinding (volumes.md §5). PreFilter: no claim → Skip; a missing claim, a Lost or deleted
 * one, or any unbound claim that does not wait for its first consumer rejects the pod (every
 * status UnschedulableAndUnresolvable). Filter: `findPodVolumes` on the node. No score (the
 * StorageCapacityScoring gate is off in 1.34–1.36). Reserve: runtime/assumeVolumes.
 */
export const VOLUME_BINDING = 'VolumeBinding';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

function reject(...reasons: string[]): PreFilterResult<never> {
  return { kind: 'reject', status: makeStatus(VOLUME_BINDING, 'UnschedulableAndUnresolvable', ...reasons) };
}

/** The pod's claims sorted into bound and delayed, or a PreFilter rejection. */
export function podVolumeClaims(cycle: Cycle): PreFilterResult<PodVolumeClaims> {
  const pod = cycle.pod;
  const claims = podClaims(pod.pod.spec, pod.name);
  if (claims.length === 0) return SKIP_RESULT;
  const storage = cycle.cluster.storage;
  const bound: ClaimInfo[] = [];
  const delayed: ClaimInfo[] = [];
  let immediate = false;
  for (const ref of claims) {
    const claim = storage.claims.get(`${pod.namespace}/${ref.claimName}`);
    if (!claim) return reject(ref.ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${ref.claimName}"` : `persistentvolumeclaim "${ref.claimName}" not found`);
    if (claim.phase === 'Lost') return reject(`persistentvolumeclaim "${claim.name}" bound to non-existent persistentvolume "${claim.volumeName}"`);
    if (claim.deleting) return reject(`persistentvolumeclaim "${claim.name}" is being deleted`);
    if (claim.bound) bound.push(claim);
    else if (claim.volumeName === '' && storage.classes.get(claim.storageClassName ?? '')?.waitForFirstConsumer === true) delayed.push(claim);
    else immediate = true;
  }
  if (immediate) return reject(ERR_UNBOUND_IMMEDIATE);
  return { kind: 'run', state: { bound, delayed, toMatch: claimsToMatch(storage, delayed) } };
}

export const volumeBindingPlugin = definePlugin<PodVolumeClaims, never>({
  name: VOLUME_BINDING,
  preFilter: podVolumeClaims,
  filter(cycle, claims, node): Status | null {
    const { reasons } = findPodVolumes(cycle.cluster.storage, claims, node);
    return reasons.length === 0 ? null : filterStatus(reasons);
  },
});

/** One status per combination of Filter reasons (at most seven): a failing node costs no new object. */
const FILTER_STATUSES = new Map<string, Status>();

function filterStatus(reasons: readonly string[]): Status {
  const key = reasons.join('\n');
  let status = FILTER_STATUSES.get(key);
  if (!status) FILTER_STATUSES.set(key, (status = makeStatus(VOLUME_BINDING, 'UnschedulableAndUnresolvable', ...reasons)));
  return status;
}
