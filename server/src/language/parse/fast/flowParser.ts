import type { YNode, YPair, YScalar } from '../yamlNode';
import * as commonModule from './common';
import * as collectionsModule from './collections';
import * as scalarsModule from './scalars';
import * as scannerModule from './scanner';

// Imports are read once (see scanner.ts).
const { MAX_DEPTH, VALUE_ONLY, bail, isBreakOrEnd, isDocumentMarker, isSpecialStart } = commonModule;
const { ItemStack, MapBuilder } = collectionsModule;
const { keyString, resolvePlain } = scalarsModule;
const { Scanner } = scannerModule;

// Character codes.
const LF = 10; // '\n'
const SPACE = 32; // ' '
const QUOTE = 34; // '"'
const HASH = 35; // '#'
const APOS = 39; // "'"
const COMMA = 44; // ','
const DASH = 45; // '-'
const COLON = 58; // ':'
const QUESTION = 63; // '?'
const LBRACKET = 91; // '['
const RBRACKET = 93; // ']'
const LBRACE = 123; // '{'
const RBRACE = 125; // '}'

/**
 * Flow collections (`{a: 1, b: [x, "y"]}`), possibly over several lines with comments and trailing
 * commas. `collection` returns the node, and leaves its plain value in `value` and the position
 * after its closing bracket in `end`.
 *
 * Continuation lines need an indent of at least `indentNext` (the enclosing block collection's
 * indent + 1; 0 at the top level): the `yaml` lexer ends the collection with an error on a line less
 * indented, except for the outermost closing bracket one column to the left.
 */
export class FlowParser extends Scanner {
  /** The plain value of the last parsed node. */
  value: unknown = null;
  private indentNext = 0;
  /** Items of the collections being parsed (see `ItemStack`). */
  private readonly pairs = new ItemStack<YPair>();
  private readonly nodes = new ItemStack<YNode | null>();
  private readonly values = new ItemStack<unknown>();
  /** The last key read by `key`: its value, whether it was plain, and where it ends. */
  private keyValue: unknown = null;
  private keyPlain = false;
  private keyEnd = 0;

  /** The collection whose opening bracket is at `pos`. */
  parse(pos: number, indentNext: number, depth: number): YNode {
    this.indentNext = indentNext;
    return this.collection(pos, 1, depth);
  }

  /** Where the last parsed collection ends (after its closing bracket). */
  get endOffset(): number {
    return this.end;
  }

  private collection(pos: number, level: number, depth: number): YNode {
    if (depth > MAX_DEPTH) bail();
    return this.text.charCodeAt(pos) === LBRACKET ? this.sequence(pos, level, depth) : this.mapping(pos, level, depth);
  }

  private sequence(start: number, level: number, depth: number): YNode {
    const text = this.text;
    const base = this.nodes.size;
    const valueBase = this.values.size;
    let i = this.skip(start + 1, level);
    while (text.charCodeAt(i) !== RBRACKET) {
      const item = this.item(i, level, depth);
      if (this.tree) this.nodes.push(item);
      this.values.push(this.value);
      i = this.skip(this.end, level);
      const c = text.charCodeAt(i);
      if (c === COMMA) i = this.skip(i + 1, level);
      else if (c !== RBRACKET) bail(); // a pair (`[a: 1]`), a missing comma, a wrong bracket
    }
    this.value = this.values.take(valueBase);
    this.end = i + 1;
    return this.tree ? { kind: 'seq', range: [start, i + 1], flow: true, items: this.nodes.take(base) } : VALUE_ONLY.flowSeq;
  }

