import * as l10n from '@vscode/l10n';
import type { DeploymentRollout, PreviewRolloutPod, PreviewRolloutStep } from '../../server/src/protocol/preview';
import { el } from './dom';

/** Beyond this many pods a step shows counts per node rather than one square per pod. */
const MAX_POD_SQUARES = 2000;
/** The tile of pods without a node; its name as drawn. */
export const PENDING_TILE = 'PENDING';

/**
 * Where the Deployment's pods are at one step, one tile per node. The tiles are the same at every
 * step of the rollout (every node any step uses, in name order, then PENDING when any step has a
 * pod without a node), so a node keeps its place while stepping and only the pods change: the pods
 * created since the previous step are marked as arrived, the ones deleted are left as outlines for
 * this step. A pending pod is listed in PENDING with the scheduler's message, verbatim.
 */
export function renderPlacement(rollout: DeploymentRollout, index: number): HTMLElement | null {
  const step = rollout.steps[index];
  const pods = step.pods;
  if (!pods) return null;
  const previous = index > 0 ? rollout.steps[index - 1].pods : undefined;
  const before = new Map((previous ?? []).map((pod) => [pod.pod, pod]));
  const now = new Set(pods.map((pod) => pod.pod));
  const squares = pods.length <= MAX_POD_SQUARES;
  const byTile = groupByTile(pods);
  const removedByTile = groupByTile(squares && previous ? previous.filter((pod) => !now.has(pod.pod)) : []);
  const tiles = tileNames(rollout).map((node) => {
    const here = byTile.get(node) ?? [];
    const removed = removedByTile.get(node) ?? [];
    const arrived = (pod: PreviewRolloutPod) => previous !== undefined && before.get(pod.pod)?.node !== pod.node;
    const pending = node === PENDING_TILE;
    const summary = removed.length > 0 ? l10n.t('{0}, {1} removed in this step', countText(here), removed.length) : countText(here);
    const label = pending ? l10n.t('PENDING (no node): {0}', summary) : `${node}: ${summary}`;
    return el('div', { class: `placement-node${pending ? ' placement-pending' : ''}${here.length === 0 ? ' placement-empty' : ''}`, role: 'group', 'aria-label': label, 'data-node': node },
      el('div', { class: 'placement-node-name' }, node),
      !squares ? el('div', { class: 'muted' }, summary)
        : pending ? renderPendingPods(here, step, arrived)
          : el('div', { class: 'pod-squares' }, ...here.map((pod) => renderSquare(pod, arrived(pod))), ...removed.map(renderGhost)),
      squares && pending && removed.length > 0 && el('div', { class: 'pod-squares' }, ...removed.map(renderGhost)),
      squares && here.length === 0 && removed.length === 0 && el('div', { class: 'muted placement-none' }, pending ? l10n.t('none at this step') : l10n.t('no pod of this Deployment')),
    );
  });
  return el('div', { class: 'placement' },
    el('h4', {}, pods.length === 1 ? l10n.t('Pods on nodes (1 pod)') : l10n.t('Pods on nodes ({0} pods)', pods.length)),
    renderLegend(),
    el('div', { class: 'placement-grid' }, ...tiles),
  );
}

/** Every node a step of the rollout puts a pod on, in name order (numbers in names compared as numbers), then PENDING if any step has one. */
export function tileNames(rollout: DeploymentRollout): string[] {
  const nodes = new Set<string>();
  let pending = false;
  for (const step of rollout.steps) {
    for (const pod of step.pods ?? []) {
      if (pod.node === null) pending = true;
      else nodes.add(pod.node);
    }
  }
  const sorted = [...nodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0));
  return pending ? [...sorted, PENDING_TILE] : sorted;
}

function groupByTile(pods: readonly PreviewRolloutPod[]): Map<string, PreviewRolloutPod[]> {
  const byTile = new Map<string, PreviewRolloutPod[]>();
  for (const pod of pods) {
    const tile = pod.node ?? PENDING_TILE;
    let list = byTile.get(tile);
    if (!list) byTile.set(tile, (list = []));
    list.push(pod);
  }
  return byTile;
}

