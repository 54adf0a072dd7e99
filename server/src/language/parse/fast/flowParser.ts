import type { YNode, YPair, YScalar } from '../yamlNode';
import { MAX_DEPTH, bail, isBreakOrEnd, isDocumentMarker, isFlowIndicator, isSpecialStart, scalarNode } from './common';
import { scanDoubleQuoted, scanSingleQuoted } from './quoted';
import { keyString, resolvePlain, scanPlainFlow, trimEnd } from './scalars';
import { MapBuilder } from './mapBuilder';

// Character codes (local constants: imported ones cost a getter call per use when modules are compiled one by one).
const LF = 10; // '\n'
const SPACE = 32; // ' '
const QUOTE = 34; // '"'
const HASH = 35; // '#'
const APOS = 39; // "'"
const COMMA = 44; // ','
const COLON = 58; // ':'
const LBRACKET = 91; // '['
const RBRACKET = 93; // ']'
const LBRACE = 123; // '{'
const RBRACE = 125; // '}'

/** A flow collection (or flow scalar) and the position after it. */
export interface FlowResult {
  node: YNode;
  value: unknown;
  end: number;
}

/**
 * Flow collections (`{a: 1, b: [x, "y"]}`), possibly over several lines with comments and trailing
 * commas. `indentNext` is the least indent a continuation line needs (the enclosing block
 * collection's indent + 1; 0 at the top level): the `yaml` lexer ends the collection with an error
 * on a line less indented, except for the outermost closing bracket one column to the left.
 */
export class FlowParser {
  private readonly len: number;

  constructor(
    private readonly text: string,
    private readonly indentNext: number,
  ) {
    this.len = text.length;
  }

  /** The collection starting with the bracket at `pos`. */
  collection(pos: number, level: number, depth: number): FlowResult {
    if (depth > MAX_DEPTH) bail();
    return this.text.charCodeAt(pos) === LBRACKET ? this.sequence(pos, level, depth) : this.mapping(pos, level, depth);
  }

  private sequence(start: number, level: number, depth: number): FlowResult {
    const text = this.text;
    const items: Array<YNode | null> = [];
    const values: unknown[] = [];
    let i = this.skip(start + 1, level);
    while (text.charCodeAt(i) !== RBRACKET) {
      const item = this.value(i, level, depth);
      items.push(item.node);
      values.push(item.value);
      i = this.skip(item.end, level);
      const c = text.charCodeAt(i);
      if (c === COMMA) i = this.skip(i + 1, level);
      else if (c !== RBRACKET) bail(); // a pair (`[a: 1]`), a missing comma, a wrong bracket
    }
    return { node: { kind: 'seq', range: [start, i + 1], flow: true, items }, value: values, end: i + 1 };
  }

