import type { YNode, YPair, YScalar } from '../yamlNode';
import * as blockScalarModule from './blockScalar';
import * as commonModule from './common';
import * as flowParserModule from './flowParser';
import * as collectionsModule from './collections';
import * as scalarsModule from './scalars';
import * as triviaModule from './trivia';
import type { FlowParser as FlowParserType } from './flowParser';

// Imports are read once (see scanner.ts).
const { parseBlockScalar } = blockScalarModule;
const { MAX_DEPTH, MAX_KEY_LENGTH, VALUE_ONLY, bail, isIndicatorAt, isSpecialStart } = commonModule;
const { FlowParser } = flowParserModule;
const { ItemStack, MapBuilder } = collectionsModule;
const { keyString, resolvePlain } = scalarsModule;
const { TriviaScanner } = triviaModule;

// Character codes.
const LF = 10; // '\n'
const SPACE = 32; // ' '
const QUOTE = 34; // '"'
const HASH = 35; // '#'
const APOS = 39; // "'"
const DASH = 45; // '-'
const COLON = 58; // ':'
const GT = 62; // '>'
const LBRACKET = 91; // '['
const LBRACE = 123; // '{'
const PIPE = 124; // '|'

/**
 * Block mappings and sequences. Each parsing method returns a node, leaves its plain value in
 * `value` and where the `yaml` library's node ends (its `range[2]`, with the trivia it takes) in
 * `ext`, and leaves `next`/`nextIndent` on the following content line. A collection goes on while
 * that line is one of its items and returns when it is less indented; anything else (a deeper line
 * after a complete value: a continuation or an error) bails.
 */
export class BlockParser extends TriviaScanner {
  /** The plain value of the last parsed node. */
  value: unknown = null;
  /** The node end (`range[2]`) of the last parsed node. */
  ext = 0;
  private flowParser: FlowParserType | undefined;
  /** Items of the collections being parsed (see `ItemStack`). */
  private readonly pairs = new ItemStack<YPair>();
  private readonly nodes = new ItemStack<YNode | null>();
  private readonly values = new ItemStack<unknown>();
  /** The last implicit key found by `key` (its node only when building the tree, its value, where it starts), and its `:`. */
  private keyNode: YScalar | undefined;
  private keyValue: unknown = null;
  private keyStart = 0;
  private colon = 0;

