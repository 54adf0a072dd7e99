import { button, el, replaceChildren } from './dom';
import * as l10n from '@vscode/l10n';
import { podCount } from './counts';
import { colourName, type LegendEntry, type PodColour } from './podColours';

/** The "Show all" button's entry key (no legend entry has it). */
const SHOW_ALL = 'show-all';

/**
 * What the pod chips' colours mean: one toggle button per colour (a namespace, other namespaces,
 * system). Pressing some emphasises their pods and dims the others; none pressed shows all alike.
 */
export class PodLegend {
  readonly element = el('div', { class: 'pod-legend', role: 'toolbar', 'aria-label': l10n.t('Pod colours: by namespace. Press a colour to emphasise its pods.') });
  private entries: LegendEntry[] = [];
  /** The emphasised entries by key (a namespace keeps its emphasis when a new model shifts the colours). */
  private readonly emphasised = new Set<string>();
  /** The entry that is the legend's one tab stop (arrow keys move it). */
  private active: string | null = null;

  constructor(private readonly changed: () => void) {
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.element.addEventListener('focusin', (event) => {
      const key = event.target instanceof HTMLElement ? event.target.dataset.entry : undefined;
      if (key) this.setActive(key);
    });
  }

  update(entries: LegendEntry[]): void {
    this.entries = entries;
    for (const key of [...this.emphasised]) if (!entries.some((e) => e.key === key)) this.emphasised.delete(key);
    this.render();
  }

  /** Whether a pod of this colour is drawn dimmed. */
  isDimmed(colour: PodColour): boolean {
    if (this.emphasised.size === 0) return false;
    const entry = this.entries.find((e) => e.colour === colour);
    return !entry || !this.emphasised.has(entry.key);
  }

  private render(focusAfter?: string): void {
    const active = document.activeElement;
    const focused = focusAfter ?? (active instanceof HTMLElement && this.element.contains(active) ? active.dataset.entry : undefined);
    replaceChildren(this.element,
      el('span', { class: 'legend-title' }, l10n.t('Pods by namespace:')),
      ...this.entries.map((entry) => button(el('span', { class: 'legend-entry-content' },
        el('span', { class: `legend-swatch ns-${entry.colour}`, 'aria-hidden': 'true' }),
        el('span', { class: 'legend-label' }, entry.label),
        el('span', { class: 'legend-count' }, ` ${colourName(entry.colour)} · ${entry.pods}`),
      ), {
        class: 'legend-entry',
        'data-colour': entry.colour,
        'data-entry': entry.key,
        'aria-pressed': this.emphasised.has(entry.key) ? 'true' : 'false',
        'aria-label': `${colourName(entry.colour)}: ${entry.covers}, ${podCount(entry.pods)}`,
        title: l10n.t('{0}: {1} ({2}). Press to emphasise them.', colourName(entry.colour), entry.covers, podCount(entry.pods)),
      }, () => this.toggle(entry.key))),
      this.emphasised.size > 0 && button(l10n.t('Show all'), { class: 'secondary legend-clear', 'data-entry': SHOW_ALL, 'aria-label': l10n.t('Stop emphasising colours') }, () => {
        this.emphasised.clear();
        this.render(this.entries[0]?.key);
        this.changed();
      }),
    );
    const stops = this.stops();
    this.setActive(stops.some((b) => b.dataset.entry === this.active) ? this.active ?? '' : stops[0]?.dataset.entry ?? '');
    if (focused) stops.find((b) => b.dataset.entry === focused)?.focus();
  }

  private stops(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>('button[data-entry]')];
  }

  /** One tab stop ("roving tabindex"): ←/→, Home and End move between the entries. */
  private setActive(key: string): void {
    this.active = key;
    for (const stop of this.stops()) stop.tabIndex = stop.dataset.entry === key ? 0 : -1;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const stops = this.stops();
    const at = stops.findIndex((stop) => stop === event.target);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: stops.length - 1 };
    if (!(event.key in moves)) return;
    const next = stops[Math.max(0, Math.min(stops.length - 1, moves[event.key]))];
    event.preventDefault();
    next.focus();
  }

  private toggle(key: string): void {
    if (this.emphasised.has(key)) this.emphasised.delete(key);
    else this.emphasised.add(key);
    this.render();
    this.changed();
  }
}
