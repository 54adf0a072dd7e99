import * as l10n from '@vscode/l10n';
import type { DeploymentRollout, PreviewRolloutStep } from '../../server/src/protocol/preview';
import { podCount } from './counts';

/**
 * The two budgets of a rolling update at one step, with their arithmetic in words (rollout.md §1.3):
 * every pod of the Deployment (old + new ReplicaSets, pending ones included) against the ceiling
 * replicas + maxSurge, and the available pods against the floor replicas − maxUnavailable. Pure (no
 * DOM), so the numbers and sentences are unit-tested; rolloutBudgetView.ts draws them.
 */
export interface BudgetMeter {
  /** Pods now (ceiling meter) or available pods now (floor meter). */
  value: number;
  /** The ceiling (R + maxSurge) or the floor (R − maxUnavailable). */
  bound: number;
  /** Where the meter's scale ends: the larger of the bound, the value and R. */
  scaleMax: number;
  /** The value is within the bound (≤ the ceiling, ≥ the floor). */
  holds: boolean;
  /** The comparison with its formula, e.g. "4 pods ≤ 3 + 1 (maxSurge 25% of 3, rounded up)". */
  text: string;
}

export interface StepBudget {
  pods: BudgetMeter;
  available: BudgetMeter;
}

/** The budgets of `step`; null when the server did not say how many replicas the Deployment wants. */
export function stepBudget(rollout: DeploymentRollout, step: PreviewRolloutStep): StepBudget | null {
  const replicas = rollout.replicas;
  if (replicas === undefined) return null;
  const total = step.oldReplicas + step.newReplicas;
  const pods = podCount(total);
  const available = l10n.t('{0} available', step.available);
  if (rollout.strategy === 'Recreate') {
    return {
      pods: meter(total, replicas, replicas, total <= replicas, l10n.t('{0} {1} {2} (Recreate: no surge; the old pods stop before the new ones start)', pods, total <= replicas ? '≤' : '>', replicas)),
      available: meter(step.available, 0, replicas, true, l10n.t('{0} ≥ 0 (Recreate keeps no pod available while it replaces them)', available)),
    };
  }
  const ceiling = replicas + rollout.maxSurge;
  const floor = replicas - rollout.maxUnavailable;
  const podsHold = total <= ceiling;
  const availableHolds = step.available >= floor;
  return {
    pods: meter(total, ceiling, replicas, podsHold, `${pods} ${podsHold ? '≤' : '>'} ${replicas} + ${rollout.maxSurge} (${surgeWhy(rollout, replicas)})`),
    available: meter(step.available, floor, replicas, availableHolds, `${available} ${availableHolds ? '≥' : '<'} ${replicas} − ${rollout.maxUnavailable} (${unavailableWhy(rollout, replicas)})`),
  };
}

/** "maxSurge 25% of 3, rounded up", "maxSurge 1". */
export function surgeWhy(rollout: DeploymentRollout, replicas: number): string {
  return `maxSurge ${scaledText(rollout.maxSurgeSpec, rollout.maxSurge, replicas, 'up')}`;
}

/**
 * "maxUnavailable 25% of 10, rounded down", with the two upstream adjustments said when they apply:
 * both values resolving to 0 (the controller then allows 1) and the cap at the replica count.
 */
export function unavailableWhy(rollout: DeploymentRollout, replicas: number): string {
  const spec = rollout.maxUnavailableSpec;
  const written = scaledText(spec, rollout.maxUnavailable, replicas, 'down');
  const resolved = spec === undefined || spec === null ? null : resolve(spec, replicas, 'down');
  if (resolved === 0 && rollout.maxSurge === 0 && rollout.maxUnavailable === 1) {
    return l10n.t('maxUnavailable {0} is 0, and so is maxSurge: the controller allows 1 so that the rollout can progress', written);
  }
  if (resolved !== null && replicas > 0 && resolved > replicas && rollout.maxUnavailable === replicas) {
    return replicas === 1 ? l10n.t('maxUnavailable {0}, at most the 1 replica', written) : l10n.t('maxUnavailable {0}, at most the {1} replicas', written, replicas);
  }
  return `maxUnavailable ${written}`;
}

/** A percentage against R with its rounding ("25% of 3, rounded up"); an integer, or no spec, as the resolved number. */
function scaledText(spec: string | null | undefined, resolved: number, replicas: number, rounding: 'up' | 'down'): string {
  const percent = percentOf(spec);
  if (percent === null) return spec ?? String(resolved);
  const exact = (percent * replicas) % 100 === 0;
  if (exact) return l10n.t('{0}% of {1}', percent, replicas);
  return rounding === 'up' ? l10n.t('{0}% of {1}, rounded up', percent, replicas) : l10n.t('{0}% of {1}, rounded down', percent, replicas);
}

/** What `spec` resolves to against R before the adjustments (ceil for surge, floor for unavailable). */
function resolve(spec: string, replicas: number, rounding: 'up' | 'down'): number | null {
  const percent = percentOf(spec);
  if (percent === null) return /^\d+$/.test(spec) ? Number(spec) : null;
  return rounding === 'up' ? Math.ceil((percent * replicas) / 100) : Math.floor((percent * replicas) / 100);
}

function percentOf(spec: string | null | undefined): number | null {
  const match = spec ? /^(\d+)%$/.exec(spec) : null;
  return match ? Number(match[1]) : null;
}

function meter(value: number, bound: number, replicas: number, holds: boolean, text: string): BudgetMeter {
  return { value, bound, scaleMax: Math.max(value, bound, replicas, 1), holds, text };
}
