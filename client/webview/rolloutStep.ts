import * as l10n from '@vscode/l10n';
import type { DeploymentRollout, PreviewRolloutStep } from '../../server/src/protocol/preview';
import { el } from './dom';
import { stepBudget } from './rolloutBudget';
import { renderBudget } from './rolloutBudgetView';
import { renderPlacement } from './rolloutPlacement';
import { unavailableReasons } from './rolloutUnavailable';

/**
 * What one rollout step did and where the pods of the Deployment are at its end. Steps are numbered
 * by position: step 0 is the state before the controller's first tick (`initial`), when there is one.
 */
export function renderStepDetail(rollout: DeploymentRollout, index: number, neverReady: boolean): HTMLElement {
  const step = rollout.steps[index];
  const isLast = index === rollout.steps.length - 1;
  const budget = stepBudget(rollout, step);
  const reasons = unavailableReasons(rollout, step, neverReady);
  return el('div', { class: 'step-detail' },
    el('h3', {}, step.initial ? l10n.t('Step {0}: before the rollout', index) : l10n.t('Step {0}', index)),
    step.initial && el('p', { class: 'muted' }, step.oldReplicas + step.newReplicas > 0
      ? l10n.t('The running version at full size, before the controller changes anything.')
      : l10n.t('Nothing of this Deployment runs yet (a first rollout).')),
    renderCounts(step),
    reasons.length > 0 && el('ul', { class: 'unavailable-reasons', 'aria-label': l10n.t('Why pods are unavailable') }, ...reasons.map((reason) => el('li', {}, reason))),
    budget && renderBudget(budget, step, rollout.replicas ?? 0),
    step.rolloutStatus && el('p', { class: 'muted' }, step.rolloutStatus),
    isLast && rollout.outcome !== 'complete' && renderStall(rollout),
    isLast && rollout.outcome === 'complete' && el('p', { class: 'callout callout-ok', role: 'note' }, l10n.t('✓ The rollout completes at this step: every replica runs the new template and is available.')),
    el('h4', {}, l10n.t('Controller actions')),
    step.actions.length > 0
      ? el('ol', { class: 'actions' }, ...step.actions.map((action) => el('li', {}, action)))
      : el('p', { class: 'muted' }, step.initial ? l10n.t('None yet: the controller starts at the next step.') : l10n.t('No action: the controller waits for pods to become available.')),
    step.pending.length > 0 && el('h4', {}, l10n.t('Pending pods ({0})', step.pending.length)),
    step.pending.length > 0 && el('ul', { class: 'pending-list' }, ...step.pending.map((line) => el('li', {}, line))),
    step.replicaSets && step.replicaSets.length > 0 && renderReplicaSets(step),
    renderPlacement(rollout, index),
    rollout.notes && rollout.notes.length > 0 && el('div', { class: 'notes' }, el('h4', {}, l10n.t('Notes')), el('ul', {}, ...rollout.notes.map((note) => el('li', {}, note)))),
  );
}

function renderCounts(step: PreviewRolloutStep): HTMLElement {
  const stat = (label: string, value: number, kind: string) =>
    el('div', { class: `stat stat-${kind}`, role: 'group', 'aria-label': `${label}: ${value}` }, el('span', { class: 'stat-value' }, value), el('span', { class: 'stat-label' }, label));
  return el('div', { class: 'stats' },
    stat(l10n.t('old replicas'), step.oldReplicas, 'old'),
    stat(l10n.t('new replicas'), step.newReplicas, 'new'),
    stat(l10n.t('available'), step.available, 'available'),
    stat(l10n.t('unavailable'), step.unavailable, 'unavailable'),
  );
}

function renderStall(rollout: DeploymentRollout): HTMLElement {
  const why = rollout.stallReason ?? (rollout.outcome === 'paused' ? l10n.t('the Deployment is paused.') : l10n.t('no step after this one changes anything.'));
  return el('div', { class: 'callout callout-stall', role: 'alert' },
    el('strong', {}, rollout.outcome === 'paused' ? l10n.t('⏸ The rollout pauses here. ') : l10n.t('⚠ The rollout stalls here. ')),
    // The engine's reason may begin with what the heading just said ("the rollout stalls at old 3 / new 2…"): not twice.
    capitalised(why.replace(/^the rollout (?:stalls|pauses) /, '')),
    rollout.outcome === 'stalled' && !/ProgressDeadlineExceeded/.test(why) && el('p', {},
      l10n.t('Nothing reverts automatically: after progressDeadlineSeconds the Deployment reports Progressing=False (ProgressDeadlineExceeded) and stays in this state until the template is fixed or rolled back (kubectl rollout undo).')),
  );
}

function renderReplicaSets(step: PreviewRolloutStep): HTMLElement {
  const sets = step.replicaSets ?? [];
  return el('div', {},
    el('h4', {}, 'ReplicaSets'),
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, ...['ReplicaSet', l10n.t('Revision'), l10n.t('Replicas'), l10n.t('Available'), l10n.t('Role')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...sets.map((rs) => el('tr', {},
        el('td', {}, rs.name), el('td', { class: 'num' }, rs.revision), el('td', { class: 'num' }, rs.replicas), el('td', { class: 'num' }, rs.available),
        el('td', {}, el('span', { class: `badge ${rs.isNew ? 'badge-new' : 'badge-old'}` }, rs.isNew ? l10n.t('updated') : l10n.t('stable'))),
      ))),
    ),
  );
}

/** The reason as a sentence: it follows "The rollout stalls here." */
function capitalised(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
