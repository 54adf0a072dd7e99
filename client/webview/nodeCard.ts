import type { PreviewNode, PreviewPod } from '../../server/src/protocol/preview';
import { button, el, setPercentWidth } from './dom';
import { withFile } from './duplicateFiles';
import * as l10n from '@vscode/l10n';
import { nodeCount, podCount } from './counts';
import { formatUsage, fraction, keyOf, percent } from './format';
import { isControlPlane, isCordoned, keyLabels, type ZoneGroup } from './modelIndex';
import type { PodColour } from './podColours';
import { nodeResources, requestedOf } from './nodeResources';
import { ROW_ITEM_ATTRIBUTE } from './virtualList';
import { WHAT_IF_CHOICES } from './whatIfView';

/** One row of the nodes list: a zone heading, the lane of pods that found no node, or a node with its pods. */
export type NodeListItem =
  | { kind: 'zone'; group: ZoneGroup; shown: number }
  | { kind: 'pending'; pods: PreviewPod[] }
  | { kind: 'node'; node: PreviewNode; pods: PreviewPod[] };

export interface NodeCardContext {
  selectedPod: string | null;
  /** The node whose details are open. */
  selectedNode: string | null;
  isHighlighted(pod: PreviewPod): boolean;
  colourOf(pod: PreviewPod): PodColour;
  /** Pods outside the colours the legend emphasises. */
  isDimmed(pod: PreviewPod): boolean;
  openNode(name: string): void;
  /** The file of the pod's workload when several files define it (else null): in its tooltip and accessible name. */
  fileOf?(pod: PreviewPod): string | null;
  /** The node's "What if" buttons: the What-if tab plays the node failing or being drained. */
  whatIf?(node: string, kind: 'node-down' | 'drain'): void;
}

/** Row geometry in px; media/nodes.css gives the same heights to the same parts. */
const ZONE_ROW = 34;
const CARD_CHROME = 22; // padding 6+6, border 1+1, gap of 8 below the card
const HEAD_LINE = 24;
const META_LINE = 20;
const BARS_LINE = 24;
const BAR_MIN_WIDTH = 240; // grid columns: minmax(240px, 1fr), column gap 12
const BAR_GAP = 12;
const CHIP_LINE = 24;
const CHIP_WIDTH = 172; // chip 168 + gap 4
const CARD_SIDE_PADDING = 36; // row padding 8+8, card padding 8+8, border 1+1
/** Taint chips wrap: text lines of 16px, chip padding and border 4px, 2px between lines of chips. */
const TAINT_TEXT_LINE = 16;
const TAINT_CHIP_EXTRA = 4;
const TAINT_ROW_GAP = 2;
/** A pessimistic width per character of chip text (0.9em of a 13px UI font is about 6px) and a chip's padding, border and gap. */
const CHAR_WIDTH = 7.5;
const TAINT_CHIP_SIDES = 20 + 4;

export function nodeRowHeight(item: NodeListItem, width: number): number {
  if (item.kind === 'zone') return ZONE_ROW;
  const inner = width - CARD_SIDE_PADDING;
  const chips = Math.ceil(item.pods.length / chipsPerLine(width)) * CHIP_LINE;
  if (item.kind === 'pending') return CARD_CHROME + HEAD_LINE + chips;
  const meta = keyLabels(item.node).length > 0 ? META_LINE : 0;
  const bars = Math.ceil(barCount(item.node) / barsPerLine(inner)) * BARS_LINE;
  return CARD_CHROME + HEAD_LINE + taintHeight(item.node, inner) + meta + bars + chips;
}

function chipsPerLine(width: number): number {
  return Math.max(1, Math.floor((width - CARD_SIDE_PADDING + 4) / CHIP_WIDTH));
}

function barsPerLine(inner: number): number {
  return Math.max(1, Math.floor((inner + BAR_GAP) / (BAR_MIN_WIDTH + BAR_GAP)));
}

function barCount(node: PreviewNode): number {
  return nodeResources(node).length + (node.volumes?.limits.length ?? 0);
}

/** The taints' lines: chips packed left to right, a chip longer than the line wrapping inside (estimated high, never low). */
function taintHeight(node: PreviewNode, inner: number): number {
  if (node.taints.length === 0) return 0;
  let height = 0;
  let lineWidth = 0;
  let lineTextLines = 0;
  for (const taint of node.taints) {
    const width = (taintText(taint).length + 2) * CHAR_WIDTH + TAINT_CHIP_SIDES;
    const textLines = Math.max(1, Math.ceil(width / inner));
    if (lineWidth > 0 && lineWidth + width > inner) {
      height += lineTextLines * TAINT_TEXT_LINE + TAINT_CHIP_EXTRA + TAINT_ROW_GAP;
      lineWidth = 0;
      lineTextLines = 0;
    }
    lineWidth += Math.min(width, inner);
    lineTextLines = Math.max(lineTextLines, textLines);
  }
  return height + lineTextLines * TAINT_TEXT_LINE + TAINT_CHIP_EXTRA + TAINT_ROW_GAP;
}

