import type { PreviewPod } from '../../server/src/protocol/preview';
import { el } from './dom';
import { keyOf, plural } from './format';
import type { ModelIndex } from './modelIndex';
import { ROW_ITEM_ATTRIBUTE, VirtualList } from './virtualList';

const ROW_HEIGHT = 52;

/** The pending tab: every pod that fits nowhere, with the scheduler's message. Virtualised. */
export class PendingView {
  readonly element: HTMLElement;
  private readonly summary = el('p', { class: 'summary' });
  private readonly empty = el('p', { class: 'empty', hidden: true }, 'Every pod found a node.');
  private readonly list: VirtualList<PreviewPod>;
  private selectedPod: string | null = null;

  constructor(private readonly selectPod: (pod: PreviewPod) => void) {
    this.list = new VirtualList<PreviewPod>({
      label: 'Pending pods',
      rowHeight: () => ROW_HEIGHT,
      renderRow: (pod) => this.renderRow(pod),
      activate: (pod) => this.selectPod(pod),
    });
    this.element = el('section', { class: 'view view-pending', 'aria-label': 'Pending pods' },
      el('div', { class: 'toolbar' }, this.summary),
      this.empty,
      this.list.element,
    );
  }

  update(index: ModelIndex, selectedPod: string | null): void {
    this.selectedPod = selectedPod;
    this.summary.textContent = index.pending.length === 0 ? '' : `${plural(index.pending.length, 'pod')} pending — select one to see why each node was rejected.`;
    this.summary.hidden = index.pending.length === 0;
    this.empty.hidden = index.pending.length > 0;
    this.list.setItems(index.pending, this.list.activeIndex);
  }

  setSelection(selectedPod: string | null): void {
    this.selectedPod = selectedPod;
    this.list.refresh();
  }

  private renderRow(pod: PreviewPod): HTMLElement {
    const key = keyOf(pod);
    const selected = key === this.selectedPod;
    const row = el('div', { class: `pending-row${selected ? ' selected' : ''}`, 'aria-label': `Pending pod ${key}: ${pod.message}` },
      el('button', {
        type: 'button',
        class: 'pod-chip pod-pending link',
        'aria-pressed': selected ? 'true' : 'false',
        'aria-label': `Pod ${key}: show why it is pending and reveal its manifest`,
        [ROW_ITEM_ATTRIBUTE]: key,
        tabindex: -1,
      }, `○ ${key}`),
      pod.owner && el('span', { class: 'muted' }, ` ${pod.owner.kind} ${pod.owner.name}`),
      el('div', { class: 'pending-message', title: pod.message }, pod.message || 'No scheduler message.'),
    );
    row.addEventListener('click', () => this.selectPod(pod));
    return row;
  }
}
