import type { NodeScore, PodDetails, PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, type Child } from './dom';
import { podFile, withFile } from './duplicateFiles';
import * as l10n from '@vscode/l10n';
import { feasibleNodeCount, nodeCount, rejectedNodeCount } from './counts';
import { formatAmount, keyOf } from './format';
import type { ModelIndex } from './modelIndex';
import { leadText } from './pendingView';
import { renderPodVolumes } from './podVolumes';

export interface PodDetailsActions {
  close(): void;
  reveal(location: SourceLocation): void;
  showNode(nodeName: string): void;
}

/**
 * The per-node filters and scores of a pod whose model entry left them out (`detailsOmitted`): asked
 * of the host, then `loaded`, or `missing` when the host had none (the simulation changed meanwhile).
 */
export type FetchedDetails = { state: 'loading' } | { state: 'missing' } | { state: 'loaded'; details: PodDetails };

const SCORE_ROWS_SHOWN = 10;
const NODE_NAMES_SHOWN = 6;

/**
 * Why a pod is where it is: the scheduler's message, the nodes each filter plugin rejected (grouped
 * by plugin and reason), and the weighted score of every plugin on every feasible node.
 */
export function renderPodDetails(pod: PreviewPod, index: ModelIndex, actions: PodDetailsActions, fetched?: FetchedDetails): HTMLElement {
  const key = keyOf(pod);
  const omitted = pod.detailsOmitted;
  const details = !omitted ? pod : fetched?.state === 'loaded' ? fetched.details : undefined;
  const titleId = 'pod-details-title';
  return el('div', { class: 'pod-details', role: 'region', 'aria-labelledby': titleId },
    el('div', { class: 'details-head' },
      el('h2', { id: titleId }, l10n.t('Pod {0}', withFile(key, podFile(index.duplicates, pod)))),
      button('×', { class: 'icon-button', 'aria-label': l10n.t('Close pod details'), title: l10n.t('Close (Escape)') }, () => actions.close()),
    ),
    renderFacts(pod, actions),
    pod.status === 'Pending' && pod.lead && el('p', { class: 'lead' }, leadText(pod.lead)),
    pod.status === 'Pending' && pod.lead && el('p', { class: 'muted verdict-label' }, l10n.t('Scheduler message:')),
    el('p', { class: `verdict verdict-${pod.status.toLowerCase()}` }, verdictText(pod, index)),
    pod.tie && pod.tie.length > 1 && el('p', { class: 'note' },
      l10n.t('Tie: {0} share the best total. The scheduler picks one of them at random; the simulation picked {1}.', pod.tie.join(', '), pod.node ?? l10n.t('none'))),
    renderPodVolumes(pod, (location) => actions.reveal(location)),
    details ? renderFilters(details.filters, index) : pendingDetails(omitted?.filters ?? 0, fetched),
    details && renderScores(pod.node, details.scores, actions),
  );
}

/** In place of the filters and scores while they are fetched (or when they could not be). */
function pendingDetails(rejected: number, fetched: FetchedDetails | undefined): HTMLElement {
  const text = fetched?.state === 'missing'
    ? l10n.t('The filter verdicts and scores of this pod are not available: the simulation changed. They come back with the next update.')
    : rejected ? l10n.t('Loading the filter verdicts ({0}) and the scores…', rejectedNodeCount(rejected)) : l10n.t('Loading the filter verdicts and the scores…');
  return el('section', { class: 'details-section', 'aria-live': 'polite' }, el('p', { class: 'muted' }, text));
}

function renderFacts(pod: PreviewPod, actions: PodDetailsActions): HTMLElement {
  const requests = Object.entries(pod.requests ?? {}).map(([resource, amount]) => `${resource} ${formatAmount(resource, amount)}`).join(', ');
  const facts: Array<[string, Child]> = [
    [l10n.t('Status'), el('span', { class: `badge badge-${pod.status.toLowerCase()}` }, pod.status)],
    [l10n.t('Node'), pod.node ? button(pod.node, { class: 'link', 'aria-label': l10n.t('Show node {0}', pod.node) }, () => actions.showNode(pod.node as string)) : l10n.t('none')],
    [l10n.t('Owner'), pod.owner ? `${pod.owner.kind} ${pod.owner.name}` : l10n.t('none (a bare Pod)')],
  ];
  if (pod.workload) facts.push([l10n.t('Workload'), `${pod.workload.kind} ${pod.workload.name}`]);
  if (requests) facts.push([l10n.t('Requests'), requests]);
  const list = el('dl', { class: 'facts' });
  for (const [term, value] of facts) list.append(el('dt', {}, term), el('dd', {}, value));
  const source = pod.source;
  return el('div', {},
    list,
    source && button(l10n.t('Reveal manifest'), { class: 'secondary', 'aria-label': l10n.t('Reveal the manifest of {0} in the editor', keyOf(pod)) }, () => actions.reveal(source)),
  );
}