  private mapping(start: number, level: number, depth: number): FlowResult {
    const text = this.text;
    const map = new MapBuilder();
    let i = this.skip(start + 1, level);
    while (text.charCodeAt(i) !== RBRACE) {
      const key = this.key(i);
      let colon = key.range[1];
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) bail(); // a key without a value, or a multi-line key
      // After a plain key the `:` needs a space or line break after it (after a quoted one, JSON-style `"a":1` is fine).
      if (key.style === 'plain' && !isBreakOrEnd(text.charCodeAt(colon + 1))) bail();
      let p = colon + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      i = this.skip(p, level);
      let value: FlowResult;
      const c = text.charCodeAt(i);
      if (c === COMMA || c === RBRACE) value = { node: scalarNode(p, p, null, 'plain'), value: null, end: i };
      else value = this.value(i, level, depth);
      const pair: YPair = { key, value: value.node };
      map.add(pair, keyString(key.value), value.value);
      this.checkAfterMapValue(value.end);
      i = this.skip(value.end, level);
      const d = text.charCodeAt(i);
      if (d === COMMA) i = this.skip(i + 1, level);
      else if (d !== RBRACE) bail();
    }
    return { node: { kind: 'map', range: [start, i + 1], flow: true, items: map.items }, value: map.value, end: i + 1 };
  }

  /** A map key: a quoted or plain scalar on one line. */
  private key(i: number): YScalar {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      const q = c === QUOTE ? scanDoubleQuoted(text, i) : scanSingleQuoted(text, i);
      return scalarNode(i, q.end, q.value, c === QUOTE ? 'double' : 'single');
    }
    if (isSpecialStart(c) || isFlowIndicatorStart(text, i)) bail();
    const stop = scanPlainFlow(text, i);
    if (text.charCodeAt(stop) !== COLON) bail();
    const end = trimEnd(text, i, stop);
    return scalarNode(i, end, resolvePlain(text.slice(i, end)), 'plain');
  }

  /** A value in a flow collection: a nested collection, a quoted scalar or a one-line plain scalar. */
  private value(i: number, level: number, depth: number): FlowResult {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) return this.collection(i, level + 1, depth + 1);
    if (c === QUOTE || c === APOS) {
      const q = c === QUOTE ? scanDoubleQuoted(text, i) : scanSingleQuoted(text, i);
      return { node: scalarNode(i, q.end, q.value, c === QUOTE ? 'double' : 'single'), value: q.value, end: q.end };
    }
    if (isSpecialStart(c) || isFlowIndicatorStart(text, i) || c !== c) bail();
    const stop = scanPlainFlow(text, i);
    const end = trimEnd(text, i, stop);
    if (end === i) bail();
    if (text.charCodeAt(stop) === LF) this.checkPlainEnd(stop);
    const value = resolvePlain(text.slice(i, end));
    return { node: scalarNode(i, end, value, 'plain'), value, end };
  }

  /** A plain scalar that reaches the end of its line continues on the next one unless that starts with `,]}#`. */
  private checkPlainEnd(i: number): void {
    const text = this.text;
    let c = text.charCodeAt(i);
    while (c === SPACE || c === LF) c = text.charCodeAt(++i);
    if (c !== COMMA && c !== RBRACKET && c !== RBRACE && c !== HASH) bail();
  }

  /**
   * In a flow mapping, the line break after a value belongs to the value, so a comment at the very
   * start of the next line has no white space before it: an error in the `yaml` library.
   */
  private checkAfterMapValue(i: number): void {
    const text = this.text;
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) === HASH) {
      i = text.indexOf('\n', i);
      if (i === -1) return;
    }
    if (text.charCodeAt(i) === LF && text.charCodeAt(i + 1) === HASH) bail();
  }

  /** Skips spaces, line breaks and comments inside a flow collection, checking each new line's indent. */
  private skip(i: number, level: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        i++;
      } else if (c === LF) {
        const lineStart = ++i;
        while (text.charCodeAt(i) === SPACE) i++;
        const d = text.charCodeAt(i);
        if (d === LF || d === HASH) continue;
        if (i >= this.len) bail(); // unterminated
        const indent = i - lineStart;
        if (indent < this.indentNext && !(indent === this.indentNext - 1 && level === 1 && (d === RBRACKET || d === RBRACE))) bail();
        if (indent === 0 && isDocumentMarker(text, i)) bail();
      } else if (c === HASH) {
        const before = text.charCodeAt(i - 1);
        if (before !== SPACE && before !== LF) bail();
        const e = text.indexOf('\n', i);
        if (e === -1) bail(); // unterminated
        i = e;
      } else {
        if (i >= this.len) bail();
        return i;
      }
    }
  }
}

/** `:` anywhere, or `-`/`?` before a space, a line break, the end or a flow indicator: not a plain scalar here. */
function isFlowIndicatorStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === COLON) return true;
  if (c !== 45 /* - */ && c !== 63 /* ? */) return false;
  const n = text.charCodeAt(i + 1);
  return isBreakOrEnd(n) || isFlowIndicator(n);
}
