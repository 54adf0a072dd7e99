import { readClusterProfile } from '../simulator/cluster/clusterProfile';
import { computeServices, type ServiceEndpoints } from '../simulator/controllers';
import { isRecord } from '../simulator/model/labelSelector';
import { addClusterObject, emptyClusterObjects } from '../simulator/model/clusterObjects';
import { namespaceOf } from '../simulator/model/podFromObject';
import type { Manifest } from '../simulator/model/source';
import { budgetRequirement, budgetSelects, readDisruptionBudget, settledBudgetStatus, type DisruptionBudget } from '../simulator/lifecycle/disruptionBudget';
import type { ReadyHistory } from '../simulator/lifecycle/lifecycleState';
import type { SimPod } from '../simulator/model/pod';
import type { WhatIfEvent } from '../simulator/lifecycle/timeline';
import { verdicts, type BudgetFloor, type Verdict } from '../simulator/lifecycle/verdicts';
import { runWhatIf, type WhatIfResult } from '../simulator/lifecycle/whatIf';
import { DEFAULT_LIMITS, nodeSummaries, type SimulateOptions, type SimulationResult } from '../simulator/simulate';
import { dryRun, type DryRunOutput } from './dryRun';
import { lastApplied } from './lastApplied';

export interface WhatIfDryRunInput {
  manifests: readonly Manifest[];
  /** The cluster profile's objects; null: the embedded default cluster. */
  cluster: readonly Manifest[] | null;
  events: readonly WhatIfEvent[];
  until?: number;
  simulateOptions?: SimulateOptions;
}

export interface WhatIfDryRunOutput {
  /** The settled dry run the timeline starts from (its findings are the run's diagnostics). */
  start: DryRunOutput;
  whatIf: WhatIfResult;
  /** The cluster at the end, shaped as a dry run's (for `simulate --format json`'s shape). */
  final: SimulationResult;
  finalServices: ServiceEndpoints[];
  /** Keys of the pods still Terminating at the end. */
  terminating: Set<string>;
  verdicts: Verdict[];
  /** Events naming a node the cluster does not have. */
  unknownNodes: string[];
}

const SCALED_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/**
 * `drydock whatif`: the dry run, then the node lifecycle timeline over it (simulator/lifecycle), then
 * the cluster at the end with its Services' endpoints and a verdict per workload and Service.
 */
export function whatIfDryRun(input: WhatIfDryRunInput): WhatIfDryRunOutput {
  return whatIfFrom(dryRun({ manifests: input.manifests, cluster: input.cluster, baseline: null, simulateOptions: input.simulateOptions }), input);
}

/** The timeline from a finished dry run of the same input (the benchmark times this part alone). */
export function whatIfFrom(start: DryRunOutput, input: WhatIfDryRunInput): WhatIfDryRunOutput {
  const { manifests } = lastApplied(input.manifests);
  const objects = emptyClusterObjects();
  readClusterProfile(input.cluster ? [...input.cluster] : null, objects, { maxNodes: input.simulateOptions?.maxNodes ?? DEFAULT_LIMITS.maxNodes });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  objects.storage = start.simulation.storage;
  const nodeNames = new Set(start.simulation.nodes.map((n) => n.node.name));
  const unknownNodes = [...new Set(input.events.map((e) => e.node).filter((name) => !nodeNames.has(name)))];
  const replicas = replicasOf(manifests);
  const budgets = [...(input.cluster ?? []), ...manifests].map((m) => readDisruptionBudget(m.object)).filter((b): b is DisruptionBudget => b !== null);
  const whatIf = runWhatIf({
    nodes: start.simulation.nodes.map((n) => n.node),
    pods: start.simulation.pods,
    objects,
    services: start.services.services.map((s) => ({ namespace: s.namespace, name: s.name, selector: s.selector, publishNotReadyAddresses: s.publishNotReadyAddresses })),
    budgets,
    replicas,
    events: input.events,
    until: input.until,
    percentageOfNodesToScore: input.simulateOptions?.percentageOfNodesToScore,
  });
  const pods = whatIf.pods.map((live) => ({ pod: { ...live.pod, ready: live.ready, nodeName: live.phase === 'Pending' ? null : live.pod.nodeName }, placement: live.placement }));
  const final: SimulationResult = { nodes: nodeSummaries(whatIf.scheduler, whatIf.nodes), pods, findings: [], defaultCluster: start.simulation.defaultCluster, storage: whatIf.scheduler.storage };
  const finalServices = computeServices(manifests, pods.map((p) => p.pod)).services;
  const terminating = new Set(whatIf.pods.filter((p) => p.phase === 'Terminating').map((p) => p.pod.key));
  const result = verdicts(whatIf.histories, budgetFloors(start, budgets, replicas));
  return { start, whatIf, final, finalServices, terminating, verdicts: result, unknownNodes };
}

/** The budget covering each workload (the first selecting one of its pods) and its floor at the start. */
function budgetFloors(start: DryRunOutput, budgets: readonly DisruptionBudget[], replicas: ReadonlyMap<string, number>): (history: ReadyHistory) => BudgetFloor | null {
  const placed = start.simulation.pods.filter((p) => p.placement.status !== 'Pending').map((p) => p.pod);
  const byWorkload = new Map<string, SimPod[]>();
  for (const pod of placed) {
    const workload = pod.workload ?? pod.owner ?? { kind: 'Pod', name: pod.name };
    const key = `${workload.kind} ${pod.namespace}/${workload.name}`;
    const list = byWorkload.get(key);
    if (list) list.push(pod);
    else byWorkload.set(key, [pod]);
  }
  return (history) => {
    const members = byWorkload.get(`${history.kind} ${history.namespace}/${history.name}`) ?? [];
    const budget = budgets.find((b) => members.some((p) => budgetSelects(b, p)));
    return budget ? { name: budget.name, requirement: budgetRequirement(budget), desired: settledBudgetStatus(budget, placed, replicas).desiredHealthy } : null;
  };
}

/** `Kind namespace/name` → `spec.replicas` (default 1) of the controllers with a scale. */
function replicasOf(manifests: readonly Manifest[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const { object } of manifests) {
    if (!SCALED_KINDS.has(object.kind ?? '') || typeof object.metadata?.name !== 'string') continue;
    const spec = isRecord(object.spec) ? object.spec : {};
    result.set(`${object.kind} ${namespaceOf(object)}/${object.metadata.name}`, typeof spec.replicas === 'number' ? spec.replicas : 1);
  }
  return result;
}
