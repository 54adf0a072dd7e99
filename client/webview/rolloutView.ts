import * as l10n from '@vscode/l10n';
import type { DeploymentRollout, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, keepingFocus, replaceChildren, setAttributes } from './dom';
import { keyOf } from './format';
import type { ModelIndex } from './modelIndex';
import { renderStepDetail } from './rolloutStep';
import { BaselinePicker } from './baselinePicker';
import type { RolloutBaselinePick } from '../../server/src/protocol/rolloutBaseline';
import { stepBudget } from './rolloutBudget';
import { fileBeside, withFile } from './duplicateFiles';

export interface RolloutViewActions {
  selectDeployment(key: string): void;
  setStep(step: number): void;
  setNeverReady(neverReady: boolean): void;
  /** The "From:" picker: roll the document out from HEAD, the saved file or another file. */
  setBaseline(pick: RolloutBaselinePick): void;
  reveal(location: SourceLocation): void;
}

export interface RolloutSelection {
  deployment: string | null;
  step: number;
  neverReady: boolean;
}

const PLAY_INTERVAL_MS = 900;

/**
 * The rollout tab: a stepper (previous / play / next / slider) over the idealised controller steps of
 * one Deployment, the step list with the current one highlighted, and what the current step did,
 * where the pods are, and — on the last step of a stalled rollout — why it stops there.
 */
export class RolloutView {
  readonly element: HTMLElement;
  private readonly header = el('div', { class: 'rollout-header' });
  private readonly stepper = el('div', { class: 'stepper', role: 'group' });
  private readonly body = el('div', { class: 'rollout-body' });
  private readonly live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  private readonly baseline = new BaselinePicker((pick) => this.actions.setBaseline(pick));
  private timer: number | undefined;
  private rollout: DeploymentRollout | null = null;
  private selection: RolloutSelection = { deployment: null, step: 0, neverReady: false };

  constructor(private readonly actions: RolloutViewActions) {
    this.element = el('section', { class: 'view view-rollout' }, this.baseline.element, this.header, this.stepper, this.live, this.body);
  }

  /** The Deployment the view shows: the selected one, else the first. */
  static pick(index: ModelIndex, key: string | null): DeploymentRollout | null {
    const deployments = index.model.rollout?.deployments ?? [];
    return deployments.find((d) => keyOf(d) === key) ?? deployments[0] ?? null;
  }

  update(index: ModelIndex, selection: RolloutSelection): void {
    const deployments = index.model.rollout?.deployments ?? [];
    // Labelled on each model: the page's language comes with the first one.
    setAttributes(this.element, { 'aria-label': l10n.t('Rollout') });
    setAttributes(this.stepper, { 'aria-label': l10n.t('Rollout steps') });
    this.selection = selection;
    this.baseline.update(index.model.baseline);
    this.rollout = RolloutView.pick(index, selection.deployment);
    this.renderHeader(deployments, index);
    if (!this.rollout) {
      this.stop();
      replaceChildren(this.stepper);
      replaceChildren(this.body, el('p', { class: 'empty' }, index.model.rollout ? l10n.t('No Deployment in the previewed manifests.') : l10n.t('The simulation did not include a rollout.')));
      return;
    }
    this.renderStep();
  }

  /** Stops playback (the tab was hidden or the panel is going away). */
  stop(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
  }

  private get stepCount(): number {
    return this.rollout?.steps.length ?? 0;
  }

  private get currentStep(): number {
    return Math.max(0, Math.min(this.selection.step, this.stepCount - 1));
  }

  private renderHeader(deployments: readonly DeploymentRollout[], index: ModelIndex): void {
    // Where several files define a Deployment, the file of the copy simulated is shown beside its name.
    const select = el('select', { 'aria-label': 'Deployment' }, ...deployments.map((d) => el('option', { value: keyOf(d), selected: this.rollout === d }, withFile(keyOf(d), fileBeside(index.duplicates, 'Deployment', d.namespace, d.name, d.source)))));
    select.addEventListener('change', () => this.actions.selectDeployment(select.value));
    const neverReady = el('input', { type: 'checkbox', id: 'never-ready', checked: this.selection.neverReady });
    neverReady.addEventListener('change', () => this.actions.setNeverReady(neverReady.checked));
    const rollout = this.rollout;
    replaceChildren(this.header,
      deployments.length > 0 && el('label', { class: 'field' }, 'Deployment ', select),
      rollout && el('span', { class: `badge badge-outcome-${rollout.outcome}` }, rollout.outcome),
      rollout && el('span', { class: 'muted' }, strategyText(rollout)),
      rollout?.source && button(l10n.t('Reveal manifest'), { class: 'secondary', 'aria-label': l10n.t('Reveal the manifest of Deployment {0}', keyOf(rollout)) }, () => this.actions.reveal(rollout.source as SourceLocation)),
      el('span', { class: 'field' }, neverReady, el('label', { for: 'never-ready' }, l10n.t('New pods never become ready'))),
    );
  }