  /**
   * The node at `pos`, at column `col` (-1 where a block collection cannot start: after `key: `), in
   * a collection of indent `parent` (-1 for the document). `inline`: on the line of its key or dash.
   */
  node(pos: number, col: number, parent: number, inline: boolean, depth: number): YNode {
    if (depth > MAX_DEPTH) bail();
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === DASH && this.isBreakOrEndAt(pos + 1)) {
      if (col < 0) bail();
      return this.sequence(pos, col, depth);
    }
    if (c === LBRACKET || c === LBRACE) {
      const flow = (this.flowParser ??= new FlowParser(text, this.tree));
      const node = flow.parse(pos, parent + 1, depth);
      this.value = flow.value;
      this.ext = this.afterFlowLeaf(flow.endOffset, parent);
      return node;
    }
    if (c === PIPE || c === GT) {
      if (!inline) bail();
      const block = parseBlockScalar(text, pos, parent);
      this.value = block.node.value;
      this.ext = this.scan(block.end, parent, false, block.end);
      return block.node;
    }
    const stop = this.key(pos);
    if (stop < 0) {
      if (col < 0) bail(); // `a: b: c`
      return this.mapping(col, depth);
    }
    // A quoted or plain scalar on one line.
    let node: YScalar;
    let end: number;
    if (c === QUOTE || c === APOS) {
      this.value = this.quotedValue(pos);
      end = this.end;
      node = this.tree ? { kind: 'scalar', range: [pos, end], value: this.value, style: c === QUOTE ? 'double' : 'single' } : VALUE_ONLY.scalar;
    } else {
      end = this.trimEnd(pos, stop);
      this.value = resolvePlain(text.slice(pos, end));
      node = this.tree ? { kind: 'scalar', range: [pos, end], value: this.value, style: 'plain' } : VALUE_ONLY.scalar;
    }
    this.ext = this.afterFlowLeaf(end, parent);
    return node;
  }

  /**
   * Looks for an implicit key at `pos` (a one-line scalar followed by `: ` or `:` at the end of the
   * line): returns -1 and sets `keyValue`/`keyStart`/`keyNode`/`colon` if there is one, else where a
   * plain scalar there stops.
   */
  private key(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    let colon: number;
    if (c === QUOTE || c === APOS) {
      const value = this.quotedValue(pos);
      const end = this.end;
      colon = end;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) return colon;
      if (!this.isBreakOrEndAt(colon + 1)) bail();
      this.keyValue = value;
      if (this.tree) this.keyNode = { kind: 'scalar', range: [pos, end], value, style: c === QUOTE ? 'double' : 'single' };
    } else {
      if (isSpecialStart(c) || isIndicatorAt(text, pos) || pos >= this.len || c === LF) bail();
      colon = this.plainBlockStop(pos);
      if (text.charCodeAt(colon) !== COLON) return colon;
      const end = this.trimEnd(pos, colon);
      const value = resolvePlain(text.slice(pos, end));
      this.keyValue = value;
      if (this.tree) this.keyNode = { kind: 'scalar', range: [pos, end], value, style: 'plain' };
    }
    if (colon - pos > MAX_KEY_LENGTH) bail();
    this.keyStart = pos;
    this.colon = colon;
    return -1;
  }

  /** The mapping whose first key `key` just found, at column `indent`. */
  private mapping(indent: number, depth: number): YNode {
    const text = this.text;
    const tree = this.tree;
    const map = new MapBuilder(tree ? this.pairs : null);
    let key = this.keyNode as YScalar;
    let keyValue = this.keyValue;
    const start = this.keyStart;
    let end: number;
    for (;;) {
      const value = this.mapValue(this.colon + 1, indent, depth);
      map.add(tree ? { key, value } : null, keyString(keyValue), this.value);
      end = this.ext;
      if (this.next < 0 || this.nextIndent < indent) break;
      if (this.nextIndent > indent) bail();
      const p = this.next;
      if (text.charCodeAt(p) === DASH && this.isBreakOrEndAt(p + 1)) bail();
      if (this.key(p) >= 0) bail();
      key = this.keyNode as YScalar;
      keyValue = this.keyValue;
      this.nextItem();
    }
    this.value = map.value;
    this.ext = this.closeCollection(indent, end);
    return tree ? { kind: 'map', range: [start, end], flow: false, items: map.finish() } : VALUE_ONLY.blockMap;
  }

  /** The value after a key's `:` at `pos - 1`, in a mapping of indent `indent`. */
  private mapValue(pos: number, indent: number, depth: number): YNode {
    const text = this.text;
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c !== LF && c !== HASH && i < this.len) return this.node(i, -1, indent, true, depth + 1);
    const comment = c === HASH;
    this.scan(this.lineAfter(i), indent, false, 0);
    if (this.next >= 0) {
      if (this.nextIndent > indent) return this.laterLine(indent, depth);
      const p = this.next;
      if (this.nextIndent === indent && text.charCodeAt(p) === DASH && this.isBreakOrEndAt(p + 1)) {
        this.nextItem();
        return this.sequence(p, indent, depth + 1); // `key:` then `- item` at the key's indent
      }
    }
    return this.empty(i, comment);
  }

  private sequence(start: number, indent: number, depth: number): YNode {
    const text = this.text;
    const base = this.nodes.size;
    const valueBase = this.values.size;
    let dash = start;
    let end: number;
    let commentBefore = false;
    for (;;) {
      const item = this.item(dash, indent, commentBefore, depth);
      if (this.tree) this.nodes.push(item);
      this.values.push(this.value);
      end = this.ext;
      if (this.next < 0 || this.nextIndent < indent) break;
      if (this.nextIndent > indent) bail();
      const p = this.next;
      if (text.charCodeAt(p) !== DASH || !this.isBreakOrEndAt(p + 1)) break; // the parent's next key
      // Trivia before a `-` are the start of its item: their comments extend an empty item's node.
      commentBefore = this.hasPendingComment();
      this.nextItem();
      dash = p;
    }
    this.value = this.values.take(valueBase);
    this.ext = this.closeCollection(indent, end);
    return this.tree ? { kind: 'seq', range: [start, end], flow: false, items: this.nodes.take(base) } : VALUE_ONLY.blockSeq;
  }

  /** The item after the `-` at `dash` of a sequence of indent `indent`; `commentBefore`: comment lines precede the `-`. */
  private item(dash: number, indent: number, commentBefore: boolean, depth: number): YNode {
    const text = this.text;
    let i = dash + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c !== LF && c !== HASH && i < this.len) return this.node(i, indent + (i - dash), indent, true, depth + 1);
    const comment = c === HASH;
    this.scan(this.lineAfter(i), indent, false, 0);
    if (this.next >= 0 && this.nextIndent > indent) return this.laterLine(indent, depth);
    return this.empty(i, comment || commentBefore);
  }

  /** An empty value at `pos` (after `key:` or `-` and their spaces); `comment`: comment lines go with it. */
  private empty(pos: number, comment: boolean): YNode {
    this.value = null;
    this.ext = this.emptyEnd(pos, comment);
    return this.tree ? { kind: 'scalar', range: [pos, pos], value: null, style: 'plain' } : VALUE_ONLY.scalar;
  }

  /**
   * A value on a line after its key or dash (found by the last `scan`), in a collection of indent
   * `indent`. A comment line not deeper than the collection lowers the `yaml` lexer's continuation
   * indent, so a scalar (or flow collection) after it could continue differently: left to the full parser.
   */
  private laterLine(indent: number, depth: number): YNode {
    const lowered = this.lowestComment <= indent;
    this.nextItem();
    const node = this.node(this.next, this.nextIndent, indent, false, depth + 1);
    if (lowered && (node.kind === 'scalar' || node.flow)) bail();
    return node;
  }

  /** The start of the line after the one holding `i`. */
  private lineAfter(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e === -1 ? this.len : e + 1;
  }
}
