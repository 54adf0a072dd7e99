import type { PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import type { WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { keepExpandedChipsInside } from './chipExpansion';
import { button, el, replaceChildren } from './dom';
import { podFile } from './duplicateFiles';
import * as l10n from '@vscode/l10n';
import { nodeCount, podCount } from './counts';
import { keyOf } from './format';
import { podBelongsTo, type ModelIndex } from './modelIndex';
import { nodeRowHeight, renderNodeRow, renderPendingLane, renderZoneRow, type NodeCardContext, type NodeListItem } from './nodeCard';
import { NODE_DETAIL_TITLE_ID, renderNodeDetail } from './nodeDetail';
import { colourPods, type PodColouring } from './podColours';
import { PodLegend } from './podLegend';
import { ROW_ITEM_ATTRIBUTE, VirtualList } from './virtualList';

export interface NodesViewActions {
  selectPod(pod: PreviewPod): void;
  reveal(location: SourceLocation): void;
  clearWorkload(): void;
  /** A node card's "What if it fails / is drained" button (the What-if tab). */
  whatIf?(node: string, kind: 'node-down' | 'drain'): void;
}

export interface NodesSelection {
  selectedPod: string | null;
  workload: WorkloadRef | null;
}

/**
 * The nodes tab: the pods that found no node (a "Pending" lane), then every node grouped by
 * region/zone, with a bar per resource, taints, key labels and its pods coloured by namespace (with
 * a legend). A node's name, a click on its card or Enter on its row opens the node's details beside
 * the list. Virtualised: only the rows on screen are in the DOM.
 */
export class NodesView {
  readonly element: HTMLElement;
  private readonly summary = el('p', { class: 'summary', 'aria-live': 'polite' });
  private readonly banner = el('div', { class: 'workload-banner', hidden: true });
  private readonly filter = el('input', { type: 'search', class: 'filter', placeholder: l10n.t('Filter nodes, labels, pods…'), 'aria-label': l10n.t('Filter nodes by name, label or pod') });
  private readonly legend = new PodLegend(() => {
    this.list.refresh();
    this.renderDetail(false);
  });
  private readonly detail = el('aside', { class: 'node-detail', hidden: true, 'aria-label': l10n.t('Node details') });
  private readonly list: VirtualList<NodeListItem>;
  private index: ModelIndex | null = null;
  private colouring: PodColouring | null = null;
  private selection: NodesSelection = { selectedPod: null, workload: null };
  private selectedNode: string | null = null;
  private filterFrame = 0;
  private currentItems: NodeListItem[] = [];

  constructor(private readonly actions: NodesViewActions) {
    this.list = new VirtualList<NodeListItem>({
      label: l10n.t('Nodes grouped by zone, after the pods that found no node'),
      rowHeight: nodeRowHeight,
      renderRow: (item) => this.renderRow(item),
      activate: (item, index) => {
        if (item.kind === 'node') this.openNode(item.node.name);
        else if (item.kind === 'pending') this.list.rowAt(index)?.querySelector<HTMLElement>(`[${ROW_ITEM_ATTRIBUTE}]`)?.focus();
      },
    });
    // One listener for every row (rows come and go while scrolling): a pod chip selects its pod, the rest of a card opens the node.
    this.list.element.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const chip = target?.closest<HTMLElement>('[data-pod]');
      if (chip) {
        const pod = chip.dataset.pod ? this.index?.podByKey.get(chip.dataset.pod) : undefined;
        if (pod) this.actions.selectPod(pod);
        return;
      }
      if (target?.closest('button, .chip')) return;
      const card = target?.closest<HTMLElement>('.node-card[data-node]');
      if (card?.dataset.node) this.openNode(card.dataset.node);
    });
    keepExpandedChipsInside(this.list.element);
    keepExpandedChipsInside(this.detail);
    this.detail.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.closeNode();
    });
    this.filter.addEventListener('input', () => {
      cancelAnimationFrame(this.filterFrame);
      this.filterFrame = requestAnimationFrame(() => this.rebuild());
    });
    this.element = el('section', { class: 'view view-nodes', 'aria-label': l10n.t('Nodes') },
      this.legend.element,
      el('div', { class: 'toolbar' }, this.filter, this.summary),
      this.banner,
      el('div', { class: 'nodes-body' }, this.list.element, this.detail),
    );
  }

  update(index: ModelIndex, selection: NodesSelection): void {
    this.index = index;
    this.colouring = colourPods(index.model);
    this.legend.update(this.colouring.legend);
    this.selection = selection;
    if (this.selectedNode !== null && !index.nodeByName.has(this.selectedNode)) this.selectedNode = null;
    this.rebuild();
    this.renderDetail(false);
  }

  setSelection(selection: NodesSelection): void {
    const workloadChanged = JSON.stringify(selection.workload) !== JSON.stringify(this.selection.workload);
    this.selection = selection;
    if (workloadChanged) this.rebuild();
    else this.list.refresh();
    this.renderDetail(false);
  }

  /** Scrolls to the node of a pod (or the Pending lane) and focuses the pod's chip. */
  revealPod(podKey: string, focus: boolean): void {
    const pod = this.index?.podByKey.get(podKey);
    if (!pod) return;
    const row = this.currentItems.findIndex((item) => (pod.node === null ? item.kind === 'pending' : item.kind === 'node' && item.node.name === pod.node));
    if (row < 0) return;
    this.list.reveal(row, false);
    if (focus) this.list.rowAt(row)?.querySelector<HTMLElement>(`[data-pod="${CSS.escape(podKey)}"]`)?.focus();
  }

  /** Scrolls to a node's row and optionally focuses it. */
  revealNode(nodeName: string, focus: boolean): void {
    const row = this.currentItems.findIndex((item) => item.kind === 'node' && item.node.name === nodeName);
    if (row >= 0) this.list.reveal(row, focus);
  }

  /** Opens a node's details beside the list and moves focus to them. */
  openNode(nodeName: string): void {
    if (!this.index?.nodeByName.has(nodeName)) return;
    this.selectedNode = nodeName;
    this.list.refresh();
    this.renderDetail(true);
  }

  private closeNode(): void {
    const name = this.selectedNode;
    this.selectedNode = null;
    this.renderDetail(false);
    this.list.refresh();
    if (name) this.revealNode(name, true);
  }

  private renderDetail(focus: boolean): void {
    const node = this.selectedNode ? this.index?.nodeByName.get(this.selectedNode) : undefined;
    const colouring = this.colouring;
    if (!node || !this.index || !colouring) {
      this.detail.hidden = true;
      this.detail.textContent = '';
      return;
    }
    const focusedKey = document.activeElement instanceof HTMLElement && this.detail.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    replaceChildren(this.detail, renderNodeDetail(node, this.index.podsByNode.get(node.name) ?? [], {
      close: () => this.closeNode(),
      reveal: (location) => this.actions.reveal(location),
      selectPod: (pod) => this.actions.selectPod(pod),
      colourOf: colouring.colourOf,
      selectedPod: this.selection.selectedPod,
    }));
    this.detail.hidden = false;
    if (focus) this.detail.querySelector<HTMLElement>(`#${NODE_DETAIL_TITLE_ID}`)?.focus();
    else if (focusedKey) [...this.detail.querySelectorAll<HTMLElement>('[aria-label]')].find((e) => e.getAttribute('aria-label') === focusedKey)?.focus();
  }

  private renderRow(item: NodeListItem): HTMLElement {
    const context = this.cardContext();
    switch (item.kind) {
      case 'zone': return renderZoneRow(item.group, item.shown);
      case 'pending': return renderPendingLane(item.pods, context);
      case 'node': return renderNodeRow(item.node, item.pods, context);
    }
  }

  private rebuild(): void {
    const index = this.index;
    if (!index) return;
    const query = this.filter.value.trim().toLowerCase();
    const items: NodeListItem[] = [];
    const pending = index.pending.filter((pod) => !query || keyOf(pod).toLowerCase().includes(query));
    if (pending.length > 0) items.push({ kind: 'pending', pods: pending });
    let shownNodes = 0;
    for (const group of index.zones) {
      const nodes = group.nodes
        .map((node) => ({ node, pods: index.podsByNode.get(node.name) ?? [] }))
        .filter(({ node, pods }) => !query || matches(query, node.name, node.labels, pods));
      if (nodes.length === 0) continue;
      items.push({ kind: 'zone', group, shown: nodes.length });
      for (const { node, pods } of nodes) items.push({ kind: 'node', node, pods });
      shownNodes += nodes.length;
    }
    const previousActive = this.list.activeIndex;
    this.currentItems = items;
    this.list.setItems(items, previousActive);
    const total = index.model.simulation.nodes.length;
    const scheduled = index.model.simulation.pods.length - index.pending.length;
    const nodesShown = !query ? nodeCount(total) : total === 1 ? l10n.t('{0} of {1} node', shownNodes, total) : l10n.t('{0} of {1} nodes', shownNodes, total);
    const placed = scheduled === 1 ? l10n.t('{0} pod placed', scheduled) : l10n.t('{0} pods placed', scheduled);
    this.summary.textContent = [nodesShown, placed, l10n.t('{0} pending', index.pending.length)].join(' · ');
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
      el('span', {}, pending
        ? l10n.t('Highlighting {0} {1}: {2} on {3}, {4} pending.', workload.kind, `${workload.namespace}/${workload.name}`, podCount(pods.length), nodeCount(nodes.size), pending)
        : l10n.t('Highlighting {0} {1}: {2} on {3}.', workload.kind, `${workload.namespace}/${workload.name}`, podCount(pods.length), nodeCount(nodes.size))),
      button(l10n.t('Clear'), { class: 'secondary', 'aria-label': l10n.t('Stop highlighting the workload') }, () => this.actions.clearWorkload()),
    );
    const first = pods.find((pod) => pod.node !== null);
    if (first) this.revealPod(keyOf(first), false);
  }

  private cardContext(): NodeCardContext {
    const { selectedPod, workload } = this.selection;
    const colourOf = this.colouring?.colourOf ?? (() => 'other' as const);
    return {
      selectedPod,
      selectedNode: this.selectedNode,
      isHighlighted: (pod) => workload !== null && podBelongsTo(pod, workload),
      colourOf,
      isDimmed: (pod) => this.legend.isDimmed(colourOf(pod)),
      openNode: (name) => this.openNode(name),
      fileOf: (pod) => (this.index ? podFile(this.index.duplicates, pod) : null),
      whatIf: this.actions.whatIf ? (node, kind) => this.actions.whatIf?.(node, kind) : undefined,
    };
  }
}

function matches(query: string, name: string, labels: Record<string, string>, pods: readonly PreviewPod[]): boolean {
  if (name.toLowerCase().includes(query)) return true;
  for (const [key, value] of Object.entries(labels)) if (`${key}=${value}`.toLowerCase().includes(query)) return true;
  return pods.some((pod) => keyOf(pod).toLowerCase().includes(query));
}