  private mapping(start: number, level: number, depth: number): YNode {
    const text = this.text;
    const tree = this.tree;
    const map = new MapBuilder(tree ? this.pairs : null);
    let i = this.skip(start + 1, level);
    while (text.charCodeAt(i) !== RBRACE) {
      const key = this.key(i);
      const keyValue = this.keyValue;
      let colon = this.keyEnd;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) bail(); // a key without a value, or a multi-line key
      // After a plain key the `:` needs a space or line break after it (after a quoted one, JSON-style `"a":1` is fine).
      if (this.keyPlain && !isBreakOrEnd(text.charCodeAt(colon + 1))) bail();
      let p = colon + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      i = this.skip(p, level);
      let value: YNode;
      const c = text.charCodeAt(i);
      if (c === COMMA || c === RBRACE) {
        value = tree ? { kind: 'scalar', range: [p, p], value: null, style: 'plain' } : VALUE_ONLY.scalar;
        this.value = null;
        this.end = i;
      } else {
        value = this.item(i, level, depth);
        this.checkAfterMapValue(this.end);
      }
      map.add(tree ? { key, value } : null, keyString(keyValue), this.value);
      i = this.skip(this.end, level);
      const d = text.charCodeAt(i);
      if (d === COMMA) i = this.skip(i + 1, level);
      else if (d !== RBRACE) bail();
    }
    this.value = map.value;
    this.end = i + 1;
    return tree ? { kind: 'map', range: [start, i + 1], flow: true, items: map.finish() } : VALUE_ONLY.flowMap;
  }

  /** A map key: a quoted or plain scalar on one line. Sets `keyValue`, `keyPlain`, `keyEnd`. */
  private key(i: number): YScalar {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      const value = this.quotedValue(i);
      this.keyValue = value;
      this.keyPlain = false;
      this.keyEnd = this.end;
      return this.tree ? { kind: 'scalar', range: [i, this.end], value, style: c === QUOTE ? 'double' : 'single' } : VALUE_ONLY.scalar;
    }
    if (isSpecialStart(c) || this.isIndicatorStart(i)) bail();
    const stop = this.plainFlowStop(i);
    if (text.charCodeAt(stop) !== COLON) bail();
    const end = this.trimEnd(i, stop);
    const value = resolvePlain(text.slice(i, end));
    this.keyValue = value;
    this.keyPlain = true;
    this.keyEnd = end;
    return this.tree ? { kind: 'scalar', range: [i, end], value, style: 'plain' } : VALUE_ONLY.scalar;
  }

  /** A value in a flow collection: a nested collection, a quoted scalar or a one-line plain scalar. */
  private item(i: number, level: number, depth: number): YNode {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) return this.collection(i, level + 1, depth + 1);
    if (c === QUOTE || c === APOS) {
      const value = this.quotedValue(i);
      this.value = value;
      return this.tree ? { kind: 'scalar', range: [i, this.end], value, style: c === QUOTE ? 'double' : 'single' } : VALUE_ONLY.scalar;
    }
    if (isSpecialStart(c) || this.isIndicatorStart(i) || i >= this.len) bail();
    const stop = this.plainFlowStop(i);
    const end = this.trimEnd(i, stop);
    if (end === i) bail();
    if (text.charCodeAt(stop) === LF) this.checkPlainEnd(stop);
    const value = resolvePlain(text.slice(i, end));
    this.value = value;
    this.end = end;
    return this.tree ? { kind: 'scalar', range: [i, end], value, style: 'plain' } : VALUE_ONLY.scalar;
  }

  /** `:` anywhere, or `-`/`?` before a space, a line break, the end or a flow indicator: not a plain scalar here. */
  private isIndicatorStart(i: number): boolean {
    const c = this.text.charCodeAt(i);
    if (c === COLON) return true;
    if (c !== DASH && c !== QUESTION) return false;
    const n = this.text.charCodeAt(i + 1);
    return isBreakOrEnd(n) || n === COMMA || n === LBRACKET || n === RBRACKET || n === LBRACE || n === RBRACE;
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
        const next = this.indentNext;
        if (indent < next && !(indent === next - 1 && level === 1 && (d === RBRACKET || d === RBRACE))) bail();
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
