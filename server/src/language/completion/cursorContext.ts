import type { FieldPath } from '../../simulator/model/source';
import { opensBlockScalar, readBlockLine } from './blockLines';
import { flowContext } from './flowContext';

/** What the cursor is on, read from the text of its document (which need not parse). */
export interface CursorContext {
  /** A key is being typed (in the mapping at `path`), or the value of the field at `path`. */
  position: 'key' | 'value';
  path: FieldPath;
  /** The part of the word already typed, and the offsets (in the document chunk) it spans. */
  prefix: string;
  replaceStart: number;
  replaceEnd: number;
  /** Keys already in the mapping (key position only). */
  siblings: Set<string>;
  /** Inside a flow collection (`{…}`, `[…]`): insert single-line text. */
  flow: boolean;
  /** The key under the cursor is already followed by `:` (insert the name only). */
  hasColon: boolean;
  /** The cursor starts a new list item (`- |`): the item may be a mapping or a scalar. */
  itemStart: boolean;
}

interface Frame {
  indent: number;
  segment: string | number;
  item: boolean;
}

const WORD = /[A-Za-z0-9_.\-/$]/;

/**
 * Reads the cursor context of a block-YAML document from its lines: a stack of open keys and list
 * items is kept by indentation, so the path is known even while the document does not parse.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const opener = openFlowAbove(text, lineStart);
  if (opener !== undefined) {
    const base = cursorContext(text, opener).path;
    let wordEnd = offset;
    while (wordEnd < lineEnd && WORD.test(text[wordEnd])) wordEnd++;
    const flow = flowContext(text.slice(opener, offset), text.slice(offset, lineEnd), base);
    return { ...flow, replaceStart: offset - flow.prefix.length, replaceEnd: wordEnd, flow: true, hasColon: flow.position === 'key' && /^\s*:/.test(text.slice(wordEnd, lineEnd)), itemStart: false };
  }
  const stack = stackBefore(text, lineStart);
  const before = text.slice(lineStart, offset);
  const line = readBlockLine(before);
  for (const dash of line.dashes) pushItem(stack, dash);

  let wordStart = offset;
  while (wordStart > lineStart && WORD.test(text[wordStart - 1])) wordStart--;
  let wordEnd = offset;
  while (wordEnd < lineEnd && WORD.test(text[wordEnd])) wordEnd++;
  const after = text.slice(wordEnd, lineEnd);

  if (line.key) {
    popTo(stack, line.key.column);
    const path = [...stack.map((f) => f.segment), line.key.name];
    const valueText = before.slice(line.key.valueStart);
    if (/^[{[]/.test(valueText)) {
      const flow = flowContext(valueText, text.slice(offset, lineEnd), path);
      return { ...flow, replaceStart: offset - flow.prefix.length, replaceEnd: wordEnd, flow: true, hasColon: flow.position === 'key' && /^\s*:/.test(after), itemStart: false };
    }
    return { position: 'value', path, prefix: valueText, replaceStart: lineStart + line.key.valueStart, replaceEnd: Math.max(offset, trimmedEnd(text, offset, lineEnd)), siblings: new Set(), flow: false, hasColon: false, itemStart: false };
  }

  const contentText = before.slice(line.contentStart);
  if (/^[{[]/.test(contentText)) {
    const base = stack.map((f) => f.segment);
    const flow = flowContext(contentText, text.slice(offset, lineEnd), base);
    return { ...flow, replaceStart: offset - flow.prefix.length, replaceEnd: wordEnd, flow: true, hasColon: flow.position === 'key' && /^\s*:/.test(after), itemStart: false };
  }
  const column = line.blank && line.dashes.length === 0 ? offset - lineStart : line.contentStart;
  if (line.dashes.length === 0) popTo(stack, column);
  const path = stack.map((f) => f.segment);
  return {
    position: 'key',
    path,
    prefix: text.slice(wordStart, offset),
    replaceStart: wordStart,
    replaceEnd: wordEnd,
    siblings: siblingKeys(text, lineStart, lineEnd, column),
    flow: false,
    hasColon: /^\s*:/.test(after),
    itemStart: line.dashes.length > 0 && contentText.trim() === text.slice(wordStart, offset),
  };
}

/** How far back a flow collection that spans lines is looked for. */
const FLOW_LOOKBACK = 4000;

