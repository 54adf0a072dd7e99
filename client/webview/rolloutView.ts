import type { DeploymentRollout, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, keepingFocus, replaceChildren } from './dom';
import { keyOf, plural } from './format';
import type { ModelIndex } from './modelIndex';
import { renderStepDetail } from './rolloutStep';

export interface RolloutViewActions {
  selectDeployment(key: string): void;
  setStep(step: number): void;
  setNeverReady(neverReady: boolean): void;
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
  private readonly stepper = el('div', { class: 'stepper', role: 'group', 'aria-label': 'Rollout steps' });
  private readonly body = el('div', { class: 'rollout-body' });
  private readonly live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  private timer: number | undefined;
  private rollout: DeploymentRollout | null = null;
  private selection: RolloutSelection = { deployment: null, step: 0, neverReady: false };

  constructor(private readonly actions: RolloutViewActions) {
    this.element = el('section', { class: 'view view-rollout', 'aria-label': 'Rollout' }, this.header, this.stepper, this.live, this.body);
  }

  /** The Deployment the view shows: the selected one, else the first. */
  static pick(index: ModelIndex, key: string | null): DeploymentRollout | null {
    const deployments = index.model.rollout?.deployments ?? [];
    return deployments.find((d) => keyOf(d) === key) ?? deployments[0] ?? null;
  }

  update(index: ModelIndex, selection: RolloutSelection): void {
    const deployments = index.model.rollout?.deployments ?? [];
    this.selection = selection;
    this.rollout = RolloutView.pick(index, selection.deployment);
    this.renderHeader(deployments);
    if (!this.rollout) {
      this.stop();
      replaceChildren(this.stepper);
      replaceChildren(this.body, el('p', { class: 'empty' }, index.model.rollout ? 'No Deployment in the previewed manifests.' : 'The simulation did not include a rollout.'));
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

  private renderHeader(deployments: readonly DeploymentRollout[]): void {
    const select = el('select', { 'aria-label': 'Deployment' }, ...deployments.map((d) => el('option', { value: keyOf(d), selected: this.rollout === d }, keyOf(d))));
    select.addEventListener('change', () => this.actions.selectDeployment(select.value));
    const neverReady = el('input', { type: 'checkbox', id: 'never-ready', checked: this.selection.neverReady });
    neverReady.addEventListener('change', () => this.actions.setNeverReady(neverReady.checked));
    const rollout = this.rollout;
    replaceChildren(this.header,
      deployments.length > 0 && el('label', { class: 'field' }, 'Deployment ', select),
      rollout && el('span', { class: `badge badge-outcome-${rollout.outcome}` }, rollout.outcome),
      rollout && el('span', { class: 'muted' }, strategyText(rollout)),
      rollout?.source && button('Reveal manifest', { class: 'secondary', 'aria-label': `Reveal the manifest of Deployment ${keyOf(rollout)}` }, () => this.actions.reveal(rollout.source as SourceLocation)),
      el('span', { class: 'field' }, neverReady, el('label', { for: 'never-ready' }, 'New pods never become ready')),
    );
  }

  private renderStep(): void {
    const rollout = this.rollout as DeploymentRollout;
    const count = this.stepCount;
    const current = this.currentStep;
    const last = count - 1;
    const previous = button('◀ Previous', { 'aria-label': 'Previous step', 'data-focus-key': 'previous', disabled: current <= 0 }, () => this.go(current - 1));
    const next = button('Next ▶', { 'aria-label': 'Next step', 'data-focus-key': 'next', disabled: current >= last }, () => this.go(current + 1));
    const playing = this.timer !== undefined;
    const play = button(playing ? '❚❚ Pause' : '▶ Play', { 'aria-label': playing ? 'Pause' : 'Play the rollout', 'aria-pressed': playing ? 'true' : 'false', 'data-focus-key': 'play', disabled: count <= 1 }, () => this.togglePlay());
    const slider = el('input', { type: 'range', min: 0, max: Math.max(0, last), value: current, 'aria-label': 'Step', 'aria-valuetext': stepLabel(current, count), 'data-focus-key': 'slider', disabled: count <= 1 });
    slider.addEventListener('input', () => this.go(Number(slider.value)));
    replaceChildren(this.stepper, previous, play, next, slider, el('span', { class: 'step-counter' }, stepLabel(current, count)));
    this.live.textContent = stepLabel(current, count);
    if (count === 0) {
      replaceChildren(this.body, el('p', { class: 'empty' }, rollout.stallReason ?? 'The rollout has no steps.'));
      return;
    }
    replaceChildren(this.body, this.renderStepList(rollout, current), renderStepDetail(rollout, current));
  }

  private renderStepList(rollout: DeploymentRollout, current: number): HTMLElement {
    const stalls = rollout.outcome !== 'complete';
    return el('ol', { class: 'step-list', 'aria-label': 'Steps' }, ...rollout.steps.map((step, i) => {
      const isLast = i === rollout.steps.length - 1;
      const text = `old ${step.oldReplicas} · new ${step.newReplicas} · available ${step.available}`;
      return el('li', { class: `${i === current ? 'current' : ''}${stalls && isLast ? ' stall' : ''}` },
        button(`${i}. ${text}${stalls && isLast ? ` — ${rollout.outcome}` : ''}`, {
          class: 'step-button',
          'data-focus-key': `step-${i}`,
          'aria-current': i === current ? 'step' : false,
          'aria-label': `Step ${i}: ${text}${stalls && isLast ? `, the rollout is ${rollout.outcome} after this step` : ''}`,
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
  if (count === 0) return 'No steps';
  // Steps are numbered from 0 (the state before the first change); one step has nothing to step through.
  return count === 1 ? 'Step 0 (the only step)' : `Step ${current} of ${count - 1} (${plural(count, 'step')})`;
}

function strategyText(rollout: DeploymentRollout): string {
  const replicas = rollout.replicas === undefined ? '' : `${plural(rollout.replicas, 'replica')}, `;
  if (rollout.strategy === 'Recreate') return `${replicas}Recreate`;
  return `${replicas}RollingUpdate, maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}`;
}