export function taintText(taint: PreviewNode['taints'][number]): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

export function renderZoneRow(group: ZoneGroup, shown: number): HTMLElement {
  const zone = group.zone ?? l10n.t('no zone label');
  const region = group.region ? ` · ${l10n.t('region {0}', group.region)}` : '';
  const total = group.nodes.length;
  const count = shown === total ? nodeCount(total) : total === 1 ? l10n.t('{0} of {1} node', shown, total) : l10n.t('{0} of {1} nodes', shown, total);
  return el('div', { class: 'zone-row', 'aria-label': `${l10n.t('Zone {0}', zone)}${region}, ${count}` },
    el('span', { class: 'zone-name' }, l10n.t('Zone {0}', zone)),
    el('span', { class: 'muted' }, `${region} · ${count}`),
  );
}

/** The pods that found no node, as a lane above the zones; a chip selects its pod (its details say why). */
export function renderPendingLane(pods: readonly PreviewPod[], context: NodeCardContext): HTMLElement {
  const count = podCount(pods.length);
  return el('div', { class: 'pending-lane', 'aria-label': l10n.t('Pending: {0} found no node. Select one to see why.', count) },
    el('div', { class: 'node-head' },
      el('span', { class: 'node-name' }, 'Pending'),
      el('span', { class: 'muted' }, l10n.t('{0} found no node — select one to see why', count)),
    ),
    el('div', { class: 'node-pods' }, ...pods.map((pod) => renderPodChip(pod, context))),
  );
}

export function renderNodeRow(node: PreviewNode, pods: readonly PreviewPod[], context: NodeCardContext): HTMLElement {
  const controlPlane = isControlPlane(node);
  const cordoned = isCordoned(node);
  const notReady = node.ready === false;
  const selected = context.selectedNode === node.name;
  const classes = ['node-card', controlPlane && 'control-plane', cordoned && 'cordoned', notReady && 'not-ready', selected && 'selected'].filter(Boolean).join(' ');
  const resources = nodeResources(node);
  const usage = resources.map((resource) => `${resource} ${percent(fraction(requestedOf(node, resource, pods), node.allocatable[resource] ?? 0))}`);
  for (const l of node.volumes?.limits ?? []) usage.push(l10n.t('volumes {0} of {1} ({2})', l.attached, l.limit, l.driver));
  const roles = [controlPlane && l10n.t('control plane'), cordoned && l10n.t('cordoned'), notReady && l10n.t('not ready')].filter(Boolean).join(', ');
  const card = el('div', {
    class: classes,
    'data-node': node.name,
    'aria-label': `${roles ? l10n.t('Node {0} ({1})', node.name, roles) : l10n.t('Node {0}', node.name)}, ${podCount(pods.length)}, ${l10n.t('requested {0}', usage.join(', '))}${selected ? `, ${l10n.t('details open')}` : ''}`,
  });
  const name = button(node.name, {
    class: 'node-name link',
    title: l10n.t('Show the details of node {0}', node.name),
    'aria-label': l10n.t('Node {0}: show its details', node.name),
    'aria-expanded': selected ? 'true' : 'false',
    [ROW_ITEM_ATTRIBUTE]: `node:${node.name}`,
    tabindex: -1,
  }, () => context.openNode(node.name));
  card.append(el('div', { class: 'node-head' },
    name,
    controlPlane && el('span', { class: 'badge badge-control-plane' }, 'control-plane'),
    cordoned && el('span', { class: 'badge badge-cordoned' }, l10n.t('cordoned')),
    notReady && el('span', { class: 'badge badge-error' }, 'NotReady'),
    el('span', { class: 'muted node-pod-count' }, podCount(pods.length)),
    ...(context.whatIf ? WHAT_IF_CHOICES.map((c) => button(c.label, { class: 'secondary node-whatif', 'aria-label': c.aria(node.name), [ROW_ITEM_ATTRIBUTE]: `${c.kind}:${node.name}`, tabindex: -1 }, () => context.whatIf?.(node.name, c.kind))) : []),
  ));
  if (node.taints.length > 0) card.append(renderTaints(node));
  const labels = renderLabels(node);
  if (labels) card.append(labels);
  card.append(el('div', { class: 'node-bars' },
    ...resources.map((resource) => renderBar(node, resource, pods)),
    ...(node.volumes?.limits ?? []).map((l) => renderVolumeBar(l.driver, l.attached, l.limit))));
  if (pods.length > 0) card.append(el('div', { class: 'node-pods' }, ...pods.map((pod) => renderPodChip(pod, context))));
  return card;
}

