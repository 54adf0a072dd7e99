import type { PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import type { HostToWebview, PersistedPreviewState, PreviewView, WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { el, replaceChildren } from './dom';
import { keyOf } from './format';
import { Header } from './header';
import type { HostChannel } from './hostChannel';
import { indexModel, type ModelIndex } from './modelIndex';
import { NetworkView } from './networkView';
import { NodesView } from './nodesView';
import { PendingView } from './pendingView';
import { renderPodDetails, type FetchedDetails } from './podDetails';
import { RolloutView } from './rolloutView';
import { RoutesView } from './routesView';
import { ServicesView } from './servicesView';
import { Tabs } from './tabs';
import { restoreState } from './viewState';

/**
 * Fired on `document` whenever a view (or the pod details) is on screen and up to date — after a
 * render, or when an up-to-date tab is shown again. For tests and benchmarks: `detail` is `{ view, seq }`.
 */
export const RENDERED_EVENT = 'drydock-rendered';

const PODS_VIEWS: ReadonlySet<PreviewView> = new Set(['nodes', 'pending', 'services', 'routes']);

const TAB_LABELS: Record<PreviewView, string> = { nodes: 'Nodes', pending: 'Pending', rollout: 'Rollout', services: 'Services', network: 'Network', routes: 'Routes' };

/**
 * The preview page: routes host messages to the views, keeps the UI state (saved with `setState`
 * so it survives reloads), and renders only the visible tab; the others are redrawn when shown.
 */
export class PreviewApp {
  private readonly state: PersistedPreviewState;
  private index: ModelIndex | null = null;
  private renderSeq = 0;
  private readonly stale = new Set<PreviewView>();
  private readonly header: Header;
  private readonly tabs: Tabs;
  private readonly panels = new Map<PreviewView, HTMLElement>();
  private readonly details = el('aside', { class: 'details', hidden: true, 'aria-label': 'Pod details' });
  private readonly placeholder = el('p', { class: 'empty placeholder' }, 'Waiting for the simulation…');
  private readonly nodes: NodesView;
  private readonly pending: PendingView;
  private readonly rollout: RolloutView;
  private readonly services: ServicesView;
  private readonly network: NetworkView;
  private readonly routes: RoutesView;
  /** Details asked of the host for pods whose model entry left them out, by pod key (reset with each model). */
  private readonly fetched = new Map<string, FetchedDetails>();

  constructor(private readonly channel: HostChannel, root: HTMLElement) {
    this.state = restoreState(channel.savedState());
    const reveal = (location: SourceLocation) => this.channel.post({ type: 'revealSource', location });
    const selectPod = (pod: PreviewPod) => this.selectPod(keyOf(pod), true);
    this.header = new Header((scope, project) => {
      this.state.scope = scope;
      if (project) this.state.project = project;
      this.save();
      this.channel.post(project ? { type: 'setScope', scope, project } : { type: 'setScope', scope });
    }, (uri) => this.channel.post({ type: 'setCluster', uri }));
    this.header.setScope(this.state.scope);
    this.nodes = new NodesView({ selectPod, reveal, clearWorkload: () => this.setWorkload(null) });
    this.pending = new PendingView(selectPod);
    this.rollout = new RolloutView({
      selectDeployment: (key) => {
        this.state.deployment = key;
        this.state.rolloutStep = 0;
        this.save();
        this.renderView('rollout');
      },
      setStep: (step) => {
        this.state.rolloutStep = step;
        this.save();
      },
      setNeverReady: (neverReady) => {
        this.state.neverReady = neverReady;
        this.save();
        this.channel.post({ type: 'setNeverReady', neverReady });
      },
      reveal,
    });
    this.services = new ServicesView({ selectPod: (key) => this.selectPod(key, true), reveal });
    this.network = new NetworkView({ explainConnection: (from, to) => this.channel.post({ type: 'explainConnection', from, to }), reveal });
    this.routes = new RoutesView({ selectPod: (key) => this.selectPod(key, true), reveal, query: (url) => this.channel.post({ type: 'routeQuery', url }) });
    this.tabs = new Tabs((Object.keys(TAB_LABELS) as PreviewView[]).map((id) => ({ id, label: TAB_LABELS[id] })), (view) => this.show(view));
    const views: Record<PreviewView, HTMLElement> = { nodes: this.nodes.element, pending: this.pending.element, rollout: this.rollout.element, services: this.services.element, network: this.network.element, routes: this.routes.element };
    const panelArea = el('div', { class: 'panels' }, this.placeholder);
    for (const [id, element] of Object.entries(views) as Array<[PreviewView, HTMLElement]>) {
      const panel = el('div', { class: 'panel', role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, hidden: true }, element);
      this.panels.set(id, panel);
      panelArea.appendChild(panel);
    }
    this.details.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeDetails();
    });
    replaceChildren(root, this.header.element, this.tabs.element, el('div', { class: 'layout' }, panelArea, this.details));
    this.tabs.select(this.state.view);
  }

  /** Starts listening, then tells the host the page is ready for a model. */
  start(): void {
    this.channel.listen((message) => this.onMessage(message));
    this.channel.post({ type: 'ready' });
  }

  private onMessage(message: HostToWebview): void {
    switch (message.type) {
      case 'update': {
        const model = message.model;
        this.index = indexModel(model);
        this.fetched.clear();
        // A chart's or overlay's preview names the project; the followed document stays as it was.
        if (model.source.scope === 'project') this.state.project = model.source.uri;
        else this.state.uri = model.source.uri;
        this.state.scope = model.source.scope;
        if (model.neverReady !== undefined) this.state.neverReady = model.neverReady;
        this.save();
        this.header.setProjects(model.projects ?? [], this.state.project);
        this.header.setScope(model.source.scope);
        this.header.showModel(model);
        this.header.setCluster(model.cluster);
        this.header.setStatus(model.notice ? 'error' : 'idle', model.notice ?? '');
        this.tabs.setLabel('pending', `Pending (${this.index.pending.length})`);
        this.tabs.setLabel('nodes', `Nodes (${model.simulation.nodes.length})`);
        this.placeholder.hidden = true;
        for (const view of this.panels.keys()) this.stale.add(view);
        this.show(this.state.view);
        this.renderDetails();
        return;
      }
      case 'status':
        this.header.setStatus(message.state, message.message);
        if (!this.index && (message.state === 'empty' || message.state === 'error')) this.placeholder.textContent = message.message;
        return;
      case 'podDetails': {
        // Only for a pod of the current model that is waiting for them; late answers are dropped.
        if (this.fetched.get(message.pod)?.state !== 'loading') return;
        this.fetched.set(message.pod, message.details ? { state: 'loaded', details: message.details } : { state: 'missing' });
        if (message.pod === this.state.selectedPod) this.renderDetails();
        return;
      }
      case 'routeAnswer':
        // Drawn into the routes tab (a late answer, for a URL asked before, is dropped).
        if (this.routes.showAnswer(message.url, message.result) && this.state.view === 'routes') this.signalRendered('routes');
        return;
      case 'connectionExplanation':
        // Drawn under the selected cell (an answer for another cell is kept for when it is selected).
        if (this.network.showConnectionExplanation(message.from, message.to, message.explanation) && this.state.view === 'network') this.signalRendered('network');
        return;
      case 'selectPod':
        this.selectPod(message.pod, false);
        this.show(this.index?.podByKey.get(message.pod)?.node === null ? 'pending' : 'nodes');
        this.nodes.revealPod(message.pod, false);
        return;
      case 'showView':
        if (message.workload?.kind === 'Deployment' && message.view === 'rollout') {
          this.state.deployment = `${message.workload.namespace}/${message.workload.name}`;
          this.state.rolloutStep = 0;
          this.stale.add('rollout');
        } else if (message.workload) {
          this.setWorkload(message.workload);
        }
        this.show(message.view);
        return;
    }
  }

  /** Makes `view` the visible tab, redrawing it if the model changed since it was last drawn. */
  private show(view: PreviewView): void {
    if (view !== 'rollout') this.rollout.stop();
    this.state.view = view;
    this.save();
    this.tabs.select(view);
    for (const [id, panel] of this.panels) panel.hidden = id !== view || !this.index;
    this.details.hidden = !this.detailsShown();
    if (this.stale.has(view)) this.renderView(view);
    else if (this.index) this.signalRendered(view);
  }

  private renderView(view: PreviewView): void {
    const index = this.index;
    if (!index) return;
    this.stale.delete(view);
    const { selectedPod, workload } = this.state;
    switch (view) {
      case 'nodes': this.nodes.update(index, { selectedPod, workload }); break;
      case 'pending': this.pending.update(index, selectedPod); break;
      case 'rollout': this.rollout.update(index, { deployment: this.state.deployment, step: this.state.rolloutStep, neverReady: this.state.neverReady }); break;
      case 'services': this.services.update(index); break;
      case 'network': this.network.update(index); break;
      case 'routes': this.routes.update(index); break;
    }
    this.signalRendered(view);
  }

  private selectPod(key: string | null, reveal: boolean): void {
    this.state.selectedPod = key;
    this.save();
    this.renderDetails();
    if (!this.stale.has('nodes')) this.nodes.setSelection({ selectedPod: key, workload: this.state.workload });
    if (!this.stale.has('pending')) this.pending.setSelection(key);
    const source = key ? this.index?.podByKey.get(key)?.source : null;
    if (reveal && source) this.channel.post({ type: 'revealSource', location: source });
  }

  private setWorkload(workload: WorkloadRef | null): void {
    this.state.workload = workload;
    this.save();
    if (!this.stale.has('nodes')) this.nodes.setSelection({ selectedPod: this.state.selectedPod, workload });
  }

  /** The selected pod's details sit beside the views that show pods. */
  private detailsShown(): boolean {
    return PODS_VIEWS.has(this.state.view) && this.details.childElementCount > 0;
  }

  private renderDetails(): void {
    const pod = this.state.selectedPod && this.index ? this.index.podByKey.get(this.state.selectedPod) : undefined;
    if (!pod || !this.index) {
      this.details.hidden = true;
      this.details.textContent = '';
      return;
    }
    let fetched: FetchedDetails | undefined;
    if (pod.detailsOmitted) {
      const key = keyOf(pod);
      fetched = this.fetched.get(key);
      if (!fetched) {
        fetched = { state: 'loading' };
        this.fetched.set(key, fetched);
        this.channel.post({ type: 'podDetails', pod: key });
      }
    }
    replaceChildren(this.details, renderPodDetails(pod, this.index, {
      close: () => this.closeDetails(),
      reveal: (location) => this.channel.post({ type: 'revealSource', location }),
      showNode: (name) => {
        this.show('nodes');
        this.nodes.revealNode(name, true);
      },
    }, fetched));
    this.details.hidden = !this.detailsShown();
    this.signalRendered('details');
  }

  private closeDetails(): void {
    const key = this.state.selectedPod;
    this.selectPod(null, false);
    if (key && this.state.view === 'nodes') this.nodes.revealPod(key, true);
  }

  private save(): void {
    this.channel.save(this.state);
  }

  private signalRendered(view: PreviewView | 'details'): void {
    this.renderSeq++;
    document.body.dataset.renderSeq = String(this.renderSeq);
    document.body.dataset.renderedView = view;
    document.dispatchEvent(new CustomEvent(RENDERED_EVENT, { detail: { view, seq: this.renderSeq } }));
  }
}
