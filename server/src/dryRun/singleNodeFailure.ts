import { isRecord } from '../simulator/model/labelSelector';
import type { SimPod } from '../simulator/model/pod';
import { sourceKey } from '../simulator/model/sameSource';
import type { FieldPath, Manifest, SimFinding } from '../simulator/model/source';
import type { SimulateOptions } from '../simulator/simulate';
import type { DryRunOutput } from './dryRun';
import { lastApplied } from './lastApplied';
import { whatIfFrom } from './whatIfDryRun';
import { estimatedOutage, simulatedOutage, singleNodeFailureMessage, type Outage, type OutageSubject } from './singleNodeFailureText';

export const SINGLE_NODE_FAILURE_CODE = 'sim/single-node-failure';

/** The controllers that keep a count of replicas (and replace a lost pod, the StatefulSet once the old one is gone). */
const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/**
 * How many failed nodes are played through the what-if engine; the workloads on further nodes (a
 * file of many single-replica workloads on a large cluster profile) get the same finding, with the
 * outage estimated from the lifecycle's defaults instead (each run schedules the node's evicted pods).
 */
export const MAX_SIMULATED_NODES = 8;

export interface SingleNodeFailureInput {
  /** The dry run's input, as it was handed to `dryRun` (not yet reduced to the last applied copies). */
  manifests: readonly Manifest[];
  cluster: readonly Manifest[] | null;
  simulateOptions?: SimulateOptions;
}

/** A workload whose placed pods all run on one node. */
interface Exposed extends OutageSubject {
  pods: SimPod[];
  /** `spec.replicas` of its manifest (default 1). */
  replicas: number;
}

/**
 * `sim/single-node-failure` (opt-in, `drydock.whatif.singleNodeFailure`, `drydock simulate
 * --single-node-failure`): a Deployment, StatefulSet, ReplicaSet or ReplicationController of the
 * manifests whose ready pods would all be lost if one node failed.
 *
 * The rule is the what-if model's (node-lifecycle.md §2): when a kubelet goes silent, every pod bound
 * to its node goes NotReady at the node-monitor grace period, and no controller replaces one before
 * it is evicted. So a workload loses all its ready pods to some one node's failure exactly when every
 * placed pod of it (Ready at the start of the timeline) is on that node. Each such node is then failed
 * in the what-if engine (`node-down` at 0) to confirm the outage and to read when a pod of the
 * workload is ready again: replacements at eviction (grace period + tolerationSeconds), Pending ones,
 * a StatefulSet waiting for the node, pods that tolerate the taint forever.
 *
 * Not reported: DaemonSets (one pod per node by design; never evicted for a node failure), bare pods
 * (a single pod is on one node by definition and nothing replaces it: the finding would be on every
 * Pod and say nothing a reader does not know), Jobs (run to completion), the cluster profile's pods,
 * and workloads without a placed pod (their Pending pods have their own findings).
 *
 * Pure and deterministic: nodes are failed in name order, workloads reported in manifest order.
 */
export function singleNodeFailureFindings(start: DryRunOutput, input: SingleNodeFailureInput): SimFinding[] {
  const exposed = exposedWorkloads(start, input.manifests);
  if (exposed.length === 0) return [];
  const nodes = [...new Set(exposed.map((e) => e.node))].sort(compare);
  const simulated = new Set(nodes.slice(0, MAX_SIMULATED_NODES));
  const outages = new Map<string, Outage | null>();
  for (const node of simulated) {
    const run = whatIfFrom(start, { manifests: input.manifests, cluster: input.cluster, events: [{ kind: 'node-down', node, at: 0 }], simulateOptions: input.simulateOptions });
    for (const workload of exposed.filter((e) => e.node === node)) outages.set(workloadKey(workload), simulatedOutage(run, workload));
  }
  const findings: SimFinding[] = [];
  for (const workload of exposed) {
    // Null: the engine did not see the workload go without a ready pod; the rule and the engine disagree, so say nothing.
    const outage = simulated.has(workload.node) ? outages.get(workloadKey(workload)) : estimatedOutage(workload);
    if (!outage) continue;
    const pod = workload.pods[0];
    findings.push({ source: pod.source, path: findingPath(workload, pod), severity: 'warning', code: SINGLE_NODE_FAILURE_CODE, message: singleNodeFailureMessage(workload, outage) });
  }
  return findings;
}

/** The manifests' replicated workloads with at least one placed pod, all of them on one node; in manifest order. */
function exposedWorkloads(start: DryRunOutput, manifests: readonly Manifest[]): Exposed[] {
  const replicas = new Map<string, number>();
  for (const { source, object } of lastApplied(manifests).manifests) {
    const spec = isRecord(object.spec) ? object.spec : {};
    replicas.set(sourceKey(source), typeof spec.replicas === 'number' ? spec.replicas : 1);
  }
  const byWorkload = new Map<string, { workload: Omit<Exposed, 'node'>; nodes: Set<string> }>();
  for (const { pod, placement } of start.simulation.pods) {
    const workload = pod.workload ?? pod.owner;
    if (pod.origin === 'cluster' || !workload || !REPLICATED_KINDS.has(workload.kind)) continue;
    const key = `${workload.kind} ${pod.namespace}/${workload.name}`;
    let entry = byWorkload.get(key);
    if (!entry) {
      entry = { workload: { kind: workload.kind, namespace: pod.namespace, name: workload.name, pods: [], pending: 0, replicas: replicas.get(sourceKey(pod.source)) ?? 1 }, nodes: new Set() };
      byWorkload.set(key, entry);
    }
    if (placement.status === 'Pending' || placement.node === null) entry.workload.pending++;
    else {
      entry.workload.pods.push(pod);
      entry.nodes.add(placement.node);
    }
  }
  const result: Exposed[] = [];
  for (const { workload, nodes } of byWorkload.values()) if (nodes.size === 1) result.push({ ...workload, node: [...nodes][0] });
  return result;
}

/**
 * `spec.replicas` when the workload asks for one replica; when it asks for more and they all landed
 * on one node, the pod template's affinity if it has one (what put them there), else `spec.replicas`.
 */
function findingPath(workload: Exposed, pod: SimPod): FieldPath {
  if (workload.replicas > 1 && isRecord(pod.spec.affinity)) return [...pod.specPath, 'affinity'];
  return ['spec', 'replicas'];
}

export function workloadKey(workload: { kind: string; namespace: string; name: string }): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
