import * as l10n from '@vscode/l10n';
import { compileLabelSelector, isRecord, type Labels, type Selector } from '../model/labelSelector';
import { namespaceOf } from '../model/podFromObject';
import type { KubeObject } from '../model/source';

/** An int-or-string of a PodDisruptionBudget: a count, or a percentage (`"34%"`); `invalid` for anything else. */
export type IntOrPercent = { kind: 'int'; value: number } | { kind: 'percent'; value: number } | { kind: 'invalid'; text: string };

export interface DisruptionBudget {
  namespace: string;
  name: string;
  selector: Selector;
  minAvailable: IntOrPercent | null;
  maxUnavailable: IntOrPercent | null;
  unhealthyPodEvictionPolicy: 'IfHealthyBudget' | 'AlwaysAllow';
}

/** A pod as the disruption controller counts it. */
export interface BudgetPod {
  readonly namespace: string;
  readonly labels: Labels;
  readonly ready: boolean;
  /** Being deleted (deletionTimestamp set). */
  readonly deleting: boolean;
  /** `Kind namespace/name` of its controller, null without one. */
  readonly controller: string | null;
  readonly controllerKind: string | null;
}

export interface BudgetStatus {
  expectedPods: number;
  desiredHealthy: number;
  currentHealthy: number;
  disruptionsAllowed: number;
  /** Why the controller could not count (then 0 disruptions). */
  error: string | null;
}

/** Controllers with a scale (the disruption controller's finders): Deployment through its ReplicaSet, ReplicaSet, RC, StatefulSet. */
const SCALED_KINDS = new Set(['ReplicaSet', 'ReplicationController', 'StatefulSet', 'Deployment']);

export function readDisruptionBudget(object: KubeObject): DisruptionBudget | null {
  if (object.kind !== 'PodDisruptionBudget' || typeof object.metadata?.name !== 'string') return null;
  const spec = isRecord(object.spec) ? object.spec : {};
  return {
    namespace: namespaceOf(object),
    name: object.metadata.name,
    selector: compileLabelSelector(spec.selector),
    minAvailable: intOrPercent(spec.minAvailable),
    maxUnavailable: intOrPercent(spec.maxUnavailable),
    unhealthyPodEvictionPolicy: spec.unhealthyPodEvictionPolicy === 'AlwaysAllow' ? 'AlwaysAllow' : 'IfHealthyBudget',
  };
}

export function budgetSelects(budget: DisruptionBudget, pod: { namespace: string; labels: Labels }): boolean {
  return pod.namespace === budget.namespace && budget.selector.matches(pod.labels);
}

/**
 * The disruption controller's status for `pods` (those the budget selects; node-lifecycle.md §8):
 * `minAvailable: N` expects every matching pod and wants N; a percentage, or `maxUnavailable`, expects
 * the `replicas` of the pods' controllers (`replicasOf`) and rounds the percentage up. Pods without a
 * controller are left out of that count; a controller without a scale is an error (0 disruptions).
 */
export function budgetStatus(budget: DisruptionBudget, pods: readonly BudgetPod[], replicasOf: (controller: string) => number): BudgetStatus {
  const currentHealthy = pods.filter((p) => p.ready && !p.deleting).length;
  const status = (expectedPods: number, desiredHealthy: number, error: string | null = null): BudgetStatus => {
    const allowed = currentHealthy - desiredHealthy;
    return { expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed: error !== null || expectedPods <= 0 || allowed < 0 ? 0 : allowed, error };
  };
  const { minAvailable, maxUnavailable } = budget;
  if (maxUnavailable === null && minAvailable?.kind === 'int') return status(pods.length, minAvailable.value);
  if (maxUnavailable === null && minAvailable === null) return status(0, 0);
  const controllers = new Set<string>();
  for (const pod of pods) {
    if (pod.controller === null) continue;
    if (!SCALED_KINDS.has(pod.controllerKind ?? '')) return status(0, 0, `${pod.controller} has no scale subresource`);
    controllers.add(pod.controller);
  }
  let expected = 0;
  for (const controller of controllers) expected += replicasOf(controller);
  if (maxUnavailable !== null) {
    const max = scaled(maxUnavailable, expected);
    return max === null ? status(0, 0, `invalid maxUnavailable ${describe(maxUnavailable)}`) : status(expected, Math.max(0, expected - max));
  }
  const min = scaled(minAvailable!, expected);
  return min === null ? status(0, 0, `invalid minAvailable ${describe(minAvailable!)}`) : status(expected, min);
}

/** The controller a budget counts for a pod: a Deployment for its ReplicaSet's pods, else the owner. */
export function budgetController(pod: { namespace: string; owner: { kind: string; name: string } | null; workload?: { kind: string; name: string } | null }): { kind: string; key: string } | null {
  if (pod.owner === null) return null;
  const controller = pod.owner.kind === 'ReplicaSet' && pod.workload?.kind === 'Deployment' ? pod.workload : pod.owner;
  return { kind: controller.kind, key: `${controller.kind} ${pod.namespace}/${controller.name}` };
}

/**
 * A budget's status over pods that all run Ready (the dry run's settled state); a controller
 * missing from `replicas` (the cluster's own) counts as many replicas as it has pods here.
 */
export function settledBudgetStatus(budget: DisruptionBudget, pods: readonly SettledPod[], replicas: ReadonlyMap<string, number>): BudgetStatus {
  const selected = pods.filter((p) => budgetSelects(budget, p));
  const owned = new Map<string, number>();
  const budgetPods = selected.map((pod) => {
    const controller = budgetController(pod);
    if (controller) owned.set(controller.key, (owned.get(controller.key) ?? 0) + 1);
    return { namespace: pod.namespace, labels: pod.labels, ready: true, deleting: false, controller: controller?.key ?? null, controllerKind: controller?.kind ?? null };
  });
  return budgetStatus(budget, budgetPods, (controller) => replicas.get(controller) ?? owned.get(controller) ?? 0);
}

export interface SettledPod {
  namespace: string;
  labels: Labels;
  owner: { kind: string; name: string } | null;
  workload?: { kind: string; name: string } | null;
}

/** `GetScaledValueFromIntOrPercent(value, total, roundUp=true)`. */
export function scaled(value: IntOrPercent, total: number): number | null {
  if (value.kind === 'int') return value.value;
  if (value.kind === 'percent') return Math.ceil((value.value * total) / 100);
  return null;
}

/** What the budget asks for, in its own words (`minAvailable 2`, `maxUnavailable 30%`). */
export function budgetRequirement(budget: DisruptionBudget): string {
  if (budget.maxUnavailable !== null) return `maxUnavailable ${describe(budget.maxUnavailable)}`;
  if (budget.minAvailable !== null) return `minAvailable ${describe(budget.minAvailable)}`;
  return l10n.t('no minAvailable or maxUnavailable');
}

function describe(value: IntOrPercent): string {
  return value.kind === 'int' ? String(value.value) : value.kind === 'percent' ? `${value.value}%` : `"${value.text}"`;
}

function intOrPercent(raw: unknown): IntOrPercent | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number' && Number.isInteger(raw)) return { kind: 'int', value: raw };
  if (typeof raw === 'string') {
    const match = /^(\d+)%$/.exec(raw);
    if (match) return { kind: 'percent', value: Number(match[1]) };
  }
  return { kind: 'invalid', text: String(raw) };
}