function verdictText(pod: PreviewPod, index: ModelIndex): string {
  const total = index.model.simulation.nodes.length;
  const omitted = pod.detailsOmitted;
  const rejected = omitted ? omitted.filters : Object.keys(pod.filters).length;
  if (pod.status === 'Bound') return pod.message || l10n.t('Bound to {0} by {1}: the scheduler did not choose it.', pod.node ?? '', 'spec.nodeName');
  if (pod.status === 'Pending') return pod.message || `0/${total} nodes are available.`;
  const scored = omitted ? omitted.scores : Object.keys(pod.scores).length;
  // Upstream skips scoring when one node is feasible: no scores, yet that node passed the filters.
  const feasible = scored > 0 ? scored : Math.max(1, total - rejected);
  const best = omitted ? (omitted.bestTotal ?? undefined) : pod.node ? pod.scores[pod.node]?.total : undefined;
  const node = pod.node ?? '';
  const placed = best !== undefined
    ? l10n.t('Placed on {0} with the highest total score, {1}: {2} passed the filters, {3} of {4} were rejected.', node, best, nodeCount(feasible), rejected, total)
    : scored === 0
      ? l10n.t('Placed on {0}, the only feasible node (nothing to score): {1} passed the filters, {2} of {3} were rejected.', node, nodeCount(feasible), rejected, total)
      : l10n.t('Placed on {0}: {1} passed the filters, {2} of {3} were rejected.', node, nodeCount(feasible), rejected, total);
  return `${sentence(pod.message)}${placed}`;
}

