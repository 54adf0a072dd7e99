import type { PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import type { WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { button, el, replaceChildren } from './dom';
import { keyOf, plural } from './format';
import { podBelongsTo, type ModelIndex } from './modelIndex';
import { nodeRowHeight, renderNodeRow, renderZoneRow, type NodeCardContext, type NodeListItem } from './nodeCard';
import { VirtualList } from './virtualList';

export interface NodesViewActions {
  selectPod(pod: PreviewPod): void;
  reveal(location: SourceLocation): void;
  clearWorkload(): void;
}

export interface NodesSelection {
  selectedPod: string | null;
  workload: WorkloadRef | null;
}

/**
 * The nodes tab: every node grouped by region/zone, with capacity bars, taints, key labels and its
 * pods. Virtualised: only the rows on screen are in the DOM.
 */
export class NodesView {
  readonly element: HTMLElement;
  private readonly summary = el('p', { class: 'summary', 'aria-live': 'polite' });
  private readonly banner = el('div', { class: 'workload-banner', hidden: true });
  private readonly filter = el('input', { type: 'search', class: 'filter', placeholder: 'Filter nodes, labels, pods…', 'aria-label': 'Filter nodes by name, label or pod' });
  private readonly list: VirtualList<NodeListItem>;
  private index: ModelIndex | null = null;
  private selection: NodesSelection = { selectedPod: null, workload: null };
  private filterFrame = 0;
  private currentItems: NodeListItem[] = [];

  constructor(private readonly actions: NodesViewActions) {
    this.list = new VirtualList<NodeListItem>({
      label: 'Nodes grouped by zone',
      rowHeight: nodeRowHeight,
      renderRow: (item) => (item.kind === 'zone' ? renderZoneRow(item.group, item.shown) : renderNodeRow(item.node, item.pods, this.cardContext())),
    });
    // One listener for every pod chip of every row (rows come and go while scrolling).
    this.list.element.addEventListener('click', (event) => {
      const chip = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-pod]') : null;
      const pod = chip?.dataset.pod ? this.index?.podByKey.get(chip.dataset.pod) : undefined;
      if (pod) this.actions.selectPod(pod);
    });
    this.filter.addEventListener('input', () => {
      cancelAnimationFrame(this.filterFrame);
      this.filterFrame = requestAnimationFrame(() => this.rebuild());
    });
    this.element = el('section', { class: 'view view-nodes', 'aria-label': 'Nodes' },
      el('div', { class: 'toolbar' }, this.filter, this.summary),
      this.banner,
      this.list.element,
    );
  }

  update(index: ModelIndex, selection: NodesSelection): void {
    this.index = index;
    this.selection = selection;
    this.rebuild();
  }

  setSelection(selection: NodesSelection): void {
    const workloadChanged = JSON.stringify(selection.workload) !== JSON.stringify(this.selection.workload);
    this.selection = selection;
    if (workloadChanged) this.rebuild();
    else this.list.refresh();
  }

  /** Scrolls to the node of a pod (when it has one) and focuses the pod's chip. */
  revealPod(podKey: string, focus: boolean): void {
    const pod = this.index?.podByKey.get(podKey);
    if (!pod?.node) return;
    const row = this.currentItems.findIndex((item) => item.kind === 'node' && item.node.name === pod.node);
    if (row < 0) return;
    this.list.reveal(row, false);
    if (focus) this.list.rowAt(row)?.querySelector<HTMLElement>(`[data-pod="${CSS.escape(podKey)}"]`)?.focus();
  }

  /** Scrolls to a node's row and optionally focuses it. */
  revealNode(nodeName: string, focus: boolean): void {
    const row = this.currentItems.findIndex((item) => item.kind === 'node' && item.node.name === nodeName);
    if (row >= 0) this.list.reveal(row, focus);
  }

  private rebuild(): void {
    const index = this.index;
    if (!index) return;
    const query = this.filter.value.trim().toLowerCase();
    const items: NodeListItem[] = [];
    let nodeCount = 0;
    for (const group of index.zones) {
      const nodes = group.nodes
        .map((node) => ({ node, pods: index.podsByNode.get(node.name) ?? [] }))
        .filter(({ node, pods }) => !query || matches(query, node.name, node.labels, pods));
      if (nodes.length === 0) continue;
      items.push({ kind: 'zone', group, shown: nodes.length });
      for (const { node, pods } of nodes) items.push({ kind: 'node', node, pods });
      nodeCount += nodes.length;
    }
    const previousActive = this.list.activeIndex;
    this.currentItems = items;
    this.list.setItems(items, previousActive);
    const total = index.model.simulation.nodes.length;
    const scheduled = index.model.simulation.pods.length - index.pending.length;
    this.summary.textContent = `${query ? `${nodeCount} of ` : ''}${plural(total, 'node')} · ${plural(scheduled, 'pod')} placed · ${index.pending.length} pending`;
    this.renderBanner(index);
  }

  private renderBanner(index: ModelIndex): void {
    const workload = this.selection.workload;
    this.banner.hidden = workload === null;
    if (!workload) return;
    const pods = index.model.simulation.pods.filter((pod) => podBelongsTo(pod, workload));
    const nodes = new Set(pods.flatMap((pod) => (pod.node ? [pod.node] : [])));
    const pending = pods.filter((pod) => pod.node === null).length;
    replaceChildren(this.banner,
      el('span', {}, `Highlighting ${workload.kind} ${workload.namespace}/${workload.name}: ${plural(pods.length, 'pod')} on ${plural(nodes.size, 'node')}${pending ? `, ${pending} pending` : ''}.`),
      button('Clear', { class: 'secondary', 'aria-label': 'Stop highlighting the workload' }, () => this.actions.clearWorkload()),
    );
    const first = pods.find((pod) => pod.node !== null);
    if (first) this.revealPod(keyOf(first), false);
  }

  private cardContext(): NodeCardContext {
    const { selectedPod, workload } = this.selection;
    return {
      selectedPod,
      isHighlighted: (pod) => workload !== null && podBelongsTo(pod, workload),
      reveal: (location) => this.actions.reveal(location),
    };
  }
}

function matches(query: string, name: string, labels: Record<string, string>, pods: readonly PreviewPod[]): boolean {
  if (name.toLowerCase().includes(query)) return true;
  for (const [key, value] of Object.entries(labels)) if (`${key}=${value}`.toLowerCase().includes(query)) return true;
  return pods.some((pod) => keyOf(pod).toLowerCase().includes(query));
}
