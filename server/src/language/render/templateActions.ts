/**
 * Finds the actions of a Go template (what Helm charts are written in): every `{{ … }}`, including
 * comments (`{{/* … *\/}}`), trim markers (`{{-`, `-}}`) and actions that run over several lines.
 * String literals inside an action may hold `}}` without ending it.
 *
 * Worked example: `name: {{- include "x" . }}` has one action, start 6, end 27, body `include "x" .`.
 */
export interface TemplateAction {
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset just past the closing `}}` (the end of the text for an action that is never closed). */
  end: number;
  /** The text between the delimiters, without trim markers and surrounding white space. */
  body: string;
}

export function findTemplateActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  let start = text.indexOf('{{');
  while (start !== -1) {
    const close = closingDelimiter(text, start + 2);
    const end = close === -1 ? text.length : close + 2;
    actions.push({ start, end, body: bodyOf(text.slice(start + 2, close === -1 ? text.length : close)) });
    start = text.indexOf('{{', end);
  }
  return actions;
}

/** Offset of the `}}` that closes the action whose text starts at `from`, or -1. */
function closingDelimiter(text: string, from: number): number {
  const comment = /^(?:-[ \t\r\n]+)?\/\*/.exec(text.slice(from, from + 64));
  if (comment) {
    const commentEnd = text.indexOf('*/', from + comment[0].length);
    return commentEnd === -1 ? -1 : text.indexOf('}}', commentEnd + 2);
  }
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    // An unterminated literal is read as plain text, so one stray quote does not swallow the file.
    if (c === '"' || c === "'") i = Math.max(i, quoteEnd(text, i, c));
    else if (c === '`') i = Math.max(i, text.indexOf('`', i + 1));
    else if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

/** Offset of the quote that ends the (escaped) literal opened at `open`, or -1. */
function quoteEnd(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}

function bodyOf(inner: string): string {
  return inner.replace(/^-(?=[ \t\r\n])/, '').replace(/(?<=[ \t\r\n])-$/, '').trim();
}
