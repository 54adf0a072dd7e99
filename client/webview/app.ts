import type { PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import type { HostToWebview, PersistedPreviewState, PreviewView, WorkloadRef } from '../../server/src/protocol/webviewMessages';
import type { WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import type { l10nJsonFormat } from '@vscode/l10n';
import { replaceChildren } from './dom';
import { askedObject, rolloutOfDocument, type AskedObject } from './documentMatch';
import { shadowedNote } from './duplicateFiles';
import { keyOf } from './format';
import type { HostChannel } from './hostChannel';
import { indexModel, type ModelIndex } from './modelIndex';
import { renderPodDetails, type FetchedDetails } from './podDetails';
import { countedTabLabel } from './tabLabels';
import { buildPreviewParts, type PreviewParts } from './previewParts';
import { applyPageLanguage } from './pageLanguage';
import { restoreState } from './viewState';

/**
 * Fired on `document` whenever a view (or the pod details) is on screen and up to date — after a
 * render, or when an up-to-date tab is shown again. For tests and benchmarks: `detail` is `{ view, seq }`.
 */
export const RENDERED_EVENT = 'drydock-rendered';

const PODS_VIEWS: ReadonlySet<PreviewView> = new Set(['nodes', 'pending', 'services', 'routes']);

/**
 * The preview page: routes host messages to the views, keeps the UI state (saved with `setState`
 * so it survives reloads), and renders only the visible tab; the others are redrawn when shown.
 */
export class PreviewApp {
  private readonly state: PersistedPreviewState;
  private index: ModelIndex | null = null;
  private renderSeq = 0;
  private readonly stale = new Set<PreviewView>();
  /** Everything drawn: rebuilt when the host sends the display language (every label is computed when drawn). */
  private parts: PreviewParts;
  /** The object of one document a CodeLens asked for, matched against every model (it may come before its model). */
  private asked: AskedObject | null = null;
  /** Details asked of the host for pods whose model entry left them out, by pod key (reset with each model). */
  private readonly fetched = new Map<string, FetchedDetails>();

  constructor(private readonly channel: HostChannel, private readonly root: HTMLElement) {
    this.state = restoreState(channel.savedState());
    this.parts = this.buildParts();
  }

  /** The header, tabs, views and details pane, drawn into the root in the page's current language. */
  private buildParts(): PreviewParts {
    const reveal = (location: SourceLocation) => this.channel.post({ type: 'revealSource', location });
    const selectPod = (pod: PreviewPod) => this.selectPod(keyOf(pod), true);
    return buildPreviewParts(this.root, {
      setScope: (scope, project) => {
        this.state.scope = scope;
        if (project) this.state.project = project;
        this.save();
        this.channel.post(project ? { type: 'setScope', scope, project } : { type: 'setScope', scope });
      },
      setCluster: (uri) => this.channel.post({ type: 'setCluster', uri }),
      selectPod,
      showTab: (view) => this.show(view),
      closeDetails: () => this.closeDetails(),
      nodes: { selectPod, reveal, clearWorkload: () => this.setWorkload(null), whatIf: (node, kind) => this.askWhatIf([{ kind, node, at: 0 }]) },
      rollout: {
        selectDeployment: (key) => {
          this.asked = null;
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
        setBaseline: (pick) => this.channel.post({ type: 'setRolloutBaseline', pick }),
        reveal,
      },
      services: { selectPod: (key) => this.selectPod(key, true), reveal },
      network: { explainConnection: (from, to) => this.channel.post({ type: 'explainConnection', from, to }), reveal },
      routes: { selectPod: (key) => this.selectPod(key, true), reveal, query: (url) => this.channel.post({ type: 'routeQuery', url }) },
      whatIf: {
        choose: (events) => this.askWhatIf(events),
        request: (events) => this.channel.post({ type: 'whatIf', events }),
        setMoment: (moment) => {
          this.state.whatIfMoment = moment;
          this.save();
        },
      },
    }, { scope: this.state.scope, view: this.state.view });
  }

  /** Starts listening, then tells the host the page is ready for a model. */
  start(): void {
    this.channel.listen((message) => this.onMessage(message));
    this.channel.post({ type: 'ready' });
  }

  private onMessage(message: HostToWebview): void {
    switch (message.type) {
      case 'update': {
        if (message.l10n) this.changeLanguage(message.l10n, message.locale);
        const model = message.model;
        this.index = indexModel(model);
        this.fetched.clear();
        // A chart's or overlay's preview names the project; the followed document stays as it was.
        if (model.source.scope === 'project') this.state.project = model.source.uri;
        else this.state.uri = model.source.uri;
        this.state.scope = model.source.scope;
        if (model.neverReady !== undefined) this.state.neverReady = model.neverReady;
        this.save();
        this.parts.header.setProjects(model.projects ?? [], this.state.project);
        this.parts.header.setScope(model.source.scope);
        this.parts.header.showModel(model);
        this.parts.header.setCluster(model.cluster);
        this.parts.header.setStatus(model.notice ? 'error' : 'idle', model.notice ?? '');
        this.parts.tabs.setLabel('pending', countedTabLabel('pending', this.index.pending.length));
        this.parts.tabs.setLabel('nodes', countedTabLabel('nodes', model.simulation.nodes.length));
        this.parts.placeholder.hidden = true;
        for (const view of this.parts.panels.keys()) this.stale.add(view);
        this.matchAsked();
        this.show(this.state.view);
        this.renderDetails();
        return;
      }
      case 'status':
        this.parts.header.setStatus(message.state, message.message);
        if (!this.index && (message.state === 'empty' || message.state === 'error')) this.parts.placeholder.textContent = message.message;
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
        if (this.parts.routes.showAnswer(message.url, message.result) && this.state.view === 'routes') this.signalRendered('routes');
        return;
      case 'connectionExplanation':
        // Drawn under the selected cell (an answer for another cell is kept for when it is selected).
        if (this.parts.network.showConnectionExplanation(message.from, message.to, message.explanation) && this.state.view === 'network') this.signalRendered('network');
        return;
      case 'whatIfAnswer':
        if (this.parts.whatIf.showAnswer(message.events, message.result) && this.state.view === 'whatif') this.signalRendered('whatif');
        return;
      case 'askWhatIf':
        this.askWhatIf(message.events);
        return;
      case 'selectPod':
        this.selectPod(message.pod, false);
        this.show(this.index?.podByKey.get(message.pod)?.node === null ? 'pending' : 'nodes');
        this.parts.nodes.revealPod(message.pod, false);
        return;
      case 'showView':
        if (message.workload?.kind === 'Deployment' && message.view === 'rollout') {
          // A CodeLens's Deployment is selected by its document (matchAsked); by name only when none is given.
          if (!message.workload.source) {
            this.state.deployment = `${message.workload.namespace}/${message.workload.name}`;
            this.state.rolloutStep = 0;
            this.stale.add('rollout');
          }
        } else if (message.workload) {
          this.setWorkload(message.workload);
        }
        this.asked = askedObject(message.view, message.workload);
        this.matchAsked();
        this.show(message.view);
        return;
    }
  }

  /**
   * Matches the CodeLens's object by its document, never by namespace and name alone: the rollout tab
   * selects the Deployment that document defines, and when another file's copy is the one simulated
   * (applied after it in this scope) the notes say so.
   */
  private matchAsked(): void {
    if (!this.index) return;
    const asked = this.asked;
    this.parts.duplicateNotes.update(this.index.model, asked ? shadowedNote(this.index.duplicates, asked.workload) : null);
    const rollout = asked?.view === 'rollout' ? rolloutOfDocument(this.index.model, asked) : null;
    if (!rollout || keyOf(rollout) === this.state.deployment) return;
    this.state.deployment = keyOf(rollout);
    this.state.rolloutStep = 0;
    this.stale.add('rollout');
    this.save();
  }

  /**
   * The host sent the display language (with the first model after `ready`): every part is built again
   * with its labels in that language, and the views are redrawn by the model that comes with it.
   */
  private changeLanguage(bundle: l10nJsonFormat, locale: string | undefined): void {
    applyPageLanguage(bundle, locale);
    this.parts.rollout.stop();
    this.parts = this.buildParts();
  }

  /** Makes `view` the visible tab, redrawing it if the model changed since it was last drawn. */
  private show(view: PreviewView): void {
    if (view !== 'rollout') this.parts.rollout.stop();
    this.state.view = view;
    this.save();
    this.parts.tabs.select(view);
    for (const [id, panel] of this.parts.panels) panel.hidden = id !== view || !this.index;
    this.parts.details.hidden = !this.detailsShown();
    if (this.stale.has(view)) this.renderView(view);
    else if (this.index) this.signalRendered(view);
  }

  private renderView(view: PreviewView): void {
    const index = this.index;
    if (!index) return;
    this.stale.delete(view);
    const { selectedPod, workload } = this.state;
    switch (view) {
      case 'nodes': this.parts.nodes.update(index, { selectedPod, workload }); break;
      case 'pending': this.parts.pending.update(index, selectedPod); break;
      case 'rollout': this.parts.rollout.update(index, { deployment: this.state.deployment, step: this.state.rolloutStep, neverReady: this.state.neverReady }); break;
      case 'services': this.parts.services.update(index); break;
      case 'network': this.parts.network.update(index); break;
      case 'routes': this.parts.routes.update(index); break;
      case 'whatif': this.parts.whatIf.update(index, { events: this.state.whatIf ?? null, moment: this.state.whatIfMoment ?? 0 }); break;
    }
    this.signalRendered(view);
  }

  /** A node card's "What if" button, the tab's form or the command palette: the What-if tab asks the host about these events. */
  private askWhatIf(events: WhatIfNodeEvent[]): void {
    this.state.whatIf = events;
    this.state.whatIfMoment = 0;
    this.stale.add('whatif');
    this.show('whatif');
    this.parts.whatIf.focusUnlessInside();
  }

  private selectPod(key: string | null, reveal: boolean): void {
    this.state.selectedPod = key;
    this.save();
    this.renderDetails();
    if (!this.stale.has('nodes')) this.parts.nodes.setSelection({ selectedPod: key, workload: this.state.workload });
    if (!this.stale.has('pending')) this.parts.pending.setSelection(key);
    const source = key ? this.index?.podByKey.get(key)?.source : null;
    if (reveal && source) this.channel.post({ type: 'revealSource', location: source });
  }

  private setWorkload(workload: WorkloadRef | null): void {
    this.state.workload = workload;
    this.save();
    if (!this.stale.has('nodes')) this.parts.nodes.setSelection({ selectedPod: this.state.selectedPod, workload });
  }

  /** The selected pod's details sit beside the views that show pods. */
  private detailsShown(): boolean {
    return PODS_VIEWS.has(this.state.view) && this.parts.details.childElementCount > 0;
  }

  private renderDetails(): void {
    const pod = this.state.selectedPod && this.index ? this.index.podByKey.get(this.state.selectedPod) : undefined;
    if (!pod || !this.index) {
      this.parts.details.hidden = true;
      this.parts.details.textContent = '';
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
    replaceChildren(this.parts.details, renderPodDetails(pod, this.index, {
      close: () => this.closeDetails(),
      reveal: (location) => this.channel.post({ type: 'revealSource', location }),
      showNode: (name) => {
        this.show('nodes');
        this.parts.nodes.revealNode(name, true);
      },
    }, fetched));
    this.parts.details.hidden = !this.detailsShown();
    this.signalRendered('details');
  }

  private closeDetails(): void {
    const key = this.state.selectedPod;
    this.selectPod(null, false);
    if (key && this.state.view === 'nodes') this.parts.nodes.revealPod(key, true);
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
