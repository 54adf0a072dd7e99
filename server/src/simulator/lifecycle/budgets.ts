import { budgetController, budgetSelects, budgetStatus, type BudgetPod, type BudgetStatus, type DisruptionBudget } from './disruptionBudget';
import type { LivePod, WhatIfState } from './lifecycleState';

/** The budgets selecting a pod, and a budget's status over the pods that exist now. */
export function budgetsOf(state: WhatIfState, pod: LivePod): DisruptionBudget[] {
  return state.input.budgets.filter((b) => budgetSelects(b, pod.pod));
}

export function statusOf(state: WhatIfState, budget: DisruptionBudget): BudgetStatus {
  const pods: BudgetPod[] = [];
  for (const live of state.pods.values()) if (budgetSelects(budget, live.pod)) pods.push(budgetPod(live));
  return budgetStatus(budget, pods, (controller) => state.input.replicas.get(controller) ?? ownedCount(state, controller));
}

export function budgetPod(live: LivePod): BudgetPod & { phase: string } {
  const controller = budgetController(live.pod);
  return { namespace: live.pod.namespace, labels: live.pod.labels, ready: live.ready, deleting: live.phase === 'Terminating', controller: controller?.key ?? null, controllerKind: controller?.kind ?? null, phase: live.phase };
}

/** A controller not among the manifests (the cluster's own): as many replicas as it has pods. */
function ownedCount(state: WhatIfState, controller: string): number {
  let n = 0;
  for (const live of state.pods.values()) if (budgetController(live.pod)?.key === controller && live.phase !== 'Terminating') n++;
  return n;
}
