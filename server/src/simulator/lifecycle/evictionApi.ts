import { verbatim } from '../../l10n/verbatim';
import { budgetStatus, type BudgetPod, type BudgetStatus, type DisruptionBudget } from './disruptionBudget';

/** The eviction subresource's answer (`pkg/registry/core/pod/storage/eviction.go` `Create`). */
export type EvictionOutcome =
  | { kind: 'deleted'; budget: DisruptionBudget | null }
  | { kind: 'blocked'; code: 429 | 500; budget: DisruptionBudget; message: string };

export interface EvictionCandidate extends BudgetPod {
  /** `Pending`, `Running`, `Succeeded`, `Failed`. */
  readonly phase: string;
}

export const MULTIPLE_BUDGETS_MESSAGE = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
export const VIOLATES_BUDGET_MESSAGE = 'Cannot evict pod as it would violate the pod\'s disruption budget.';

/**
 * `POST pods/<name>/eviction` (node-lifecycle.md §7): finished, Pending or deleting pods are deleted
 * without a budget check; more than one budget → 500; none → deleted; a pod not Ready passes when the
 * policy is AlwaysAllow, or (IfHealthyBudget) when the budget is met without it; otherwise
 * `disruptionsAllowed` must be above 0 (else 429). `budgets` are those selecting the pod;
 * `statusOf` computes a budget's status from the current pods.
 */
export function evict(pod: EvictionCandidate, budgets: readonly DisruptionBudget[], statusOf: (budget: DisruptionBudget) => BudgetStatus): EvictionOutcome {
  if (pod.phase !== 'Running' || pod.deleting) return { kind: 'deleted', budget: null };
  if (budgets.length > 1) return { kind: 'blocked', code: 500, budget: budgets[0], message: MULTIPLE_BUDGETS_MESSAGE };
  if (budgets.length === 0) return { kind: 'deleted', budget: null };
  const budget = budgets[0];
  const status = statusOf(budget);
  if (!pod.ready) {
    if (budget.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { kind: 'deleted', budget };
    if (status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0) return { kind: 'deleted', budget };
  }
  if (status.disruptionsAllowed <= 0) {
    return { kind: 'blocked', code: 429, budget, message: verbatim(`${VIOLATES_BUDGET_MESSAGE} The disruption budget ${budget.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`) };
  }
  return { kind: 'deleted', budget };
}

export { budgetStatus };