  private renderStep(): void {
    const rollout = this.rollout as DeploymentRollout;
    const count = this.stepCount;
    const current = this.currentStep;
    const last = count - 1;
    const previous = button(l10n.t('◀ Previous'), { 'aria-label': l10n.t('Previous step'), 'data-focus-key': 'previous', disabled: current <= 0 }, () => this.go(current - 1));
    const next = button(l10n.t('Next ▶'), { 'aria-label': l10n.t('Next step'), 'data-focus-key': 'next', disabled: current >= last }, () => this.go(current + 1));
    const playing = this.timer !== undefined;
    const play = button(playing ? l10n.t('❚❚ Pause') : l10n.t('▶ Play'), { 'aria-label': playing ? l10n.t('Pause') : l10n.t('Play the rollout'), 'aria-pressed': playing ? 'true' : 'false', 'data-focus-key': 'play', disabled: count <= 1 }, () => this.togglePlay());
    const slider = el('input', { type: 'range', min: 0, max: Math.max(0, last), value: current, 'aria-label': l10n.t('Step'), 'aria-valuetext': stepLabel(current, count), 'data-focus-key': 'slider', disabled: count <= 1 });
    slider.addEventListener('input', () => this.go(Number(slider.value)));
    replaceChildren(this.stepper, previous, play, next, slider, el('span', { class: 'step-counter' }, stepLabel(current, count)));
    // Read out on every step: where the rollout is, and its two budgets with their arithmetic.
    const budget = count > 0 ? stepBudget(rollout, rollout.steps[current]) : null;
    this.live.textContent = budget ? `${stepLabel(current, count)}: ${budget.pods.text}; ${budget.available.text}` : stepLabel(current, count);
    if (count === 0) {
      replaceChildren(this.body, el('p', { class: 'empty' }, rollout.stallReason ?? l10n.t('The rollout has no steps.')));
      return;
    }
    replaceChildren(this.body, this.renderStepList(rollout, current), renderStepDetail(rollout, current, this.selection.neverReady));
  }

  private renderStepList(rollout: DeploymentRollout, current: number): HTMLElement {
    const stalls = rollout.outcome !== 'complete';
    return el('ol', { class: 'step-list', 'aria-label': l10n.t('Steps') }, ...rollout.steps.map((step, i) => {
      const isLast = i === rollout.steps.length - 1;
      const text = step.initial
        ? l10n.t('before: old {0} · new {1} · available {2}', step.oldReplicas, step.newReplicas, step.available)
        : l10n.t('old {0} · new {1} · available {2}', step.oldReplicas, step.newReplicas, step.available);
      return el('li', { class: `${i === current ? 'current' : ''}${stalls && isLast ? ' stall' : ''}` },
        button(`${i}. ${text}${stalls && isLast ? ` — ${rollout.outcome}` : ''}`, {
          class: 'step-button',
          'data-focus-key': `step-${i}`,
          'aria-current': i === current ? 'step' : false,
          'aria-label': stalls && isLast ? l10n.t('Step {0}: {1}, the rollout is {2} after this step', i, text, rollout.outcome) : l10n.t('Step {0}: {1}', i, text),
        }, () => this.go(i)),
      );
    }));
  }

  private go(step: number): void {
    const clamped = Math.max(0, Math.min(step, this.stepCount - 1));
    if (clamped >= this.stepCount - 1) this.stop();
    this.selection = { ...this.selection, step: clamped };
    this.actions.setStep(clamped);
    keepingFocus(this.element, () => this.renderStep(), 'play');
  }

  private togglePlay(): void {
    if (this.timer !== undefined) {
      this.stop();
      keepingFocus(this.element, () => this.renderStep(), 'play');
      return;
    }
    if (this.currentStep >= this.stepCount - 1) this.selection = { ...this.selection, step: 0 };
    this.timer = window.setInterval(() => this.go(this.currentStep + 1), PLAY_INTERVAL_MS);
    this.go(this.currentStep);
  }
}

function stepLabel(current: number, count: number): string {
  if (count === 0) return l10n.t('No steps');
  // Steps are numbered from 0 (the state before the first change); one step has nothing to step through.
  return count === 1 ? l10n.t('Step 0 (the only step)') : l10n.t('Step {0} of {1} ({2} steps)', current, count - 1, count);
}

function strategyText(rollout: DeploymentRollout): string {
  const replicas = rollout.replicas === undefined ? '' : `${rollout.replicas === 1 ? l10n.t('1 replica') : l10n.t('{0} replicas', rollout.replicas)}, `;
  if (rollout.strategy === 'Recreate') return `${replicas}Recreate`;
  return `${replicas}RollingUpdate, maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}`;
}
