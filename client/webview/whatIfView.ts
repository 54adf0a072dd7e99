import * as l10n from '@vscode/l10n';
import type { PreviewWhatIf, WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import { button, el, keepingFocus, replaceChildren, setAttributes } from './dom';
import type { ModelIndex } from './modelIndex';
import { renderMoment, secondsText } from './whatIfMoment';

export interface WhatIfViewActions {
  /** The user asked about other events (the form's buttons): the app keeps them and shows the tab again. */
  choose(events: WhatIfNodeEvent[]): void;
  /** Ask the host what happens with these events (the answer comes back through `showAnswer`). */
  request(events: WhatIfNodeEvent[]): void;
  setMoment(moment: number): void;
}

export interface WhatIfSelection {
  events: WhatIfNodeEvent[] | null;
  moment: number;
}

/** The kinds a node can be asked about from the preview, with the buttons' words (read when drawn: in the page's language). */
export const WHAT_IF_CHOICES: ReadonlyArray<{ kind: 'node-down' | 'drain'; readonly label: string; aria: (node: string) => string }> = [
  { kind: 'node-down', get label() { return l10n.t('What if it fails'); }, aria: (node) => l10n.t('What if node {0} fails', node) },
  { kind: 'drain', get label() { return l10n.t('What if it is drained'); }, aria: (node) => l10n.t('What if node {0} is drained', node) },
];

/**
 * The What-if tab: which node fails or is drained, then the node lifecycle timeline as a stepper over
 * time (previous / next / slider; Home and End go to the start and the end): the moments, what
 * happens at the current one and why, the touched nodes with their pods then, and the verdicts.
 */
export class WhatIfView {
  readonly element: HTMLElement;
  private readonly form = el('div', { class: 'whatif-form', role: 'group' });
  private readonly status = el('p', { class: 'whatif-status', 'aria-live': 'polite', tabindex: -1 });
  private readonly stepper = el('div', { class: 'stepper', role: 'group' });
  private readonly live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  private readonly body = el('div', { class: 'whatif-body' });
  private readonly verdicts = el('section', { class: 'whatif-verdicts' });
  private index: ModelIndex | null = null;
  /** The model the current answer was asked for: a newer model asks again. */
  private askedFor: ModelIndex | null = null;
  private selection: WhatIfSelection = { events: null, moment: 0 };
  private result: PreviewWhatIf | null | undefined;

  constructor(private readonly actions: WhatIfViewActions) {
    this.element = el('section', { class: 'view view-whatif' }, this.form, this.status, this.stepper, this.live, this.body, this.verdicts);
    this.stepper.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  update(index: ModelIndex, selection: WhatIfSelection): void {
    this.index = index;
    // Labelled on each model: the page's language comes with the first one.
    setAttributes(this.element, { 'aria-label': l10n.t('What if') });
    setAttributes(this.form, { 'aria-label': l10n.t('Ask what if') });
    setAttributes(this.stepper, { 'aria-label': l10n.t('Moments of the timeline') });
    setAttributes(this.verdicts, { 'aria-label': l10n.t('Verdicts') });
    const ask = !sameEvents(selection.events, this.selection.events) || this.askedFor !== index;
    this.selection = selection;
    keepingFocus(this.form, () => this.renderForm());
    if (ask) this.result = undefined;
    if (ask && selection.events) {
      this.askedFor = index;
      this.actions.request(selection.events);
    }
    this.render();
  }

  /** Takes focus (on the question and its answer) when asked from outside the tab: a node card, the command palette. */
  focusUnlessInside(): void {
    if (!this.element.contains(document.activeElement)) this.status.focus();
  }

  /** The host's answer; false when it is for other events than the ones shown (a late answer). */
  showAnswer(events: WhatIfNodeEvent[], result: PreviewWhatIf | null): boolean {
    if (!sameEvents(events, this.selection.events)) return false;
    this.result = result;
    this.render();
    return true;
  }

  private renderForm(): void {
    const nodes = this.index?.model.simulation.nodes ?? [];
    const chosen = this.selection.events?.[0]?.node;
    const select = el('select', { 'aria-label': l10n.t('Node'), 'data-focus-key': 'node' }, ...nodes.map((n) => el('option', { value: n.name, selected: n.name === chosen }, n.name)));
    const ask = (kind: WhatIfNodeEvent['kind']) => select.value && this.actions.choose([{ kind, node: select.value, at: 0 }]);
    replaceChildren(this.form,
      el('label', { class: 'field' }, `${l10n.t('Node')} `, select),
      ...WHAT_IF_CHOICES.map((c) => button(c.label, { class: 'secondary', 'data-focus-key': c.kind, 'aria-label': l10n.t('{0}: the chosen node', c.label), disabled: nodes.length === 0 }, () => ask(c.kind))),
    );
  }

  /** The question and its state; set only when it changes (it is a live region: stepping must not announce it again). */
  private setStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private get moments(): number {
    return this.result?.moments.length ?? 0;
  }

  private get current(): number {
    return Math.max(0, Math.min(this.selection.moment, this.moments - 1));
  }

  private render(): void {
    const events = this.selection.events;
    replaceChildren(this.stepper);
    replaceChildren(this.verdicts);
    this.live.textContent = '';
    if (!events) {
      this.setStatus(l10n.t('Choose a node (here, or with the buttons on its card in the Nodes view) to see what happens when it fails or is drained.'));
      replaceChildren(this.body);
      return;
    }
    const asked = l10n.t('What if: {0}', events.map(eventText).join(', '));
    const result = this.result;
    if (result === undefined || result === null || result.unknownNodes.length > 0) {
      this.setStatus(result === undefined ? l10n.t('{0} — simulating…', asked)
        : result === null ? l10n.t('{0} — the language server could not answer.', asked)
          : l10n.t('{0} — the cluster has no node {1}.', asked, result.unknownNodes.join(', ')));
      replaceChildren(this.body);
      return;
    }
    this.setStatus(result.timeline.length === 0 ? l10n.t('{0} — nothing happens', asked)
      : l10n.t('{0} — changes at {1} moments, to {2}', asked, result.moments.length - 1 + result.momentsOmitted, secondsText(result.end)));
    this.renderStepper(result);
    replaceChildren(this.body, this.renderMomentList(result), renderMoment(result, result.moments[this.current]), renderNotes(result));
    replaceChildren(this.verdicts,
      el('h3', {}, l10n.t('Verdicts (to {0})', secondsText(result.end))),
      result.verdicts.length === 0 ? el('p', { class: 'muted' }, l10n.t('No workload or Service of the manifests.'))
        : el('ul', { class: 'whatif-verdict-list' }, ...result.verdicts.map((v) => el('li', { class: v.harmed ? 'harmed' : v.min < v.total ? 'degraded' : 'unharmed' }, v.text))),
    );
  }

  private renderStepper(result: PreviewWhatIf): void {
    const current = this.current;
    const last = this.moments - 1;
    const previous = button(l10n.t('◀ Previous'), { 'aria-label': l10n.t('Previous moment'), 'data-focus-key': 'previous', disabled: current <= 0 }, () => this.go(current - 1));
    const next = button(l10n.t('Next ▶'), { 'aria-label': l10n.t('Next moment'), 'data-focus-key': 'next', disabled: current >= last }, () => this.go(current + 1));
    const label = momentLabel(result, current);
    const slider = el('input', { type: 'range', min: 0, max: Math.max(0, last), value: current, 'aria-label': l10n.t('Time'), 'aria-valuetext': label, 'data-focus-key': 'slider', disabled: last <= 0 });
    slider.addEventListener('input', () => this.go(Number(slider.value)));
    replaceChildren(this.stepper, previous, next, slider, el('span', { class: 'step-counter' }, label));
    this.live.textContent = label;
  }

  private renderMomentList(result: PreviewWhatIf): HTMLElement {
    const current = this.current;
    return el('ol', { class: 'step-list whatif-moments', 'aria-label': l10n.t('Moments') }, ...result.moments.map((m, i) => el('li', { class: i === current ? 'current' : '' },
      button(m.count === 0 ? l10n.t('{0} start', secondsText(m.at)) : m.count === 1 ? l10n.t('{0} · 1 change', secondsText(m.at)) : l10n.t('{0} · {1} changes', secondsText(m.at), m.count), {
        class: 'step-button',
        'data-focus-key': `moment-${i}`,
        'aria-current': i === current ? 'step' : false,
      }, () => this.go(i)),
    )));
  }

  private go(moment: number): void {
    const clamped = Math.max(0, Math.min(moment, this.moments - 1));
    this.selection = { ...this.selection, moment: clamped };
    this.actions.setMoment(clamped);
    keepingFocus(this.element, () => this.render(), clamped === 0 ? 'next' : 'previous');
  }

  private onKeyDown(event: KeyboardEvent): void {
    // The slider moves itself with the arrows, Home and End (its input event steps the view).
    if (event.target instanceof HTMLInputElement) return;
    const moves: Record<string, number> = { ArrowLeft: this.current - 1, ArrowRight: this.current + 1, Home: 0, End: this.moments - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.go(moves[event.key]);
  }
}

function eventText(event: WhatIfNodeEvent): string {
  const at = secondsText(event.at);
  switch (event.kind) {
    case 'node-down': return l10n.t('node {0} fails at {1}', event.node, at);
    case 'node-up': return l10n.t('node {0} comes back at {1}', event.node, at);
    case 'cordon': return l10n.t('node {0} is cordoned at {1}', event.node, at);
    case 'drain': return l10n.t('node {0} is drained at {1}', event.node, at);
  }
}

function momentLabel(result: PreviewWhatIf, index: number): string {
  const moment = result.moments[index];
  const [at, n, of] = [secondsText(moment.at), index + 1, result.moments.length];
  if (moment.count === 0) return l10n.t('{0}, the start (moment {1} of {2})', at, n, of);
  return moment.count === 1 ? l10n.t('{0}, 1 change (moment {1} of {2})', at, n, of) : l10n.t('{0}, {1} changes (moment {2} of {3})', at, moment.count, n, of);
}

function renderNotes(result: PreviewWhatIf): HTMLElement | null {
  const notes = [
    result.retryingForever.length > 0 && l10n.t('kubectl drain would retry the eviction of {0} forever: nothing else changes, so the timeline stops here.', result.retryingForever.join(', ')),
    result.truncated && l10n.t('The timeline stops after its bound of seconds; more was still to come.'),
    result.momentsOmitted > 0 && l10n.t('{0} later moments are not drawn (the timeline above is whole).', result.momentsOmitted),
  ].filter((n): n is string => typeof n === 'string');
  return notes.length === 0 ? null : el('div', { class: 'callout callout-stall', role: 'note' }, ...notes.map((n) => el('p', {}, n)));
}

function sameEvents(a: readonly WhatIfNodeEvent[] | null, b: readonly WhatIfNodeEvent[] | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
