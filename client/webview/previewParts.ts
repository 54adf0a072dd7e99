import * as l10n from '@vscode/l10n';
import type { PreviewPod, PreviewScope } from '../../server/src/protocol/preview';
import type { PreviewView } from '../../server/src/protocol/webviewMessages';
import { el, replaceChildren } from './dom';
import { DuplicateNotes } from './duplicateFiles';
import { Header } from './header';
import { NetworkView, type NetworkActions } from './networkView';
import { NodesView, type NodesViewActions } from './nodesView';
import { PendingView } from './pendingView';
import { RolloutView, type RolloutViewActions } from './rolloutView';
import { RoutesView, type RoutesViewActions } from './routesView';
import { ServicesView, type ServicesViewActions } from './servicesView';
import { PREVIEW_VIEWS, tabLabel } from './tabLabels';
import { Tabs } from './tabs';
import { WhatIfView, type WhatIfViewActions } from './whatIfView';

/** What the page draws: the header, the tabs and their views, the pod details pane. */
export interface PreviewParts {
  header: Header;
  tabs: Tabs;
  panels: Map<PreviewView, HTMLElement>;
  details: HTMLElement;
  placeholder: HTMLElement;
  /** The objects several files define, and the CodeLens's object when another file's copy is simulated. */
  duplicateNotes: DuplicateNotes;
  nodes: NodesView;
  pending: PendingView;
  rollout: RolloutView;
  services: ServicesView;
  network: NetworkView;
  routes: RoutesView;
  whatIf: WhatIfView;
}

/** What the parts ask of the page (the app keeps the state and talks to the host). */
export interface PreviewPartsActions {
  setScope(scope: PreviewScope, project?: string): void;
  setCluster(uri: string | null): void;
  /** A pending pod's row. */
  selectPod(pod: PreviewPod): void;
  showTab(view: PreviewView): void;
  closeDetails(): void;
  nodes: NodesViewActions;
  rollout: RolloutViewActions;
  services: ServicesViewActions;
  network: NetworkActions;
  routes: RoutesViewActions;
  whatIf: WhatIfViewActions;
}

/**
 * Builds every part in the page's current language and puts them in `root`, replacing what was there:
 * the app does this on load and again when the host sends the display language (the labels are
 * computed with `l10n.t` when built, so a part built before the bundle came stays English).
 */
export function buildPreviewParts(root: HTMLElement, actions: PreviewPartsActions, shown: { scope: PreviewScope; view: PreviewView }): PreviewParts {
  const details = el('aside', { class: 'details', hidden: true, 'aria-label': l10n.t('Pod details') });
  const placeholder = el('p', { class: 'empty placeholder' }, l10n.t('Waiting for the simulation…'));
  const header = new Header((scope, project) => actions.setScope(scope, project), (uri) => actions.setCluster(uri));
  header.setScope(shown.scope);
  const parts: PreviewParts = {
    header,
    tabs: new Tabs(PREVIEW_VIEWS.map((id) => ({ id, label: tabLabel(id) })), (view) => actions.showTab(view)),
    panels: new Map(),
    details,
    placeholder,
    duplicateNotes: new DuplicateNotes(),
    nodes: new NodesView(actions.nodes),
    pending: new PendingView((pod) => actions.selectPod(pod)),
    rollout: new RolloutView(actions.rollout),
    services: new ServicesView(actions.services),
    network: new NetworkView(actions.network),
    routes: new RoutesView(actions.routes),
    whatIf: new WhatIfView(actions.whatIf),
  };
  const views: Record<PreviewView, HTMLElement> = { nodes: parts.nodes.element, pending: parts.pending.element, rollout: parts.rollout.element, services: parts.services.element, network: parts.network.element, routes: parts.routes.element, whatif: parts.whatIf.element };
  const panelArea = el('div', { class: 'panels' }, placeholder);
  for (const id of PREVIEW_VIEWS) {
    const panel = el('div', { class: 'panel', role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, hidden: true }, views[id]);
    parts.panels.set(id, panel);
    panelArea.appendChild(panel);
  }
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.closeDetails();
  });
  replaceChildren(root, header.element, parts.duplicateNotes.element, parts.tabs.element, el('div', { class: 'layout' }, panelArea, details));
  parts.tabs.select(shown.view);
  return parts;
}
