import type { PreviewPod } from '../../server/src/protocol/preview';
import { el } from './dom';
import { podFile, withFile, type DuplicateIndex } from './duplicateFiles';
import * as l10n from '@vscode/l10n';
import { groupCount } from './counts';
import { keyOf } from './format';
import type { ModelIndex } from './modelIndex';
import { ROW_ITEM_ATTRIBUTE, VirtualList } from './virtualList';

const ROW_HEIGHT = 68;

/** Identical pending pods of one workload (same lead and scheduler message), shown as one row. */
export interface PendingGroup {
  readonly pods: readonly PreviewPod[];
  /** "4 pods of Deployment cache", or the pod's key when it is alone. */
  readonly title: string;
}

/**
 * Groups the pending pods: one workload's pods with the same lead sentence and scheduler message
 * make one group, in the order their first pod appears; a bare pod is a group of its own.
 */
export function groupPending(pending: readonly PreviewPod[]): PendingGroup[] {
  const groups = new Map<string, PreviewPod[]>();
  for (const pod of pending) {
    const workload = pod.workload ?? pod.owner;
    const key = workload ? [pod.namespace, workload.kind, workload.name, pod.lead ?? '', pod.message].join('\u0000') : `\u0001${keyOf(pod)}`;
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  return [...groups.values()].map((pods) => {
    const workload = pods[0].workload ?? pods[0].owner;
    return { pods, title: pods.length > 1 && workload ? l10n.t('{0} pods of {1} {2}', pods.length, workload.kind, workload.name) : keyOf(pods[0]) };
  });
}

/** The lead as a sentence of its own: capitalised, with its period. */
export function leadText(lead: string): string {
  return `${lead.charAt(0).toUpperCase()}${lead.slice(1)}.`;
}

/** "6 pods pending · 3 groups — select one …" (empty when nothing is pending). */
function pendingSummary(pods: number, groups: number): string {
  if (pods === 0) return '';
  if (groups < pods) return l10n.t('{0} pods pending · {1} — select one to see why each node was rejected.', pods, groupCount(groups));
  return pods === 1 ? l10n.t('{0} pod pending — select one to see why each node was rejected.', pods) : l10n.t('{0} pods pending — select one to see why each node was rejected.', pods);
}

/**
 * The pending tab: every pod that fits nowhere, identical pods of one workload grouped, each led by
 * the cause in plain words (the scheduler's message, verbatim, is in the tooltip and the details). Virtualised.
 */
export class PendingView {
  readonly element: HTMLElement;
  private readonly summary = el('p', { class: 'summary' });
  private readonly empty = el('p', { class: 'empty', hidden: true }, l10n.t('Every pod found a node.'));
  private readonly list: VirtualList<PendingGroup>;
  private selectedPod: string | null = null;

  constructor(private readonly selectPod: (pod: PreviewPod) => void) {
    this.list = new VirtualList<PendingGroup>({
      label: l10n.t('Pending pods'),
      rowHeight: () => ROW_HEIGHT,
      renderRow: (group) => this.renderRow(group),
      activate: (group) => this.selectPod(group.pods[0]),
    });
    this.element = el('section', { class: 'view view-pending', 'aria-label': l10n.t('Pending pods') },
      el('div', { class: 'toolbar' }, this.summary),
      this.empty,
      this.list.element,
    );
  }

  update(index: ModelIndex, selectedPod: string | null): void {
    this.selectedPod = selectedPod;
    this.duplicates = index.duplicates;
    const groups = groupPending(index.pending);
    this.summary.textContent = pendingSummary(index.pending.length, groups.length);
    this.summary.hidden = index.pending.length === 0;
    this.empty.hidden = index.pending.length > 0;
    this.list.setItems(groups, this.list.activeIndex);
  }

  /** The model's objects that several files define: a pod of one shows its workload's file beside its name. */
  private duplicates: DuplicateIndex = { byObject: new Map(), labelOf: new Map() };

  setSelection(selectedPod: string | null): void {
    this.selectedPod = selectedPod;
    this.list.refresh();
  }

  private renderRow(group: PendingGroup): HTMLElement {
    const pod = group.pods[0];
    const key = keyOf(pod);
    const selected = group.pods.some((p) => keyOf(p) === this.selectedPod);
    const single = group.pods.length === 1;
    const cause = pod.lead ? leadText(pod.lead) : pod.message || l10n.t('No scheduler message.');
    const owner = single ? pod.workload ?? pod.owner : null;
    const said = `${cause}${pod.lead ? ` ${pod.message}` : ''}`;
    const row = el('div', { class: `pending-row${selected ? ' selected' : ''}`, 'aria-label': single ? l10n.t('Pending pod {0}: {1}', key, said) : l10n.t('Pending {0}: {1}', group.title, said) },
      el('button', {
        type: 'button',
        class: 'pod-chip pod-pending link',
        'aria-pressed': selected ? 'true' : 'false',
        'aria-label': single ? l10n.t('Pod {0}: show why it is pending and reveal its manifest', key) : l10n.t('{0}: show why the first, {1}, is pending and reveal its manifest', group.title, key),
        title: single ? key : group.pods.map(keyOf).join('\n'),
        [ROW_ITEM_ATTRIBUTE]: key,
        tabindex: -1,
      }, `○ ${withFile(group.title, podFile(this.duplicates, pod))}`),
      owner && el('span', { class: 'muted' }, ` ${owner.kind} ${owner.name}`),
      el('div', { class: `pending-message${pod.lead ? ' pending-lead' : ''}`, title: pod.lead ? `${cause}\n${pod.message}` : pod.message }, cause),
    );
    row.addEventListener('click', () => this.selectPod(pod));
    return row;
  }
}
