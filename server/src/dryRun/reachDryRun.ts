import { readClusterProfile } from '../simulator/cluster/clusterProfile';
import { addClusterObject, emptyClusterObjects } from '../simulator/model/clusterObjects';
import { isRecord } from '../simulator/model/labelSelector';
import type { SimPod } from '../simulator/model/pod';
import type { Manifest, SimFinding } from '../simulator/model/source';
import { computeReachability, networkPodsOf, type ConnectionQuery, type ReachabilityResult } from '../simulator/network';
import { expandWorkloads } from '../simulator/workloads/expandWorkloads';
import { lastApplied } from './lastApplied';

export interface ReachDryRunInput {
  manifests: readonly Manifest[];
  /** Connections to explain, each in both directions. */
  queries: readonly ConnectionQuery[];
  /** Compute the whole matrix (pod groups and external ranges). */
  matrix: boolean;
}

export interface ReachDryRunOutput {
  reach: ReachabilityResult;
  /** The duplicate-object notes, the workload expansion's findings, then the reachability's. */
  findings: SimFinding[];
}

/** Bounds of the workload expansion (pods per workload, pods in all). */
const MAX_PODS_PER_WORKLOAD = 10_000;
const MAX_PODS_TOTAL = 100_000;

/**
 * The dry run of `drydock reach`: the NetworkPolicy stage alone, over the pods the manifests create,
 * unscheduled (NetworkPolicy does not depend on placement) and with the IPs their Pod manifests give.
 */
export function reachDryRun(input: ReachDryRunInput): ReachDryRunOutput {
  // As `kubectl apply -f` (and `drydock simulate`): an object defined more than once is its last copy.
  const { manifests, findings: duplicates } = lastApplied(input.manifests);
  const expansion = podsOf(manifests);
  const ips = podIpsOf(manifests);
  const pods = networkPodsOf(expansion.pods, (pod: SimPod) => ips.get(pod.key) ?? []);
  const reach = computeReachability({ manifests, pods, queries: input.queries, matrix: input.matrix });
  return { reach, findings: [...duplicates, ...expansion.findings, ...reach.findings] };
}

/**
 * The pods the manifests create, named as `drydock simulate` names them (the simulator's workload
 * expansion; DaemonSets get one pod per node of the default cluster).
 */
function podsOf(manifests: readonly Manifest[]): { pods: SimPod[]; findings: SimFinding[] } {
  const objects = emptyClusterObjects();
  const cluster = readClusterProfile(null, objects, { maxNodes: 10_000 });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  const expansion = expandWorkloads(manifests, { nodes: cluster.nodes, objects, maxPodsPerWorkload: MAX_PODS_PER_WORKLOAD, maxPodsTotal: MAX_PODS_TOTAL });
  return { pods: expansion.workloads.flatMap((workload) => workload.pods), findings: expansion.findings };
}

/** Pod IPs written in Pod manifests (`status.podIPs`, `status.podIP`), e.g. from `kubectl get pods -o yaml`. */
function podIpsOf(manifests: readonly Manifest[]): Map<string, string[]> {
  const ips = new Map<string, string[]>();
  for (const { object } of manifests) {
    if (object.kind !== 'Pod' || !isRecord(object.status)) continue;
    const status = object.status;
    const list = Array.isArray(status.podIPs) ? status.podIPs.flatMap((entry) => (isRecord(entry) && typeof entry.ip === 'string' ? [entry.ip] : [])) : [];
    if (list.length === 0 && typeof status.podIP === 'string') list.push(status.podIP);
    if (list.length > 0) ips.set(`${object.metadata?.namespace || 'default'}/${object.metadata?.name ?? ''}`, list);
  }
  return ips;
}
