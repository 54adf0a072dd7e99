import type { PreviewNode, PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, setPercentWidth } from './dom';
import { formatUsage, fraction, keyOf, percent, plural } from './format';
import { isControlPlane, isCordoned, keyLabels, type ZoneGroup } from './modelIndex';
import { ROW_ITEM_ATTRIBUTE } from './virtualList';

/** One row of the nodes list: a zone heading or a node with its pods. */
export type NodeListItem =
  | { kind: 'zone'; group: ZoneGroup; shown: number }
  | { kind: 'node'; node: PreviewNode; pods: PreviewPod[] };

export interface NodeCardContext {
  selectedPod: string | null;
  isHighlighted(pod: PreviewPod): boolean;
  reveal(location: SourceLocation): void;
}

/** Row geometry in px; media/nodes.css gives the same heights to the same parts. */
const ZONE_ROW = 34;
const CARD_CHROME = 22; // padding 6+6, border 1+1, gap of 8 below the card
const HEAD_LINE = 24;
const META_LINE = 20;
const BARS_LINE = 24;
const CHIP_LINE = 24;
const CHIP_WIDTH = 172; // chip 168 + gap 4
const CARD_SIDE_PADDING = 36; // row padding 8+8, card padding 8+8, border 1+1

export function nodeRowHeight(item: NodeListItem, width: number): number {
  if (item.kind === 'zone') return ZONE_ROW;
  const perLine = chipsPerLine(width);
  const meta = item.node.taints.length > 0 || keyLabels(item.node).length > 0 ? META_LINE : 0;
  return CARD_CHROME + HEAD_LINE + meta + BARS_LINE + Math.ceil(item.pods.length / perLine) * CHIP_LINE;
}

function chipsPerLine(width: number): number {
  return Math.max(1, Math.floor((width - CARD_SIDE_PADDING + 4) / CHIP_WIDTH));
}

export function renderZoneRow(group: ZoneGroup, shown: number): HTMLElement {
  const zone = group.zone ?? 'no zone label';
  const region = group.region ? ` · region ${group.region}` : '';
  const count = shown === group.nodes.length ? plural(group.nodes.length, 'node') : `${shown} of ${plural(group.nodes.length, 'node')}`;
  return el('div', { class: 'zone-row', 'aria-label': `Zone ${zone}${region}, ${count}` },
    el('span', { class: 'zone-name' }, `Zone ${zone}`),
    el('span', { class: 'muted' }, `${region} · ${count}`),
  );
}

const BAR_RESOURCES: Array<{ resource: string; label: string }> = [
  { resource: 'cpu', label: 'cpu' },
  { resource: 'memory', label: 'memory' },
  { resource: 'pods', label: 'pods' },
];

export function renderNodeRow(node: PreviewNode, pods: readonly PreviewPod[], context: NodeCardContext): HTMLElement {
  const controlPlane = isControlPlane(node);
  const cordoned = isCordoned(node);
  const notReady = node.ready === false;
  const classes = ['node-card', controlPlane && 'control-plane', cordoned && 'cordoned', notReady && 'not-ready'].filter(Boolean).join(' ');
  const usage = BAR_RESOURCES.map(({ resource }) => `${resource} ${percent(fraction(requestedOf(node, resource, pods), node.allocatable[resource] ?? 0))}`);
  for (const l of node.volumes?.limits ?? []) usage.push(`volumes ${l.attached} of ${l.limit} (${l.driver})`);
  const roles = [controlPlane && 'control plane', cordoned && 'cordoned', notReady && 'not ready'].filter(Boolean).join(', ');
  const card = el('div', {
    class: classes,
    'aria-label': `Node ${node.name}${roles ? ` (${roles})` : ''}, ${plural(pods.length, 'pod')}, requested ${usage.join(', ')}`,
  });
  const name = node.source
    ? button(node.name, {
      class: 'node-name link',
      title: 'Reveal the Node manifest',
      'aria-label': `Node ${node.name}: reveal its manifest`,
      [ROW_ITEM_ATTRIBUTE]: `node:${node.name}`,
      tabindex: -1,
    }, () => context.reveal(node.source as SourceLocation))
    : el('span', { class: 'node-name' }, node.name);
  card.append(el('div', { class: 'node-head' },
    name,
    controlPlane && el('span', { class: 'badge badge-control-plane' }, 'control-plane'),
    cordoned && el('span', { class: 'badge badge-cordoned' }, 'cordoned'),
    notReady && el('span', { class: 'badge badge-error' }, 'NotReady'),
    el('span', { class: 'muted node-pod-count' }, plural(pods.length, 'pod')),
  ));
  const meta = renderMeta(node);
  if (meta) card.append(meta);
  card.append(el('div', { class: 'node-bars' },
    ...BAR_RESOURCES.map(({ resource, label }) => renderBar(node, resource, label, pods)),
    ...(node.volumes?.limits ?? []).map((l) => renderVolumeBar(l.driver, l.attached, l.limit))));
  if (pods.length > 0) card.append(el('div', { class: 'node-pods' }, ...pods.map((pod) => renderPodChip(pod, context))));
  return card;
}