function renderPendingPods(pods: readonly PreviewRolloutPod[], step: PreviewRolloutStep, arrived: (pod: PreviewRolloutPod) => boolean): HTMLElement {
  return el('ul', { class: 'pending-pods' }, ...pods.map((pod) => {
    const line = step.pending.find((entry) => entry.startsWith(`${pod.pod}: `));
    return el('li', {},
      renderSquare(pod, arrived(pod)),
      el('span', { class: 'pending-pod-name' }, pod.pod),
      line !== undefined && el('span', { class: 'pending-reason' }, line.slice(pod.pod.length + 2)),
    );
  }));
}

/** "old, ready": which ReplicaSet's pod, and whether it is ready. */
function podWords(isNew: boolean, ready: boolean): string {
  if (isNew) return ready ? l10n.t('new, ready') : l10n.t('new, not ready');
  return ready ? l10n.t('old, ready') : l10n.t('old, not ready');
}

function renderSquare(pod: PreviewRolloutPod, arrived: boolean): HTMLElement {
  const kind = pod.isNew ? 'new' : 'old';
  const words = podWords(pod.isNew, pod.ready);
  return el('span', {
    class: `pod-square pod-square-${kind}${pod.ready ? '' : ' not-ready'}${arrived ? ' pod-arrived' : ''}`,
    role: 'img',
    'aria-label': `${pod.pod}: ${words}`,
    title: arrived ? l10n.t('{0} ({1}, added in this step)', pod.pod, words) : `${pod.pod} (${words})`,
  }, pod.isNew ? 'N' : 'O');
}

/** A pod deleted in this step, drawn where it was (not a `.pod-square`: it is no longer there). */
function renderGhost(pod: PreviewRolloutPod): HTMLElement {
  const kind = pod.isNew ? 'new' : 'old';
  const [label, title] = pod.isNew
    ? [l10n.t('{0}: new, removed in this step', pod.pod), l10n.t('{0} (new, removed in this step)', pod.pod)]
    : [l10n.t('{0}: old, removed in this step', pod.pod), l10n.t('{0} (old, removed in this step)', pod.pod)];
  return el('span', { class: `pod-ghost pod-ghost-${kind}`, role: 'img', 'aria-label': label, title }, '×');
}

function renderLegend(): HTMLElement {
  const item = (kind: string, ready: boolean) =>
    el('span', { class: 'legend-item' }, el('span', { class: `pod-square pod-square-${kind}${ready ? '' : ' not-ready'}`, 'aria-hidden': 'true' }, kind === 'new' ? 'N' : 'O'), podWords(kind === 'new', ready));
  return el('div', { class: 'legend', 'aria-label': l10n.t('Legend') },
    item('old', true),
    item('old', false),
    item('new', true),
    item('new', false),
    el('span', { class: 'legend-item' }, el('span', { class: 'pod-square pod-square-new pod-arrived legend-arrived', 'aria-hidden': 'true' }, 'N'), l10n.t('added in this step')),
    el('span', { class: 'legend-item' }, el('span', { class: 'pod-ghost pod-ghost-old', 'aria-hidden': 'true' }, '×'), l10n.t('removed in this step')),
  );
}

function countText(pods: readonly PreviewRolloutPod[]): string {
  const count = (isNew: boolean, ready: boolean) => pods.filter((p) => p.isNew === isNew && p.ready === ready).length;
  const parts: Array<[number, (n: number) => string]> = [
    [count(false, true), (n) => l10n.t('{0} old ready', n)],
    [count(false, false), (n) => l10n.t('{0} old not ready', n)],
    [count(true, true), (n) => l10n.t('{0} new ready', n)],
    [count(true, false), (n) => l10n.t('{0} new not ready', n)],
  ];
  return parts.filter(([n]) => n > 0).map(([n, text]) => text(n)).join(', ') || l10n.t('no pods');
}
