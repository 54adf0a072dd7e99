import * as l10n from '@vscode/l10n';
import type { PreviewDuplicate, PreviewModel, PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import type { WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { el, replaceChildren } from './dom';

/** How many files a note names before "and N more". */
const NAMED_FILES = 5;

/** The objects several previewed files define, by kind/namespace/name, and every file's label. */
export interface DuplicateIndex {
  byObject: Map<string, PreviewDuplicate>;
  labelOf: Map<string, string>;
}

export function indexDuplicates(model: PreviewModel): DuplicateIndex {
  const byObject = new Map<string, PreviewDuplicate>();
  const labelOf = new Map<string, string>();
  for (const duplicate of model.duplicates ?? []) {
    byObject.set(objectKey(duplicate.kind, duplicate.namespace, duplicate.name), duplicate);
    for (const file of duplicate.files) labelOf.set(file.uri, file.label);
  }
  return { byObject, labelOf };
}

/**
 * The file to show beside an object's name: its file's label when several files define that object
 * (kind, namespace, name), else null. `source` is where the simulated copy was written.
 */
export function fileBeside(index: DuplicateIndex, kind: string, namespace: string, name: string, source: SourceLocation | null | undefined): string | null {
  const duplicate = index.byObject.get(objectKey(kind, namespace, name));
  if (!duplicate) return null;
  const uri = source?.uri ?? duplicate.simulated;
  return index.labelOf.get(uri) ?? null;
}

/** The file to show beside a pod: its workload's (the object the user wrote) when several files define that workload. */
export function podFile(index: DuplicateIndex, pod: PreviewPod): string | null {
  const workload = pod.workload ?? pod.owner;
  return fileBeside(index, workload?.kind ?? 'Pod', pod.namespace, workload?.name ?? pod.name, pod.source);
}

/** "shop/web (rollout/new/web.yaml)" when the file is to be shown, else the name alone. */
export function withFile(name: string, file: string | null): string {
  return file === null ? name : `${name} (${file})`;
}

/** "Deployment shop/web is defined in 4 files: a.yaml, b.yaml, c.yaml, d.yaml — the last applied (d.yaml) is simulated." */
export function duplicateNote(duplicate: PreviewDuplicate): string {
  const labels = duplicate.files.map((file) => file.label);
  const named = labels.length > NAMED_FILES ? l10n.t('{0}, … ({1} more)', labels.slice(0, NAMED_FILES).join(', '), labels.length - NAMED_FILES) : labels.join(', ');
  const simulated = duplicate.files.find((file) => file.uri === duplicate.simulated)?.label ?? duplicate.simulated;
  return l10n.t('{0} {1} is defined in {2} files: {3} — the last applied ({4}) is simulated.', duplicate.kind, objectName(duplicate), labels.length, named, simulated);
}

/**
 * When a CodeLens asked for an object of one document and another file's copy is the one simulated
 * (it is applied after): what to say instead of showing that other copy. Null when the document's own
 * copy is simulated, or the request named no document.
 */
export function shadowedNote(index: DuplicateIndex, workload: WorkloadRef): string | null {
  const duplicate = index.byObject.get(objectKey(workload.kind, workload.namespace, workload.name));
  const asked = workload.source?.uri;
  if (!duplicate || asked === undefined || duplicate.simulated === asked || !duplicate.files.some((file) => file.uri === asked)) return null;
  const label = (uri: string) => index.labelOf.get(uri) ?? uri;
  return l10n.t('{0} {1} of {2} is not simulated here: {3} defines it too and is applied after it. Choose "{4}" to preview this copy.', workload.kind, objectName(duplicate), label(asked), label(duplicate.simulated), l10n.t('This file'));
}

/** The notes above the tabs: the CodeLens's object that another file shadows, then every object several files define. */
export class DuplicateNotes {
  readonly element = el('section', { class: 'duplicate-notes', 'aria-label': l10n.t('Objects defined in several files'), hidden: true });

  update(model: PreviewModel, shadowed: string | null): void {
    const notes = (model.duplicates ?? []).map(duplicateNote);
    this.element.hidden = notes.length === 0 && shadowed === null;
    replaceChildren(this.element,
      shadowed !== null && el('p', { class: 'shadowed-note', role: 'alert' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), shadowed),
      notes.length > 0 && el('ul', { class: 'duplicate-list' }, ...notes.map((note) => el('li', {}, note))),
    );
  }
}

function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

function objectName(duplicate: PreviewDuplicate): string {
  return duplicate.namespace ? `${duplicate.namespace}/${duplicate.name}` : duplicate.name;
}