/** Taints matter to every pod that lands here: their chips wrap, never cut. */
function renderTaints(node: PreviewNode): HTMLElement {
  return el('div', { class: 'node-taints' },
    ...node.taints.map((taint) => {
      const text = taintText(taint);
      return el('span', { class: 'chip chip-taint', title: l10n.t('taint {0}', text), 'aria-label': l10n.t('taint {0}', text), [ROW_ITEM_ATTRIBUTE]: `taint:${text}`, tabindex: -1 },
        el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), text);
    }));
}

/** Key labels on one line; a cut chip shows its whole text on hover (title) and while it has focus. */
function renderLabels(node: PreviewNode): HTMLElement | null {
  const labels = keyLabels(node);
  if (labels.length === 0) return null;
  return el('div', { class: 'node-meta' },
    ...labels.map(([key, value]) => {
      const text = `${key}=${value}`;
      return el('span', { class: 'chip chip-label', title: l10n.t('label {0}', text), 'aria-label': l10n.t('label {0}', text), [ROW_ITEM_ATTRIBUTE]: `label:${key}`, tabindex: -1 },
        el('span', { class: 'chip-text' }, text));
    }));
}

function renderBar(node: PreviewNode, resource: string, pods: readonly PreviewPod[]): HTMLElement {
  const allocatable = node.allocatable[resource] ?? 0;
  const requested = requestedOf(node, resource, pods);
  const share = fraction(requested, allocatable);
  const level = share > 1 ? 'over' : share >= 0.9 ? 'high' : 'ok';
  const text = formatUsage(resource, requested, allocatable);
  const fill = el('div', { class: 'bar-fill' });
  setPercentWidth(fill, share);
  return el('div', { class: `bar bar-${level}`, 'data-resource': resource, title: l10n.t('{0} requested ({1})', text, percent(share)) },
    el('span', { class: 'bar-label' }, text),
    el('div', {
      class: 'bar-track',
      role: 'meter',
      'aria-label': l10n.t('{0} requested', resource),
      'aria-valuemin': 0,
      'aria-valuemax': allocatable,
      'aria-valuenow': Math.min(requested, allocatable),
      'aria-valuetext': `${text} (${percent(share)})`,
    }, fill),
  );
}

/** Attached volumes of one CSI driver against the node's CSINode limit (NodeVolumeLimits), like the capacity bars. */
function renderVolumeBar(driver: string, attached: number, limit: number): HTMLElement {
  const share = fraction(attached, limit);
  const level = share > 1 ? 'over' : share >= 0.9 ? 'high' : 'ok';
  const text = l10n.t('volumes {0} / {1} ({2})', attached, limit, driver);
  const fill = el('div', { class: 'bar-fill' });
  setPercentWidth(fill, share);
  return el('div', { class: `bar bar-volumes bar-${level}`, title: l10n.t('{0} attached ({1} of the CSI limit)', text, percent(share)) },
    el('span', { class: 'bar-label' }, text),
    el('div', {
      class: 'bar-track',
      role: 'meter',
      'aria-label': l10n.t('{0} volumes attached', driver),
      'aria-valuemin': 0,
      'aria-valuemax': limit,
      'aria-valuenow': Math.min(attached, limit),
      'aria-valuetext': l10n.t('{0} of {1} ({2})', attached, limit, percent(share)),
    }, fill),
  );
}

const STATUS_GLYPH: Record<PreviewPod['status'], string> = { Bound: '◆', Scheduled: '●', Pending: '○' };

/**
 * A pod chip, edged in its namespace's colour. The whole "namespace/name" is in the tooltip and, while
 * the chip has focus or the pointer, drawn over its neighbours (chipExpansion.ts). Clicks are handled
 * by the list (event delegation on `data-pod`).
 */
export function renderPodChip(pod: PreviewPod, context: NodeCardContext): HTMLElement {
  const key = keyOf(pod);
  const selected = context.selectedPod === key;
  const highlighted = context.isHighlighted(pod);
  const colour = context.colourOf(pod);
  const dimmed = context.isDimmed(pod);
  const classes = ['pod-chip', `pod-${pod.status.toLowerCase()}`, `ns-${colour}`, highlighted && 'highlighted', dimmed && 'dimmed'].filter(Boolean).join(' ');
  const owner = pod.workload ?? pod.owner;
  const file = context.fileOf?.(pod) ?? null;
  return el('button', {
    type: 'button',
    class: classes,
    title: `${key}${owner ? ` (${owner.kind} ${owner.name}${file !== null ? `, ${file}` : ''})` : ''}`,
    'aria-label': `${l10n.t('Pod {0}', withFile(key, file))}, ${pod.status}${highlighted ? `, ${l10n.t('highlighted')}` : ''}`,
    'aria-pressed': selected ? 'true' : 'false',
    [ROW_ITEM_ATTRIBUTE]: key,
    'data-pod': key,
    tabindex: -1,
  }, el('span', { class: 'chip-text' }, STATUS_GLYPH[pod.status], ' ', pod.name));
}