function renderFilters(filters: PreviewPod['filters'], index: ModelIndex): HTMLElement {
  const groups = new Map<string, { plugin: string; reason: string; nodes: string[] }>();
  for (const [node, verdict] of Object.entries(filters)) {
    const id = `${verdict.plugin}\u0000${verdict.reason}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { plugin: verdict.plugin, reason: verdict.reason, nodes: [] }));
    group.nodes.push(node);
  }
  const sorted = [...groups.values()].sort((a, b) => b.nodes.length - a.nodes.length || a.plugin.localeCompare(b.plugin));
  const rejected = Object.keys(filters).length;
  const total = index.model.simulation.nodes.length;
  const heading = el('h3', {}, total === 1 ? l10n.t('Filters: {0} of {1} node rejected', rejected, total) : l10n.t('Filters: {0} of {1} nodes rejected', rejected, total));
  if (sorted.length === 0) return el('section', { class: 'details-section' }, heading, el('p', { class: 'muted' }, l10n.t('No node was rejected by a filter.')));
  const table = el('table', { class: 'data-table filters-table' },
    el('caption', {}, l10n.t('The first filter plugin that rejected each node, grouped by plugin and reason')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Plugin')), el('th', { scope: 'col' }, l10n.t('Reason')), el('th', { scope: 'col', class: 'num' }, l10n.t('Nodes')), el('th', { scope: 'col' }, l10n.t('Which')))),
    el('tbody', {}, ...sorted.map((group) => el('tr', {},
      el('td', {}, group.plugin),
      el('td', {}, group.reason),
      el('td', { class: 'num' }, group.nodes.length),
      el('td', {}, nodeNames(group.nodes.sort())),
    ))),
  );
  return el('section', { class: 'details-section' }, heading, table);
}

function nodeNames(names: string[]): Child {
  if (names.length <= NODE_NAMES_SHOWN) return names.join(', ');
  return el('details', {},
    el('summary', {}, l10n.t('{0} and {1} more', names.slice(0, NODE_NAMES_SHOWN).join(', '), names.length - NODE_NAMES_SHOWN)),
    el('p', { class: 'node-name-list' }, names.join(', ')),
  );
}

function renderScores(chosenNode: string | null, scores: PreviewPod['scores'], actions: PodDetailsActions): HTMLElement {
  const rows = Object.entries(scores).sort(([nameA, a], [nameB, b]) => b.total - a.total || nameA.localeCompare(nameB));
  const heading = el('h3', {}, l10n.t('Scores: {0}', feasibleNodeCount(rows.length)));
  if (rows.length === 0) return el('section', { class: 'details-section' }, heading, el('p', { class: 'muted' }, l10n.t('No node passed the filters, so none was scored.')));
  const { plugins, zero } = pluginColumns(rows.map(([, score]) => score));
  const body = el('tbody', {});
  const renderRows = (count: number) => {
    body.textContent = '';
    for (const [node, score] of rows.slice(0, count)) {
      const chosen = node === chosenNode;
      body.append(el('tr', { class: chosen ? 'chosen' : false },
        el('th', { scope: 'row', class: 'score-node' },
          button(node, { class: 'link', 'aria-label': chosen ? l10n.t('Show node {0} (chosen)', node) : l10n.t('Show node {0}', node) }, () => actions.showNode(node)),
          chosen && el('span', { class: 'badge badge-chosen', title: l10n.t('chosen by the scheduler') }, '✓')),
        ...plugins.map((plugin) => el('td', { class: 'num' }, score.plugins[plugin] ?? 0)),
        el('td', { class: 'num total' }, score.total),
      ));
    }
  };
  renderRows(SCORE_ROWS_SHOWN);
  const table = el('table', { class: 'data-table scores-table' },
    el('caption', {}, l10n.t('Weighted score of each plugin (weight × normalised 0–100); the highest total wins')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, l10n.t('Node')),
      ...plugins.map((plugin) => el('th', { scope: 'col', class: 'num', title: plugin, 'aria-label': plugin }, ...shortPluginName(plugin))),
      el('th', { scope: 'col', class: 'num' }, l10n.t('Total')),
    )),
    body,
  );
  const section = el('section', { class: 'details-section' }, heading, el('div', { class: 'table-scroll' }, table),
    zero.length > 0 && el('p', { class: 'muted' }, l10n.t('Scored 0 on every node: {0}.', zero.join(', '))));
  if (rows.length > SCORE_ROWS_SHOWN) {
    const more = button(l10n.t('Show all {0} nodes', rows.length), { class: 'secondary' }, () => {
      renderRows(rows.length);
      more.remove();
    });
    section.append(more);
  }
  return section;
}

/**
 * Plugins in order of their largest contribution, so the deciding ones come first; plugins that
 * scored 0 on every node get no column (they are listed under the table).
 */
function pluginColumns(scores: readonly NodeScore[]): { plugins: string[]; zero: string[] } {
  const max = new Map<string, number>();
  for (const score of scores) for (const [plugin, value] of Object.entries(score.plugins)) max.set(plugin, Math.max(max.get(plugin) ?? 0, Math.abs(value)));
  const sorted = [...max.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { plugins: sorted.filter(([, m]) => m > 0).map(([plugin]) => plugin), zero: sorted.filter(([, m]) => m === 0).map(([plugin]) => plugin).sort() };
}

/** Column headings for the default score plugins; the full name is the heading's title and label. */
function shortHeading(plugin: string): string | undefined {
  switch (plugin) {
    case 'NodeResourcesFit': return l10n.t('Fit');
    case 'NodeResourcesBalancedAllocation': return l10n.t('Balanced');
    case 'TaintToleration': return l10n.t('Taints');
    case 'PodTopologySpread': return l10n.t('Spread');
    case 'InterPodAffinity': return l10n.t('Pod affinity');
    case 'NodeAffinity': return l10n.t('Node affinity');
    case 'ImageLocality': return l10n.t('Image');
    case 'VolumeBinding': return l10n.t('Volumes');
    default: return undefined;
  }
}

/** A short heading, or an unknown plugin's name with line-break chances between its words. */
function shortPluginName(name: string): Child[] {
  const short = shortHeading(name);
  if (short) return [short];
  return name.split(/(?<=[a-z])(?=[A-Z])/).flatMap((word, i) => (i === 0 ? [word] : [el('wbr'), word]));
}

/** A message as a sentence of its own, followed by a space (nothing for no message). */
function sentence(message: string | undefined | null): string {
  const text = (message ?? '').trim();
  if (text === '') return '';
  return /[.!?:]$/.test(text) ? `${text} ` : `${text}. `;
}
