import * as l10n from '@vscode/l10n';
import { readClusterProfile } from './cluster/clusterProfile';
import { addClusterObject, emptyClusterObjects } from './model/clusterObjects';
import type { SimNode } from './model/node';
import type { SimPod } from './model/pod';
import { isTerminalPhase } from './model/podFromObject';
import { PODS, type ResourceAmounts } from './model/resources';
import type { Manifest, SimFinding } from './model/source';
import { createClusterState, type ClusterState, type PodPlacement } from './scheduler';
import { simplePlacement } from './scheduler/runtime/placement';
import { placementFindings } from './scheduler/explain/findings';
import { leadSentence } from './scheduler/explain/leadSentence';
import { runSchedulingQueue, type QueuedPod } from './scheduler/runtime/schedulingQueue';
import { expandWorkloads } from './workloads/expandWorkloads';
import type { StorageObjects } from './model/storage/storageObjects';
import { ephemeralClaims } from './model/storage/templateClaims';

/**
 * The dry run: what happens when `manifests` are applied to the cluster described by
 * `clusterManifests` (a cluster profile; null: the embedded default cluster).
 *
 * Pure and deterministic: no IO, no clock, no randomness. Steps, as in a real cluster:
 *   1. the cluster: nodes, running pods, namespaces / priority classes / services / runtime
 *      classes (from the profile, then the manifests);
 *   2. every workload becomes the pods its controller creates (admission applied);
 *   3. pods naming a node are bound; the others go through the scheduler one at a time, higher
 *      priority first, then in document order;
 *   4. findings for every pod that did not get a node, on its workload's most telling line.
 */
export interface SimulateOptions {
  /** kube-scheduler's percentageOfNodesToScore; 0 (default) = its adaptive value. 100 scores every node. */
  percentageOfNodesToScore?: number;
  maxPodsPerWorkload?: number;
  maxPodsTotal?: number;
  maxNodes?: number;
}

export const DEFAULT_LIMITS = { maxPodsPerWorkload: 10_000, maxPodsTotal: 100_000, maxNodes: 50_000 };

export interface SimulatedNode {
  readonly node: SimNode;
  /** Requests of the pods bound to it (cpu in millicores, `pods` = how many). */
  readonly requested: ResourceAmounts;
  /** Keys of the pods bound to it, in binding order. */
  readonly pods: readonly string[];
}

export interface SimulatedPod {
  readonly pod: SimPod;
  readonly placement: PodPlacement;
  /** An Unschedulable pod's cause in plain words, ahead of the scheduler's message (scheduler/explain/leadSentence.ts). */
  readonly lead?: string;
}

export interface SimulationResult {
  /** Nodes in the profile's order. */
  readonly nodes: readonly SimulatedNode[];
  /** The cluster's pods first, then the manifests' pods in document order. */
  readonly pods: readonly SimulatedPod[];
  readonly findings: readonly SimFinding[];
  readonly defaultCluster: boolean;
  /** The storage objects after the run (claims bound by the placements). */
  readonly storage: StorageObjects;
}

export function simulate(manifests: readonly Manifest[], clusterManifests: readonly Manifest[] | null, options: SimulateOptions = {}): SimulationResult {
  const limits = simulationLimits(options);
  const objects = emptyClusterObjects();
  const profile = readClusterProfile(clusterManifests ? [...clusterManifests] : null, objects, { maxNodes: limits.maxNodes });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  const findings: SimFinding[] = [...profile.findings];
  const nodeNames = new Set(profile.nodes.map((n) => n.name));
  const running = profile.pods.filter((p) => p.nodeName !== null && nodeNames.has(p.nodeName));

  const placed = new Map<string, SimulatedPod>();
  for (const pod of profile.pods) {
    if (pod.nodeName === null) continue;
    const placement = nodeNames.has(pod.nodeName)
      ? simplePlacement(pod.key, 'Bound', pod.nodeName, null, l10n.t('running on {0} (cluster profile)', pod.nodeName))
      : simplePlacement(pod.key, 'Pending', null, 'NodeNotFound', l10n.t('spec.nodeName names node "{0}", which is not in the cluster profile', pod.nodeName));
    placed.set(pod.key, { pod, placement });
  }

  const expansion = expandWorkloads(manifests, { nodes: profile.nodes, objects, maxPodsPerWorkload: limits.maxPodsPerWorkload, maxPodsTotal: limits.maxPodsTotal, takenPodKeys: profile.pods.map((p) => p.key) });
  findings.push(...expansion.findings);
  const queue: QueuedPod[] = profile.pods.filter((p) => p.nodeName === null).map((pod, order) => ({ pod, order }));
  const manifestPods: SimPod[] = [];
  for (const workload of expansion.workloads) {
    const group = workload.orderedReady ? `${workload.namespace}/${workload.kind}/${workload.name}` : undefined;
    for (const pod of workload.pods) {
      manifestPods.push(pod);
      if (isTerminalPhase(pod.phase)) {
        placed.set(pod.key, { pod, placement: simplePlacement(pod.key, pod.nodeName ? 'Bound' : 'Pending', pod.nodeName, null, l10n.t('phase {0}: the pod has finished and holds no resources', String(pod.phase))) });
        continue;
      }
      queue.push({ pod, order: queue.length, orderedGroup: group });
    }
  }

  // After expansion: the controllers' claims (StatefulSet templates, ephemeral volumes) exist before their pods.
  for (const pod of manifestPods) ephemeralClaims(objects.storage, pod.spec, pod.name, pod.namespace);
  const state = createClusterState(profile.nodes, running, { objects, percentageOfNodesToScore: options.percentageOfNodesToScore ?? 0 });
  const run = runSchedulingQueue(state, queue);
  for (const item of queue) {
    const placement = run.placements.get(item.pod.key);
    if (placement) placed.set(item.pod.key, { pod: item.pod, placement });
  }
  for (const [key, placement] of run.placements) {
    const existing = placed.get(key);
    if (existing) placed.set(key, { pod: existing.pod, placement });
  }
  findings.push(...notCreatedFindings(run.notCreated));
  for (const [victim, { by, node }] of run.preempted) {
    const pod = placed.get(victim)?.pod;
    if (!pod) continue;
    const message = pod.owner
      ? l10n.t('Pod {0} is preempted by {1} (higher priority) on node {2}; its {3} creates a replacement, which is scheduled again.', pod.name, by, node, pod.owner.kind)
      : l10n.t('Pod {0} is preempted by {1} (higher priority) on node {2}.', pod.name, by, node);
    findings.push({ source: pod.source, path: ['kind'], severity: 'information', code: 'sim/preempted', message });
  }

  const pods = withLeads([...profile.pods, ...manifestPods].map((p) => placed.get(p.key)).filter((p): p is SimulatedPod => p !== undefined), state);
  findings.push(...placementFindings(pods, (name) => state.nodeByName.get(name)?.labels));
  return { nodes: nodeSummaries(state, profile.nodes), pods, findings, defaultCluster: profile.isDefault, storage: state.storage };
}

