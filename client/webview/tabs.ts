import type { PreviewView } from '../../server/src/protocol/webviewMessages';
import * as l10n from '@vscode/l10n';
import { el } from './dom';

export interface TabDefinition {
  id: PreviewView;
  label: string;
}

/**
 * An ARIA tablist: one tab stop; ←/→, Home/End move between tabs and select them (automatic
 * activation). Each tab controls the panel `panel-<id>`.
 */
export class Tabs {
  readonly element: HTMLElement;
  private readonly buttons = new Map<PreviewView, HTMLButtonElement>();

  constructor(private readonly tabs: readonly TabDefinition[], private readonly onSelect: (id: PreviewView) => void) {
    this.element = el('div', { class: 'tabs', role: 'tablist', 'aria-label': l10n.t('Preview views') });
    for (const tab of tabs) {
      const tabButton = el('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, 'aria-selected': 'false', tabindex: -1 }, tab.label);
      tabButton.addEventListener('click', () => this.onSelect(tab.id));
      this.buttons.set(tab.id, tabButton);
      this.element.appendChild(tabButton);
    }
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  /** Marks `id` selected (does not call `onSelect`). */
  select(id: PreviewView): void {
    for (const [tabId, tabButton] of this.buttons) {
      const selected = tabId === id;
      tabButton.setAttribute('aria-selected', String(selected));
      tabButton.tabIndex = selected ? 0 : -1;
    }
  }

  /** Sets the text of a tab, e.g. "Pending (3)". */
  setLabel(id: PreviewView, label: string): void {
    const tabButton = this.buttons.get(id);
    if (tabButton) tabButton.textContent = label;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const ids = this.tabs.map((tab) => tab.id);
    const current = ids.findIndex((id) => this.buttons.get(id) === event.target);
    if (current < 0) return;
    const targets: Record<string, number> = { ArrowRight: (current + 1) % ids.length, ArrowLeft: (current - 1 + ids.length) % ids.length, Home: 0, End: ids.length - 1 };
    if (!(event.key in targets)) return;
    event.preventDefault();
    const id = ids[targets[event.key]];
    this.onSelect(id);
    this.buttons.get(id)?.focus();
  }
}
