import type { DeploymentRollout, PreviewRolloutPod, PreviewRolloutStep } from '../../server/src/protocol/preview';
import { el } from './dom';
import { plural } from './format';

/** Beyond this many pods a step shows counts per node rather than one square per pod. */
const MAX_POD_SQUARES = 2000;

/** What one rollout step did and where the pods of the Deployment are at its end. */
export function renderStepDetail(rollout: DeploymentRollout, index: number): HTMLElement {
  const step = rollout.steps[index];
  const isLast = index === rollout.steps.length - 1;
  return el('div', { class: 'step-detail' },
    el('h3', {}, `Step ${step.step ?? index}`),
    renderCounts(step),
    step.rolloutStatus && el('p', { class: 'muted' }, step.rolloutStatus),
    isLast && rollout.outcome !== 'complete' && renderStall(rollout),
    isLast && rollout.outcome === 'complete' && el('p', { class: 'callout callout-ok', role: 'note' }, '✓ The rollout completes at this step: every replica runs the new template and is available.'),
    el('h4', {}, 'Controller actions'),
    step.actions.length > 0
      ? el('ol', { class: 'actions' }, ...step.actions.map((action) => el('li', {}, action)))
      : el('p', { class: 'muted' }, 'No action: the controller waits for pods to become available.'),
    step.pending.length > 0 && el('h4', {}, `Pending pods (${step.pending.length})`),
    step.pending.length > 0 && el('ul', { class: 'pending-list' }, ...step.pending.map((line) => el('li', {}, line))),
    step.replicaSets && step.replicaSets.length > 0 && renderReplicaSets(step),
    renderPlacement(step),
    rollout.notes && rollout.notes.length > 0 && el('div', { class: 'notes' }, el('h4', {}, 'Notes'), el('ul', {}, ...rollout.notes.map((note) => el('li', {}, note)))),
  );
}

function renderCounts(step: PreviewRolloutStep): HTMLElement {
  const stat = (label: string, value: number, kind: string) =>
    el('div', { class: `stat stat-${kind}`, role: 'group', 'aria-label': `${label}: ${value}` }, el('span', { class: 'stat-value' }, value), el('span', { class: 'stat-label' }, label));
  return el('div', { class: 'stats' },
    stat('old replicas', step.oldReplicas, 'old'),
    stat('new replicas', step.newReplicas, 'new'),
    stat('available', step.available, 'available'),
    stat('unavailable', step.unavailable, 'unavailable'),
  );
}

function renderStall(rollout: DeploymentRollout): HTMLElement {
  const why = rollout.stallReason ?? (rollout.outcome === 'paused' ? 'the Deployment is paused.' : 'no step after this one changes anything.');
  return el('div', { class: 'callout callout-stall', role: 'alert' },
    el('strong', {}, rollout.outcome === 'paused' ? '⏸ The rollout pauses here. ' : '⚠ The rollout stalls here. '),
    capitalised(why),
    rollout.outcome === 'stalled' && !/ProgressDeadlineExceeded/.test(why) && el('p', {},
      'Nothing reverts automatically: after progressDeadlineSeconds the Deployment reports Progressing=False (ProgressDeadlineExceeded) and stays in this state until the template is fixed or rolled back (kubectl rollout undo).'),
  );
}

function renderReplicaSets(step: PreviewRolloutStep): HTMLElement {
  const sets = step.replicaSets ?? [];
  return el('div', {},
    el('h4', {}, 'ReplicaSets'),
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, ...['ReplicaSet', 'Revision', 'Replicas', 'Available', 'Role'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...sets.map((rs) => el('tr', {},
        el('td', {}, rs.name), el('td', { class: 'num' }, rs.revision), el('td', { class: 'num' }, rs.replicas), el('td', { class: 'num' }, rs.available),
        el('td', {}, el('span', { class: `badge ${rs.isNew ? 'badge-new' : 'badge-old'}` }, rs.isNew ? 'updated' : 'stable')),
      ))),
    ),
  );
}

function renderPlacement(step: PreviewRolloutStep): HTMLElement | null {
  const pods = step.pods;
  if (!pods) return null;
  const byNode = new Map<string, PreviewRolloutPod[]>();
  for (const pod of pods) {
    const node = pod.node ?? '';
    let list = byNode.get(node);
    if (!list) byNode.set(node, (list = []));
    list.push(pod);
  }
  const nodes = [...byNode.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const squares = pods.length <= MAX_POD_SQUARES;
  return el('div', { class: 'placement' },
    el('h4', {}, `Pods on nodes (${plural(pods.length, 'pod')})`),
    renderLegend(),
    el('div', { class: 'placement-grid' }, ...nodes.map((node) => {
      const list = byNode.get(node) ?? [];
      const title = node === '' ? 'Pending (no node)' : node;
      const summary = countText(list);
      return el('div', { class: `placement-node${node === '' ? ' placement-pending' : ''}`, role: 'group', 'aria-label': `${title}: ${summary}` },
        el('div', { class: 'placement-node-name' }, title),
        squares ? el('div', { class: 'pod-squares' }, ...list.map(renderSquare)) : el('div', { class: 'muted' }, summary),
      );
    })),
  );
}

function renderSquare(pod: PreviewRolloutPod): HTMLElement {
  const kind = pod.isNew ? 'new' : 'old';
  const state = pod.ready ? 'ready' : 'not ready';
  return el('span', {
    class: `pod-square pod-square-${kind}${pod.ready ? '' : ' not-ready'}`,
    role: 'img',
    'aria-label': `${pod.pod}: ${kind}, ${state}`,
    title: `${pod.pod} (${kind}, ${state})`,
  }, pod.isNew ? 'N' : 'O');
}

function renderLegend(): HTMLElement {
  const item = (kind: string, ready: boolean, text: string) =>
    el('span', { class: 'legend-item' }, el('span', { class: `pod-square pod-square-${kind}${ready ? '' : ' not-ready'}`, 'aria-hidden': 'true' }, kind === 'new' ? 'N' : 'O'), text);
  return el('div', { class: 'legend', 'aria-label': 'Legend' },
    item('old', true, 'old, ready'),
    item('old', false, 'old, not ready'),
    item('new', true, 'new, ready'),
    item('new', false, 'new, not ready'),
  );
}

function countText(pods: readonly PreviewRolloutPod[]): string {
  const count = (isNew: boolean, ready: boolean) => pods.filter((p) => p.isNew === isNew && p.ready === ready).length;
  const parts = [
    [count(false, true), 'old ready'],
    [count(false, false), 'old not ready'],
    [count(true, true), 'new ready'],
    [count(true, false), 'new not ready'],
  ].filter(([n]) => Number(n) > 0).map(([n, text]) => `${n} ${text}`);
  return parts.join(', ') || 'no pods';
}

/** The reason as a sentence: it follows "The rollout stalls here." */
function capitalised(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
