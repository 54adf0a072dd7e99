import * as l10n from '@vscode/l10n';
import type { PreviewRolloutStep } from '../../server/src/protocol/preview';
import { el, setPercentWidth } from './dom';
import type { BudgetMeter, StepBudget } from './rolloutBudget';

/** Up to this many pods a budget bar has one slot per pod; beyond, it is a continuous bar. */
const MAX_SLOTS = 40;

/**
 * The two budget bars of a rollout step: all pods against the ceiling (replicas + maxSurge) and the
 * available pods against the floor (replicas − maxUnavailable). Each bar is a `role="meter"` whose
 * value text is the whole sentence with its formula, and the same sentence is printed above it, so
 * the arithmetic is both seen and read out. Drawn as one slot per pod: the pods bar has a slot per
 * replica then one per surge pod allowed (dashed), filled by the old then the new pods; the available
 * bar has a slot per replica, the floor's slots underlined, filled by the available pods. The bound is
 * a line after its last slot.
 */
export function renderBudget(budget: StepBudget, step: PreviewRolloutStep, replicas: number): HTMLElement {
  return el('div', { class: 'budget', role: 'group', 'aria-label': l10n.t('Budgets at this step') },
    budgetBar('pods', l10n.t('All pods against the ceiling replicas + maxSurge'), budget.pods, replicas, podSlots(step)),
    budgetBar('available', l10n.t('Available pods against the floor replicas − maxUnavailable'), budget.available, replicas, (i) => (i < budget.available.value ? 'available' : null)),
    Math.max(budget.pods.scaleMax, budget.available.scaleMax) <= MAX_SLOTS && el('p', { class: 'muted budget-key' },
      l10n.t('One slot per pod: old pods, then new ones, drawn as on the nodes below (an outline: not available); dashed empty slots are what maxSurge allows above the replicas; underlined slots are the floor; the line marks the ceiling or the floor.')),
  );
}

/**
 * The pods bar's slots in order: old available, old not available, new available, new not available,
 * drawn like the pods on the node tiles (a pod not available is an outline). Without the ReplicaSets'
 * counts, old then new.
 */
function podSlots(step: PreviewRolloutStep): (slot: number) => string | null {
  const sets = step.replicaSets ?? [];
  const availableOf = (isNew: boolean) => sets.filter((rs) => rs.isNew === isNew).reduce((sum, rs) => sum + Math.min(rs.available, rs.replicas), 0);
  const [oldReady, newReady] = sets.length > 0 ? [availableOf(false), availableOf(true)] : [step.oldReplicas, step.newReplicas];
  const total = step.oldReplicas + step.newReplicas;
  return (i) => {
    if (i >= total) return null;
    if (i < step.oldReplicas) return i < oldReady ? 'old' : 'old slot-not-ready';
    return i - step.oldReplicas < newReady ? 'new' : 'new slot-not-ready';
  };
}

function budgetBar(kind: 'pods' | 'available', label: string, meter: BudgetMeter, replicas: number, fillOf: (slot: number) => string | null): HTMLElement {
  const track = el('div', {
    class: `budget-track${meter.scaleMax <= MAX_SLOTS ? ' budget-slots' : ''}`,
    role: 'meter',
    'aria-label': label,
    'aria-valuemin': 0,
    'aria-valuemax': meter.scaleMax,
    'aria-valuenow': meter.value,
    'aria-valuetext': meter.text,
  });
  if (meter.scaleMax <= MAX_SLOTS) {
    for (let i = 0; i < meter.scaleMax; i++) {
      const fill = fillOf(i);
      const zone = kind === 'pods' ? (i >= meter.bound ? ' slot-over' : i >= replicas ? ' slot-surge' : '') : i < meter.bound ? ' slot-floor' : '';
      track.append(el('span', { class: `budget-slot${zone}${fill ? ` slot-${fill}` : ''}${i === meter.bound - 1 ? ' slot-bound' : ''}`, 'aria-hidden': 'true' }));
    }
  } else {
    const zone = el('div', { class: 'budget-zone', 'aria-hidden': 'true' });
    const fill = el('div', { class: 'budget-fill', 'aria-hidden': 'true' });
    setPercentWidth(zone, meter.bound / meter.scaleMax);
    setPercentWidth(fill, meter.value / meter.scaleMax);
    track.append(zone, fill);
  }
  return el('div', { class: `budget-row budget-${kind}${meter.holds ? '' : ' budget-broken'}` }, el('div', { class: 'budget-text' }, meter.text), track);
}