/** `requested` from the model, or the pod count for `pods` when the simulator left it out. */
function requestedOf(node: PreviewNode, resource: string, pods: readonly PreviewPod[]): number {
  return node.requested[resource] ?? (resource === 'pods' ? pods.length : 0);
}

function renderMeta(node: PreviewNode): HTMLElement | null {
  const labels = keyLabels(node);
  if (node.taints.length === 0 && labels.length === 0) return null;
  const taintTexts = node.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  const labelTexts = labels.map(([key, value]) => `${key}=${value}`);
  return el('div', { class: 'node-meta', title: [...taintTexts.map((t) => `taint ${t}`), ...labelTexts].join('\n') },
    ...taintTexts.map((text) => el('span', { class: 'chip chip-taint', 'aria-label': `taint ${text}` }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), text)),
    ...labelTexts.map((text) => el('span', { class: 'chip chip-label', 'aria-label': `label ${text}` }, text)),
  );
}

function renderBar(node: PreviewNode, resource: string, label: string, pods: readonly PreviewPod[]): HTMLElement {
  const allocatable = node.allocatable[resource] ?? 0;
  const requested = requestedOf(node, resource, pods);
  const share = fraction(requested, allocatable);
  const level = share > 1 ? 'over' : share >= 0.9 ? 'high' : 'ok';
  const text = `${label} ${formatUsage(resource, requested, allocatable)}`;
  const fill = el('div', { class: 'bar-fill' });
  setPercentWidth(fill, share);
  return el('div', { class: `bar bar-${level}`, title: `${text} requested (${percent(share)})` },
    el('span', { class: 'bar-label' }, text),
    el('div', {
      class: 'bar-track',
      role: 'meter',
      'aria-label': `${label} requested`,
      'aria-valuemin': 0,
      'aria-valuemax': allocatable,
      'aria-valuenow': Math.min(requested, allocatable),
      'aria-valuetext': `${formatUsage(resource, requested, allocatable)} (${percent(share)})`,
    }, fill),
  );
}

/** Attached volumes of one CSI driver against the node's CSINode limit (NodeVolumeLimits), like the capacity bars. */
function renderVolumeBar(driver: string, attached: number, limit: number): HTMLElement {
  const share = fraction(attached, limit);
  const level = share > 1 ? 'over' : share >= 0.9 ? 'high' : 'ok';
  const text = `volumes ${attached} / ${limit} (${driver})`;
  const fill = el('div', { class: 'bar-fill' });
  setPercentWidth(fill, share);
  return el('div', { class: `bar bar-volumes bar-${level}`, title: `${text} attached (${percent(share)} of the CSI limit)` },
    el('span', { class: 'bar-label' }, text),
    el('div', {
      class: 'bar-track',
      role: 'meter',
      'aria-label': `${driver} volumes attached`,
      'aria-valuemin': 0,
      'aria-valuemax': limit,
      'aria-valuenow': Math.min(attached, limit),
      'aria-valuetext': `${attached} of ${limit} (${percent(share)})`,
    }, fill),
  );
}

const STATUS_GLYPH: Record<PreviewPod['status'], string> = { Bound: '◆', Scheduled: '●', Pending: '○' };

/** Pod names longer than this are likely cut off on a chip: they get a tooltip. */
const CHIP_NAME_FITS = 22;

/** A pod chip. Clicks are handled by the list (event delegation on `data-pod`). */
export function renderPodChip(pod: PreviewPod, context: NodeCardContext): HTMLElement {
  const key = keyOf(pod);
  const selected = context.selectedPod === key;
  const highlighted = context.isHighlighted(pod);
  const classes = ['pod-chip', `pod-${pod.status.toLowerCase()}`, highlighted && 'highlighted'].filter(Boolean).join(' ');
  return el('button', {
    class: classes,
    title: pod.name.length > CHIP_NAME_FITS ? key : null,
    'aria-label': `Pod ${key}, ${pod.status}${highlighted ? ', highlighted' : ''}`,
    'aria-pressed': selected ? 'true' : 'false',
    [ROW_ITEM_ATTRIBUTE]: key,
    'data-pod': key,
    tabindex: -1,
  }, STATUS_GLYPH[pod.status], ' ', pod.name);
}
