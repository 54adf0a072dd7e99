import type { SimPod } from '../../model/pod';
import type { PodPlacement } from './placement';

/**
 * A pod the scheduler left Pending on a cluster nothing has changed on since, found again for the
 * next pod that asks for exactly the same (the replicas of one workload, queued one after another).
 *
 * A scheduling cycle that ends Unschedulable changes nothing (no bind, no victims: a cycle whose
 * preemption evicts is not remembered), and every plugin reads only the cluster and the pod's
 * scheduling inputs. So a pod whose inputs are the very same objects as an earlier Pending pod's, on
 * the same cluster, gets the same outcome, message and per-node statuses: only its key differs.
 * Replicas share their template's objects (`makeReplica`), which is what is compared (identity, not
 * content: no hashing). Pods whose names reach the cluster (generated ResourceClaims and ephemeral
 * volumes are named after the pod) are never matched.
 *
 * Upstream checks each replica on its own; the outcome is the same, this only skips computing it
 * again: a Deployment of 3 replicas that fits nowhere is filtered and explained once, not three times.
 * The owner (a `runSchedulingQueue` run) calls `clusterChanged()` after anything is bound or evicted.
 */
export class SamePendingOutcome {
  /** By the pod spec object the replicas share: the first of their inputs compared. */
  private readonly remembered = new Map<SimPod['spec'], Array<{ pod: SimPod; placement: PodPlacement }>>();

  /** The outcome of an earlier pod with the same inputs, as this pod's; undefined when there is none. */
  find(pod: SimPod): PodPlacement | undefined {
    if (!comparable(pod)) return undefined;
    const earlier = this.remembered.get(pod.spec)?.find((entry) => sameInputs(entry.pod, pod));
    return earlier ? { ...earlier.placement, podKey: pod.key } : undefined;
  }

  /** Remembers a Pending outcome whose cycle changed nothing. */
  remember(pod: SimPod, placement: PodPlacement): void {
    if (placement.status !== 'Pending' || placement.preemption?.kind === 'preempts' || !comparable(pod)) return;
    const list = this.remembered.get(pod.spec);
    if (list) list.push({ pod, placement });
    else this.remembered.set(pod.spec, [{ pod, placement }]);
  }

  /** A pod was bound or evicted: every outcome remembered may differ now. */
  clusterChanged(): void {
    this.remembered.clear();
  }
}

/** Pods whose scheduling never depends on their own name. */
function comparable(pod: SimPod): boolean {
  if (pod.nodeName !== null || pod.spec.resourceClaims !== undefined) return false;
  const volumes = pod.spec.volumes;
  return !Array.isArray(volumes) || !volumes.some((volume) => typeof volume === 'object' && volume !== null && 'ephemeral' in volume);
}

function sameInputs(a: SimPod, b: SimPod): boolean {
  return (
    a.labels === b.labels &&
    a.annotations === b.annotations &&
    a.ownerSelector === b.ownerSelector &&
    a.source === b.source &&
    a.namespace === b.namespace &&
    a.priority === b.priority &&
    a.phase === b.phase &&
    a.terminating === b.terminating &&
    a.origin === b.origin &&
    a.owner?.kind === b.owner?.kind &&
    a.owner?.name === b.owner?.name
  );
}
