import * as l10n from '@vscode/l10n';
import type { PreviewBaseline, RolloutBaselinePick } from '../../server/src/protocol/rolloutBaseline';
import { el, replaceChildren, setAttributes } from './dom';

/** The option value of the file already picked (choosing it again changes nothing). */
const PICKED_FILE = 'picked-file';

/**
 * The rollout view's "From:" picker: what the followed document's rollouts are from (last commit,
 * saved file, another file…), and, in plain words, when that is not what was asked for or nothing
 * changed from it. A native <select> (keyboard and screen readers as the platform has them); the
 * sentence under it describes it (aria-describedby). "another file…" asks the host for a file; the
 * select shows the current baseline until the next model says otherwise.
 */
export class BaselinePicker {
  readonly element: HTMLElement;
  private readonly select = el('select', { id: 'rollout-baseline', 'aria-describedby': 'rollout-baseline-note', 'data-focus-key': 'baseline' });
  private readonly note = el('p', { id: 'rollout-baseline-note', class: 'baseline-note' });
  /** The label's text, set with each model (the page's language comes with the first). */
  private readonly labelText = el('span', {});
  private current = '';
  private listed = '';

  constructor(onPick: (pick: RolloutBaselinePick) => void) {
    this.element = el('div', { class: 'baseline-picker', hidden: true }, el('label', { class: 'field', for: 'rollout-baseline' }, this.labelText, this.select), this.note);
    this.select.addEventListener('change', () => {
      const value = this.select.value;
      // The page shows what the server ran with: it changes with the next model.
      this.select.value = this.current;
      if (value === 'head' || value === 'saved' || value === 'file') onPick(value);
    });
  }

  /** Shows the model's baseline (hidden without one: charts and overlays). */
  update(baseline: PreviewBaseline | undefined): void {
    this.element.hidden = baseline === undefined;
    if (!baseline) return;
    this.labelText.textContent = l10n.t('From: ');
    setAttributes(this.select, { 'aria-label': l10n.t('From: rollout baseline') });
    const options: Array<{ value: string; text: string; disabled?: boolean }> = [
      { value: 'head', text: baseline.headAvailable ? l10n.t('last commit (HEAD)') : l10n.t('last commit (HEAD): needs git and a trusted workspace'), disabled: !baseline.headAvailable && baseline.kind !== 'head' },
      { value: 'saved', text: l10n.t('saved file') },
    ];
    if (baseline.kind === 'file') options.push({ value: PICKED_FILE, text: baseline.label });
    options.push({ value: 'file', text: l10n.t('another file…') });
    const listed = JSON.stringify(options);
    // Options are rebuilt only when they change, so a focused select keeps its place.
    if (listed !== this.listed) {
      this.listed = listed;
      replaceChildren(this.select, ...options.map((option) => el('option', { value: option.value, disabled: option.disabled === true }, option.text)));
    }
    this.current = baseline.kind === 'file' ? PICKED_FILE : baseline.kind;
    this.select.value = this.current;
    const sentence = noteOf(baseline);
    this.note.hidden = sentence === '';
    this.note.textContent = sentence;
  }
}

/** What the view says of the baseline: why it is not the one asked for, that it is missing, or that nothing changed from it. */
function noteOf(baseline: PreviewBaseline): string {
  const sentences: string[] = [];
  if (baseline.fallback) sentences.push(baseline.fallback);
  if (!baseline.found) sentences.push(missing(baseline));
  else if (baseline.unchanged) sentences.push(unchanged(baseline));
  return sentences.join(' ');
}

function unchanged(baseline: PreviewBaseline): string {
  if (baseline.kind === 'file') return l10n.t('No change from {0}: the preview shows a restart (kubectl rollout restart) instead.', baseline.label);
  // The last commit and the saved file are named in the page's language (the host's label is English).
  const label = baseline.kind === 'head' ? l10n.t('last commit (HEAD)') : l10n.t('saved file');
  return l10n.t('No change from the {0}: the preview shows a restart (kubectl rollout restart) instead.', label);
}

function missing(baseline: PreviewBaseline): string {
  if (baseline.kind === 'head') return l10n.t('The file is not in the last commit (HEAD): there is nothing to roll out from.');
  if (baseline.kind === 'saved') return l10n.t('The file is not saved yet: there is nothing to roll out from.');
  return l10n.t('{0} cannot be read: there is nothing to roll out from.', baseline.label);
}
