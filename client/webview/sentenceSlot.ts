import type { Child } from './dom';

/**
 * Elements inside a translated sentence (a link, a `<code>`): the sentence is translated whole with
 * SLOT as its argument (`l10n.t('Route for {0}', SLOT)`), then cut where SLOT landed, which is where
 * the reader's language puts it, and the elements go there. Only text nodes are made: nothing is parsed.
 */
export const SLOT = '\u0001';

export function fillSlot(sentence: string, elements: readonly Child[]): Child[] {
  const at = sentence.indexOf(SLOT);
  if (at < 0) return [sentence, ...elements];
  return [sentence.slice(0, at), ...elements, sentence.slice(at + SLOT.length)];
}
