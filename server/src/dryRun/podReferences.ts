import type { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { readClusterProfile } from '../simulator/cluster/clusterProfile';
import { servicePodReferenceFindings } from '../simulator/controllers';
import { addClusterObject, emptyClusterObjects } from '../simulator/model/clusterObjects';
import type { SimPod } from '../simulator/model/pod';
import type { Manifest, SimFinding } from '../simulator/model/source';
import { simulationLimits, type SimulateOptions } from '../simulator/simulate';
import { expandWorkloads } from '../simulator/workloads/expandWorkloads';
import { lastApplied } from './lastApplied';
import { explainServicesWithoutPods } from './serviceNoPods';

/** The dry run's cross-resource findings that depend on which pods exist, not on where they run. */
export const POD_REFERENCE_CODES: ReadonlySet<string> = new Set(['ref/service-no-pods', 'ref/target-port-not-found']);

/**
 * The dry run's `ref/*` findings (`POD_REFERENCE_CODES`) of one file, for `drydock check`: a Service
 * whose selector picks no pod, a named targetPort the selected pods lack. They come from the same code as the editor's dry run (`lastApplied`, the
 * controllers' pod expansion over the cluster profile, `servicePodReferenceFindings` (the part of
 * `computeServices` that reads which pods are selected, not their endpoints), then
 * `explainServicesWithoutPods` with every input in `index`, as the editor explains a file with its
 * workspace), minus the scheduling, which none of them reads: a selected pod counts whether or not it
 * found a node. So the CLI and the editor agree, and `check` does not pay for a full dry run. Nor
 * for every replica: a ReplicaSet's replicas differ only in their names, so one pod stands for
 * them all (`representatives`), counted as all of them in the limits and the messages.
 *
 * `cluster`: the profile's manifests, null for the built-in cluster. Pure.
 */
export function podReferenceFindings(fileManifests: readonly Manifest[], cluster: readonly Manifest[] | null, index: WorkspaceIndex, options: SimulateOptions = {}): SimFinding[] {
  const { manifests } = lastApplied(fileManifests);
  if (!manifests.some(mayHavePodReferences)) return [];
  const limits = simulationLimits(options);
  const objects = emptyClusterObjects();
  const profile = readClusterProfile(cluster ? [...cluster] : null, objects, { maxNodes: limits.maxNodes });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  const expansion = expandWorkloads(manifests, { nodes: profile.nodes, objects, maxPodsPerWorkload: limits.maxPodsPerWorkload, maxPodsTotal: limits.maxPodsTotal, takenPodKeys: profile.pods.map((p) => p.key), representatives: true });
  const pods: SimPod[] = [...profile.pods, ...expansion.workloads.flatMap((workload) => workload.pods)];
  const replicas = new Map<SimPod, number>();
  for (const workload of expansion.workloads) if (workload.replicasPerPod !== undefined) for (const pod of workload.pods) replicas.set(pod, workload.replicasPerPod);
  return explainServicesWithoutPods(servicePodReferenceFindings(manifests, pods, (pod) => replicas.get(pod) ?? 1), manifests, index);
}

function mayHavePodReferences(manifest: Manifest): boolean {
  return manifest.object.kind === 'Service';
}