/**
 * The offset of a `{` or `[` on an earlier line that is still open at `lineStart` (a flow collection
 * spanning lines), if any. Brackets inside quotes and comments do not count.
 */
function openFlowAbove(text: string, lineStart: number): number | undefined {
  let depth = 0;
  let end = lineStart - 1;
  const stop = Math.max(0, lineStart - FLOW_LOOKBACK);
  while (end > stop) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const brackets = bracketsOf(text, start, end);
    for (let i = brackets.length - 1; i >= 0; i--) {
      const c = text[brackets[i]];
      if (c === '}' || c === ']') depth++;
      else if (depth === 0) return brackets[i];
      else depth--;
    }
    end = start - 1;
  }
  return undefined;
}

/** Offsets of the flow brackets of one line, outside quoted text and comments. */
function bracketsOf(text: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  let quote: string | undefined;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === start || /[\s,[{:]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === start || /\s/.test(text[i - 1]))) break;
    else if (c === '{' || c === '[' || c === '}' || c === ']') offsets.push(i);
  }
  return offsets;
}

/** The open keys and items before a line. */
function stackBefore(text: string, end: number): Frame[] {
  const stack: Frame[] = [];
  let scalarIndent = -1;
  let start = 0;
  while (start < end) {
    let stop = text.indexOf('\n', start);
    if (stop === -1 || stop > end) stop = end;
    const raw = text.slice(start, stop);
    start = stop + 1;
    const line = readBlockLine(raw);
    if (scalarIndent >= 0) {
      if (line.blank || line.indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    if (line.blank) continue;
    for (const dash of line.dashes) pushItem(stack, dash);
    if (line.key) {
      popTo(stack, line.key.column);
      stack.push({ indent: line.key.column, segment: line.key.name, item: false });
      if (opensBlockScalar(raw, line.key.valueStart)) scalarIndent = line.key.column;
    } else if (line.dashes.length === 0) {
      popTo(stack, line.indent);
    }
  }
  return stack;
}

function popTo(stack: Frame[], column: number): void {
  while (stack.length && stack[stack.length - 1].indent >= column) stack.pop();
}

/** A `- ` at `column`: closes deeper frames and the previous item of the same list, then opens the next item. */
function pushItem(stack: Frame[], column: number): void {
  let index = 0;
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.indent > column) stack.pop();
    else if (top.indent === column && top.item) {
      index = (top.segment as number) + 1;
      stack.pop();
    } else break;
  }
  stack.push({ indent: column, segment: index, item: true });
}

/** Keys at `column` in the mapping around a line (up to its parent above and its end below). */
function siblingKeys(text: string, lineStart: number, lineEnd: number, column: number): Set<string> {
  const keys = new Set<string>();
  const consider = (raw: string): boolean => {
    const line = readBlockLine(raw);
    if (line.blank || closesFlow(raw, line.contentStart)) return true;
    const first = line.dashes.length ? line.dashes[0] : (line.key?.column ?? line.indent);
    if (line.key && line.key.column === column) keys.add(line.key.name);
    if (first < column) return false;
    if (first === column && !line.key) return false;
    return true;
  };
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (!consider(text.slice(start, end))) break;
    end = start - 1;
  }
  let start = lineEnd + 1;
  while (start < text.length) {
    let stop = text.indexOf('\n', start);
    if (stop === -1) stop = text.length;
    const line = readBlockLine(text.slice(start, stop));
    if (line.blank || closesFlow(text.slice(start, stop), line.contentStart)) {
      start = stop + 1;
      continue;
    }
    start = stop + 1;
    const first = line.dashes.length ? line.dashes[0] : (line.key?.column ?? line.indent);
    if (first < column || (first === column && !line.key)) break;
    if (line.key && line.key.column === column) keys.add(line.key.name);
  }
  return keys;
}

/** A line that only closes a flow collection spanning lines (`  }`, `]`). */
function closesFlow(raw: string, contentStart: number): boolean {
  return raw[contentStart] === '}' || raw[contentStart] === ']';
}

function trimmedEnd(text: string, offset: number, lineEnd: number): number {
  let end = lineEnd;
  const comment = text.slice(offset, lineEnd).search(/\s#/);
  if (comment !== -1) end = offset + comment;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  return end;
}
