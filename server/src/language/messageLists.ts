import * as l10n from '@vscode/l10n';

/**
 * Lists inside a message, in the reader's language: `a or b or c` (`a 또는 b 또는 c`). The items are
 * Kubernetes' words or already translated phrases; a list of one is the item itself.
 */
export function orList(items: readonly string[]): string {
  return items.reduce((list, item) => l10n.t('{0} or {1}', list, item));
}

/** ` — did you mean `a` or `b`?`, the hint after an unknown name (the suggestions are Kubernetes' names, shown in backticks). */
export function didYouMean(suggestions: readonly string[]): string {
  return l10n.t(' - did you mean {0}?', orList(suggestions.map((s) => `\`${s}\``)));
}

/** Kubernetes' own words, never a key of a bundle: one marker for the language service, the simulator and the dry run. */
export { verbatim } from '../l10n/verbatim';