export function nodeSummaries(state: ClusterState, nodes: readonly SimNode[]): SimulatedNode[] {
  return nodes.map((node) => {
    const info = state.nodeByName.get(node.name)!;
    const requested: ResourceAmounts = Object.create(null) as ResourceAmounts;
    const c = info.columns;
    requested.cpu = c.requestedMilliCPU[info.index];
    requested.memory = c.requestedMemory[info.index];
    if (c.requestedEphemeralStorage[info.index] > 0) requested['ephemeral-storage'] = c.requestedEphemeralStorage[info.index];
    for (const name of Object.keys(info.requestedScalar)) if (info.requestedScalar[name] !== 0) requested[name] = info.requestedScalar[name];
    requested[PODS] = info.pods.length;
    return { node, requested, pods: info.pods.map((p) => p.key) };
  });
}

/** Each Unschedulable pod's lead sentence, read once per workload and scheduler message (its pods share both). */
function withLeads(pods: readonly SimulatedPod[], state: ClusterState): SimulatedPod[] {
  const leads = new Map<string, string | null>();
  return pods.map((item) => {
    if (item.placement.status !== 'Pending' || item.placement.reason !== 'Unschedulable') return item;
    const { source } = item.pod;
    const key = `${source.file}\u0000${source.document}\u0000${source.path.join('/')}\u0000${item.placement.message}`;
    if (!leads.has(key)) leads.set(key, leadSentence(item.pod, item.placement, state));
    const lead = leads.get(key);
    return lead ? { ...item, lead } : item;
  });
}

/** StatefulSet ordinals never created (OrderedReady waits for the previous pod). */
function notCreatedFindings(pods: readonly SimPod[]): SimFinding[] {
  const bySource = new Map<string, SimPod[]>();
  for (const pod of pods) {
    const key = `${pod.source.file}\u0000${pod.source.document}\u0000${pod.source.path.join('/')}`;
    bySource.set(key, [...(bySource.get(key) ?? []), pod]);
  }
  return [...bySource.values()].map((list) => ({
    source: list[0].source,
    path: ['spec', 'podManagementPolicy'],
    severity: 'information' as const,
    code: 'sim/not-created',
    message:
      list.length === 1
        ? l10n.t('{0} is not created: with podManagementPolicy OrderedReady the StatefulSet controller waits for every earlier pod to be Running and Ready.', list[0].name)
        : l10n.t('{0} are not created: with podManagementPolicy OrderedReady the StatefulSet controller waits for every earlier pod to be Running and Ready.', list.map((p) => p.name).join(', ')),
  }));
}

/** The limits a run uses: the options' own, else `DEFAULT_LIMITS`. */
export function simulationLimits(options: SimulateOptions): typeof DEFAULT_LIMITS {
  return { ...DEFAULT_LIMITS, ...definedOnly(options) };
}

function definedOnly(options: SimulateOptions): Partial<typeof DEFAULT_LIMITS> {
  const result: Partial<typeof DEFAULT_LIMITS> = {};
  if (options.maxPodsPerWorkload !== undefined) result.maxPodsPerWorkload = options.maxPodsPerWorkload;
  if (options.maxPodsTotal !== undefined) result.maxPodsTotal = options.maxPodsTotal;
  if (options.maxNodes !== undefined) result.maxNodes = options.maxNodes;
  return result;
}
