import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';

/**
 * Input budgets of the language service: past them a file or document is refused with a clear
 * finding instead of being read, so that a hostile or generated file cannot stall the server.
 */

/** Files longer than this (UTF-16 units, about 5 MB) are not validated by the server. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;
/** Files with a line longer than this (about 1 MB) are not validated by the server. */
export const MAX_LINE_CHARS = 1024 * 1024;
/** Documents nesting mappings/sequences deeper than this are refused (Kubernetes objects nest a few dozen levels). */
export const MAX_NESTING_DEPTH = 256;

/**
 * The note on a file over the budget (`reason` is `oversizeReason`'s): what the server publishes on
 * such an open file and what the CLI prints for it, from this one place.
 */
export function oversizeNote(reason: string): Finding {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'information', code: 'limits/file-too-large', message: reason };
}

/**
 * Why an open file is too large to validate, or undefined when it is within budget. It runs several
 * times per keystroke on the open file, so it does not visit every line: from a line's start it
 * jumps to the last line break within the longest line allowed (`lastIndexOf`, native), a few steps
 * per megabyte.
 */
export function oversizeReason(text: string): string | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return l10n.t('This file is {0} MB; Drydock validates files up to {1} MB, so it was not validated or dry-run.', megabytes(text.length), megabytes(MAX_FILE_CHARS));
  }
  for (let start = 0; text.length - start > MAX_LINE_CHARS; ) {
    const lastBreak = text.lastIndexOf('\n', start + MAX_LINE_CHARS);
    if (lastBreak < start) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      return l10n.t('Line {0} is {1} MB long; Drydock validates files whose lines are at most {2} MB, so this file was not validated or dry-run.', countLines(text, start) + 1, megabytes(end - start), megabytes(MAX_LINE_CHARS));
    }
    start = lastBreak + 1;
  }
  return undefined;
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1);
}

function countLines(text: string, before: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < before; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

const LF = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;

/**
 * The offset where a document's nesting (block indentation levels, compact `- - ` items and flow
 * brackets, outside quoted scalars and comments) first exceeds `limit`, or -1. An approximation
 * that only ever over-counts for text that is already pathological.
 */
export function nestingLimitOffset(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lineStart = i;
    while (text.charCodeAt(i) === SPACE) i++;
    const first = text.charCodeAt(i);
    if (flow === 0 && i < n && first !== LF && first !== 13 && first !== HASH) {
      const column = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
      // Compact sequences: `- - - x` opens one level per dash.
      while (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === SPACE) {
        i += 2;
        while (text.charCodeAt(i) === SPACE) i++;
        indents.push(i - lineStart);
      }
      if (indents.length > limit) return i;
    }
    for (; i < n && text.charCodeAt(i) !== LF; i++) {
      const ch = text.charCodeAt(i);
      const prev = i > lineStart ? text.charCodeAt(i - 1) : SPACE;
      if (ch === 91 || ch === 123) {
        flow++;
        if (indents.length + flow > limit) return i;
      } else if (ch === 93 || ch === 125) {
        if (flow > 0) flow--;
      } else if (ch === HASH && (prev === SPACE || prev === 9)) {
        while (i + 1 < n && text.charCodeAt(i + 1) !== LF) i++;
      } else if ((ch === 34 || ch === 39) && (prev === SPACE || prev === 9 || prev === 58 || prev === 44 || prev === 91 || prev === 123)) {
        i = closingQuote(text, i, ch);
      }
    }
    i++;
  }
  return -1;
}

/** The offset of the quote closing the scalar opened at `open` (the end of the text when unclosed). */
function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote === 34 && ch === 92 /* \ */) i++;
    else if (ch === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return text.length - 1;
}
