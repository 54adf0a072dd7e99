import type { PreviewNode, PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import * as l10n from '@vscode/l10n';
import { button, el, type Child } from './dom';
import { formatInSharedUnit, fraction, keyOf, percent } from './format';
import { isControlPlane, isCordoned } from './modelIndex';
import { taintText } from './nodeCard';
import { nodeResources, requestedOf } from './nodeResources';
import type { PodColour } from './podColours';

export interface NodeDetailContext {
  close(): void;
  reveal(location: SourceLocation): void;
  selectPod(pod: PreviewPod): void;
  colourOf(pod: PreviewPod): PodColour;
  selectedPod: string | null;
}

/** The id of the detail's heading (it takes focus when the detail opens from the keyboard). */
export const NODE_DETAIL_TITLE_ID = 'node-detail-title';

/**
 * One node in full: allocatable against requested for every resource, conditions, taints, labels and
 * its pods, with a link to its manifest. `.node-detail-actions` is where node actions go.
 */
export function renderNodeDetail(node: PreviewNode, pods: readonly PreviewPod[], context: NodeDetailContext): HTMLElement {
  const source = node.source;
  return el('div', { class: 'node-detail-body', role: 'region', 'aria-labelledby': NODE_DETAIL_TITLE_ID },
    el('div', { class: 'details-head' },
      el('h2', { id: NODE_DETAIL_TITLE_ID, tabindex: -1 }, l10n.t('Node {0}', node.name)),
      button('×', { class: 'icon-button', 'aria-label': l10n.t('Close node details'), title: l10n.t('Close (Escape)') }, () => context.close()),
    ),
    el('div', { class: 'node-detail-actions' },
      source
        ? button(l10n.t('Reveal YAML'), { class: 'secondary', 'aria-label': l10n.t('Reveal the Node manifest of {0} in the editor', node.name) }, () => context.reveal(source))
        : el('span', { class: 'muted' }, l10n.t('Built-in default cluster: no manifest to reveal.')),
    ),
    renderResources(node, pods),
    section(l10n.t('Conditions'), renderConditions(node)),
    section(l10n.t('Taints ({0})', node.taints.length), node.taints.length === 0
      ? el('p', { class: 'muted' }, l10n.t('None: any pod may land here.'))
      : el('ul', { class: 'plain-list node-detail-taints' }, ...node.taints.map((t) => el('li', {}, el('code', {}, taintText(t)))))),
    section(l10n.t('Labels ({0})', Object.keys(node.labels).length), el('ul', { class: 'plain-list node-detail-labels' },
      ...Object.entries(node.labels).map(([key, value]) => el('li', {}, el('code', {}, `${key}=${value}`))))),
    section(l10n.t('Pods ({0})', pods.length), pods.length === 0
      ? el('p', { class: 'muted' }, l10n.t('No pod runs here.'))
      : el('ul', { class: 'plain-list node-detail-pods' }, ...pods.map((pod) => el('li', {}, podButton(pod, context))))),
  );
}

function section(title: string, body: Child): HTMLElement {
  return el('section', { class: 'details-section' }, el('h3', {}, title), body);
}

function renderResources(node: PreviewNode, pods: readonly PreviewPod[]): HTMLElement {
  const rows = nodeResources(node).map((resource) => {
    const allocatable = node.allocatable[resource] ?? 0;
    const requested = requestedOf(node, resource, pods);
    const [requestedText, allocatableText] = formatInSharedUnit(resource, [requested, allocatable]);
    const share = fraction(requested, allocatable);
    return el('tr', { class: share > 1 ? 'over' : null, 'data-resource': resource },
      el('th', { scope: 'row' }, resource),
      el('td', { class: 'num' }, requestedText),
      el('td', { class: 'num' }, allocatableText),
      el('td', { class: 'num' }, percent(share)));
  });
  return el('section', { class: 'details-section' },
    el('div', { class: 'table-scroll' },
      el('table', { class: 'data-table node-resources' },
        el('caption', {}, l10n.t('Requested by its pods against allocatable')),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Resource')), el('th', { scope: 'col', class: 'num' }, l10n.t('Requested')), el('th', { scope: 'col', class: 'num' }, l10n.t('Allocatable')), el('th', { scope: 'col', class: 'num' }, l10n.t('Share')))),
        el('tbody', {}, ...rows))));
}

/**
 * The node's `status.conditions` as written (type, status, reason and message verbatim), or its Ready
 * state when the model has no conditions; then whether the scheduler may place pods on it.
 */
function renderConditions(node: PreviewNode): HTMLElement {
  const simulated = node.ready === true ? 'True' : node.ready === false ? 'False' : null;
  const facts: Array<[string, string]> = node.conditions && node.conditions.length > 0
    ? node.conditions.map((c) => [c.type, c.type === 'Ready' && simulated !== null && simulated !== c.status
      // The simulation changed the node's readiness (a what-if): its state, not the manifest's, is the one that counts.
      ? l10n.t('{0} (simulated; the manifest says {1})', simulated, c.status)
      : [c.status, c.reason, c.message].filter(Boolean).join(' · ')])
    : [['Ready', simulated ?? l10n.t('Unknown (the manifest states no Ready condition)')]];
  facts.push([l10n.t('Schedulable'), isCordoned(node) ? l10n.t('No: cordoned ({0} or the {1} taint)', 'spec.unschedulable', 'node.kubernetes.io/unschedulable') : l10n.t('Yes')]);
  if (isControlPlane(node)) facts.push([l10n.t('Role'), l10n.t('control plane')]);
  const list = el('dl', { class: 'facts node-detail-conditions' });
  for (const [term, value] of facts) list.append(el('dt', {}, term), el('dd', {}, value));
  return list;
}

function podButton(pod: PreviewPod, context: NodeDetailContext): HTMLElement {
  const key = keyOf(pod);
  const requests = Object.entries(pod.requests ?? {}).map(([resource, amount]) => `${resource} ${formatInSharedUnit(resource, [amount])[0]}`).join(', ');
  return button(el('span', { class: 'chip-text' }, key), {
    class: `pod-chip pod-${pod.status.toLowerCase()} ns-${context.colourOf(pod)}`,
    'aria-pressed': context.selectedPod === key ? 'true' : 'false',
    'aria-label': `${l10n.t('Pod {0}', key)}, ${pod.status}${requests ? `, ${l10n.t('requests {0}', requests)}` : ''}`,
    title: `${key}${requests ? ` — ${l10n.t('requests {0}', requests)}` : ''}`,
  }, () => context.selectPod(pod));
}
