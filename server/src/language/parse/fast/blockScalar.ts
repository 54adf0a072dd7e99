import * as commonModule from './common';
import type { YScalar } from '../yamlNode';

// Imports are read once (see scanner.ts).
const { bail, scalarNode } = commonModule;

// Character codes.
const LF = 10; // '\n'
const SPACE = 32; // ' '
const HASH = 35; // '#'
const PIPE = 124; // '|'
const STRIP = 45; // '-': no final line break
const KEEP = 43; // '+': all final line breaks

/** A block scalar and the end of its text (its range end, where the trivia after it begin). */
export interface BlockScalar {
  node: YScalar;
  end: number;
}

/**
 * A literal (`|`) or folded (`>`) block scalar whose header is at `pos`, inside a collection of
 * indent `parent`, with chomping `-`/`+` but no explicit indentation indicator.
 *
 * Extent (as the `yaml` lexer finds it): the content indent is that of the first non-blank line
 * (which must be deeper than `parent`); the scalar runs over every line that is blank or at least
 * that indented; then, unless keeping (`+`), trailing lines of at most that many spaces are left
 * out. The value follows YAML's folding and chomping rules.
 */
export function parseBlockScalar(text: string, pos: number, parent: number): BlockScalar {
  const len = text.length;
  const literal = text.charCodeAt(pos) === PIPE;
  let i = pos + 1;
  let chomp = text.charCodeAt(i); // STRIP, KEEP, or 0 (clip: one final line break)
  if (chomp === STRIP || chomp === KEEP) i++;
  else chomp = 0;
  if (text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== LF) bail();
  while (text.charCodeAt(i) === SPACE) i++;
  if (text.charCodeAt(i) === HASH) i = lineEnd(text, i);
  if (text.charCodeAt(i) !== LF) bail();
  const contentStart = i + 1;

  // The first non-blank line gives the content indent; leading blank lines may not be longer.
  let p = contentStart;
  let longestBlank = 0;
  let indent = -1;
  while (p < len) {
    let k = p;
    while (text.charCodeAt(k) === SPACE) k++;
    if (text.charCodeAt(k) === LF) {
      longestBlank = Math.max(longestBlank, k - p);
      p = k + 1;
      continue;
    }
    if (k < len) indent = k - p;
    break;
  }
  if (indent <= parent || longestBlank > indent) bail();

  // Lines that belong to the scalar: blank, or indented at least `indent`.
  let end = p; // end of the last included line, after its line break
  while (p < len) {
    let k = p;
    while (text.charCodeAt(k) === SPACE) k++;
    const blank = text.charCodeAt(k) === LF;
    if (!blank && k - p < indent) break;
    const e = lineEnd(text, k);
    end = e < len ? e + 1 : len;
    p = end;
  }
  if (chomp !== KEEP) end = dropTrailingBlankLines(text, contentStart, end, indent);

  const source = text.slice(contentStart, end);
  const value = literal ? literalValue(source, indent, chomp) : foldedValue(source, indent, chomp);
  return { node: scalarNode(pos, end, value, literal ? 'block-literal' : 'block-folded'), end };
}

/** Position of the line break ending the line that holds `i` (or the text length). */
function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e === -1 ? text.length : e;
}

/** Leaves out trailing lines that hold at most `indent` spaces (they belong to what follows). */
function dropTrailingBlankLines(text: string, start: number, end: number, indent: number): number {
  for (;;) {
    const last = text.charCodeAt(end - 1) === LF ? end - 1 : end; // the last line is [lineStart, last)
    let k = last;
    while (k > start && text.charCodeAt(k - 1) === SPACE) k--;
    if (k <= start || text.charCodeAt(k - 1) !== LF || last - k > indent) return end;
    end = k; // [k, last) is all spaces and short: drop that line (keep the break before it)
  }
}

interface Lines {
  indents: number[];
  contents: string[];
  /** Index after the last line with content. */
  contentEnd: number;
}

/** The lines of a block scalar's text: indents, contents, and where the content lines end. */
function splitLines(source: string, indent: number): Lines {
  const raw = source.split('\n');
  const indents: number[] = [];
  const contents: string[] = [];
  let contentEnd = 0;
  for (let n = 0; n < raw.length; n++) {
    const line = raw[n];
    let k = 0;
    while (line.charCodeAt(k) === SPACE) k++;
    indents.push(k);
    contents.push(line.slice(k));
    if (k < line.length) contentEnd = n + 1;
  }
  // Trailing blank lines deeper than the content indent are content.
  for (let n = raw.length - 1; n >= contentEnd; n--) {
    if (indents[n] > indent) {
      contentEnd = n + 1;
      break;
    }
  }
  return { indents, contents, contentEnd };
}

/** The final line breaks, by the chomping indicator. */
function chompTail(value: string, lines: Lines, indent: number, chomp: number): string {
  if (chomp === STRIP) return value;
  if (chomp !== KEEP) return value + '\n';
  for (let n = lines.contentEnd; n < lines.indents.length; n++) value += '\n' + ' '.repeat(Math.max(0, lines.indents[n] - indent));
  return value.endsWith('\n') ? value : value + '\n';
}

/** Literal: the lines as they are, less the content indent. */
function literalValue(source: string, indent: number, chomp: number): string {
  const lines = splitLines(source, indent);
  let value = '';
  for (let n = 0; n < lines.contentEnd; n++) {
    if (n > 0) value += '\n';
    value += ' '.repeat(Math.max(0, lines.indents[n] - indent)) + lines.contents[n];
  }
  return chompTail(value, lines, indent, chomp);
}

/**
 * Folding: a line break between two lines of text becomes a space, each blank line a line break;
 * lines indented deeper than the content keep their breaks (and the one before them).
 */
function foldedValue(source: string, indent: number, chomp: number): string {
  const lines = splitLines(source, indent);
  let value = '';
  let sep = '';
  let moreIndented = false;
  for (let n = 0; n < lines.contentEnd; n++) {
    const content = lines.contents[n];
    const lineIndent = lines.indents[n];
    if (lineIndent > indent) {
      if (sep === ' ') sep = '\n';
      else if (!moreIndented && sep === '\n') sep = '\n\n';
      value += sep + ' '.repeat(lineIndent - indent) + content;
      sep = '\n';
      moreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      moreIndented = false;
    }
  }
  return chompTail(value, lines, indent, chomp);
}
