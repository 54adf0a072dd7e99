import * as l10n from '@vscode/l10n';
import type { PreviewWhatIf, WhatIfMoment, WhatIfMomentNode, WhatIfMomentPod } from '../../server/src/protocol/whatIf';
import { podCount } from './counts';
import { el } from './dom';

/** `+50s` */
export function secondsText(at: number): string {
  return `+${at}s`;
}

/** What happened at one moment (its timeline lines, each with its why) and the touched nodes with their pods then. */
export function renderMoment(result: PreviewWhatIf, moment: WhatIfMoment): HTMLElement {
  const lines = result.timeline.slice(moment.first, moment.first + moment.count).map((entry, i) => ({ entry, text: result.lines[moment.first + i] }));
  return el('div', { class: 'whatif-moment' },
    el('h3', {}, moment.count === 0 ? l10n.t('{0}: the settled dry run, before anything happens', secondsText(moment.at))
      : moment.count === 1 ? l10n.t('At {0}: 1 change', secondsText(moment.at)) : l10n.t('At {0}: {1} changes', secondsText(moment.at), moment.count)),
    lines.length > 0
      ? el('ol', { class: 'whatif-lines', 'aria-label': l10n.t('What happens at {0}', secondsText(moment.at)) }, ...lines.map(({ entry, text }) => el('li', { class: `whatif-line whatif-${entry.type}` },
        el('span', { class: 'whatif-at' }, secondsText(entry.at)), ' ',
        el('span', { class: 'whatif-text' }, text),
        entry.why ? el('span', { class: 'whatif-why' }, ` — ${entry.why}`) : null,
      )))
      : el('p', { class: 'muted' }, l10n.t('Every placed pod runs and is ready.')),
    el('h4', {}, l10n.t('Nodes at {0}', secondsText(moment.at))),
    renderLegend(),
    el('div', { class: 'placement-grid whatif-nodes' }, ...moment.nodes.map(renderNode)),
    moment.pending.length > 0 && el('div', { class: 'whatif-pending' },
      el('h4', {}, l10n.t('Pending pods ({0})', moment.pending.length)),
      el('ul', { class: 'pending-list' }, ...moment.pending.map((pod) => el('li', {}, pod))),
    ),
  );
}

function renderNode(node: WhatIfMomentNode): HTMLElement {
  // NotReady is the node condition's own word; "cordoned" is ours.
  const states = [!node.ready && { text: 'NotReady', badge: 'badge-error' }, node.unschedulable && { text: l10n.t('cordoned'), badge: 'badge-cordoned' }]
    .filter((s): s is { text: string; badge: string } => typeof s === 'object');
  const summary = [
    podCount(node.pods.length),
    ...states.map((s) => s.text),
    ...(node.taints.length > 0 ? [l10n.t('tainted {0}', node.taints.join(', '))] : []),
  ].join(', ');
  return el('div', { class: `placement-node whatif-node${node.ready ? '' : ' not-ready'}`, role: 'group', 'aria-label': l10n.t('Node {0}: {1}', node.name, summary) },
    el('div', { class: 'placement-node-name' }, node.name),
    states.length > 0 && el('div', {}, ...states.map((s) => el('span', { class: `badge ${s.badge}` }, s.text))),
    node.taints.length > 0 && el('div', { class: 'whatif-taints' }, ...node.taints.map((t) => el('span', { class: 'chip chip-taint', title: l10n.t('taint {0}', t) }, t))),
    el('div', { class: 'pod-squares' }, ...node.pods.map(renderPod)),
  );
}

function podState(pod: WhatIfMomentPod): string {
  return pod.terminating ? 'Terminating' : pod.ready ? l10n.t('ready') : l10n.t('not ready');
}

function renderPod(pod: WhatIfMomentPod): HTMLElement {
  const state = podState(pod);
  return el('span', {
    class: `pod-square whatif-pod${pod.ready ? '' : ' not-ready'}${pod.terminating ? ' terminating' : ''}`,
    role: 'img',
    'aria-label': `${pod.pod}: ${state}`,
    title: `${pod.pod} (${state})`,
  }, pod.terminating ? 'T' : pod.ready ? 'R' : 'N');
}

function renderLegend(): HTMLElement {
  const item = (classes: string, glyph: string, text: string) =>
    el('span', { class: 'legend-item' }, el('span', { class: `pod-square whatif-pod${classes}`, 'aria-hidden': 'true' }, glyph), text);
  return el('div', { class: 'legend', 'aria-label': l10n.t('Legend') }, item('', 'R', l10n.t('ready')), item(' not-ready', 'N', l10n.t('not ready')), item(' not-ready terminating', 'T', 'Terminating'));
}
