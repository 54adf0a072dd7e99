import type { YNode, YScalar } from '../yamlNode';
import { MAX_DEPTH, MAX_KEY_LENGTH, bail, isBreakOrEnd, isIndicatorAt, isSpecialStart, scalarNode, type Parsed } from './common';
import { parseBlockScalar } from './blockScalar';
import { FlowParser } from './flowParser';
import { MapBuilder } from './mapBuilder';
import { scanDoubleQuoted, scanSingleQuoted } from './quoted';
import { keyString, resolvePlain, scanPlainBlock, trimEnd } from './scalars';
import { TriviaScanner } from './trivia';

// Character codes (local constants: imported ones cost a getter call per use when modules are compiled one by one).
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

/** A scanned implicit key and the position of its `:`. */
interface Key {
  node: YScalar;
  colon: number;
}

/**
 * Block mappings and sequences. Each method parses one node and leaves `next`/`nextIndent` on the
 * following content line; a collection goes on while that line is one of its items, and returns
 * when it is less indented. Anything else (a deeper line after a complete value: a continuation or
 * an error) bails.
 */
export class BlockParser extends TriviaScanner {
  /**
   * The node at `pos`, at column `col` (-1 when a block collection cannot start there, after `key: `),
   * in a collection of indent `parent`. `inline`: on the line of its key or dash.
   */
  node(pos: number, col: number, parent: number, inline: boolean, depth: number): Parsed {
    if (depth > MAX_DEPTH) bail();
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === DASH && isBreakOrEnd(text.charCodeAt(pos + 1))) {
      if (col < 0) bail();
      return this.sequence(pos, col, depth);
    }
    if (c === LBRACKET || c === LBRACE) {
      const flow = new FlowParser(text, parent + 1).collection(pos, 1, depth);
      return { node: flow.node, value: flow.value, ext: this.afterFlowLeaf(flow.end, parent) };
    }
    if (c === PIPE || c === GT) {
      if (!inline) bail();
      const block = parseBlockScalar(text, pos, parent);
      return { node: block.node, value: block.node.value, ext: this.scan(block.end, parent, false, block.end) };
    }
    const key = this.key(pos);
    if (key) {
      if (col < 0) bail(); // `a: b: c`
      return this.mapping(key, col, depth);
    }
    // A quoted or plain scalar on one line.
    let node: YScalar;
    if (c === QUOTE || c === APOS) {
      const q = c === QUOTE ? scanDoubleQuoted(text, pos) : scanSingleQuoted(text, pos);
      node = scalarNode(pos, q.end, q.value, c === QUOTE ? 'double' : 'single');
    } else {
      const stop = scanPlainBlock(text, pos);
      const end = trimEnd(text, pos, stop);
      node = scalarNode(pos, end, resolvePlain(text.slice(pos, end)), 'plain');
    }
    return { node, value: node.value, ext: this.afterFlowLeaf(node.range[1], parent) };
  }

  /** An implicit key at `pos` (a one-line scalar followed by `: ` or `:` at the end of the line), or undefined. */
  private key(pos: number): Key | undefined {
    const text = this.text;
    const c = text.charCodeAt(pos);
    let node: YScalar;
    let colon: number;
    if (c === QUOTE || c === APOS) {
      const q = c === QUOTE ? scanDoubleQuoted(text, pos) : scanSingleQuoted(text, pos);
      colon = q.end;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) return undefined;
      if (!isBreakOrEnd(text.charCodeAt(colon + 1))) bail();
      node = scalarNode(pos, q.end, q.value, c === QUOTE ? 'double' : 'single');
    } else {
      if (isSpecialStart(c) || isIndicatorAt(text, pos) || c !== c || c === LF) bail();
      colon = scanPlainBlock(text, pos);
      if (text.charCodeAt(colon) !== COLON) return undefined;
      const end = trimEnd(text, pos, colon);
      node = scalarNode(pos, end, resolvePlain(text.slice(pos, end)), 'plain');
    }
    if (colon - pos > MAX_KEY_LENGTH) bail();
    return { node, colon };
  }

  private mapping(first: Key, indent: number, depth: number): Parsed {
    const text = this.text;
    const map = new MapBuilder();
    let key = first;
    let end: number;
    for (;;) {
      const value = this.mapValue(key.colon + 1, indent, depth);
      map.add({ key: key.node, value: value.node }, keyString(key.node.value), value.value);
      end = value.ext;
      if (this.next < 0 || this.nextIndent < indent) break;
      if (this.nextIndent > indent) bail();
      const p = this.next;
      if (text.charCodeAt(p) === DASH && isBreakOrEnd(text.charCodeAt(p + 1))) bail();
      key = this.key(p) ?? bail();
      this.nextItem();
    }
    const node: YNode = { kind: 'map', range: [first.node.range[0], end], flow: false, items: map.items };
    return { node, value: map.value, ext: this.closeCollection(indent, end) };
  }

  /** The value after a key's `:` at `pos - 1`, in a mapping of indent `indent`. */
  private mapValue(pos: number, indent: number, depth: number): Parsed {
    const text = this.text;
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === c && c !== LF && c !== HASH) return this.node(i, -1, indent, true, depth + 1);
    const comment = c === HASH;
    this.scan(this.lineAfter(i), indent, false, 0);
    if (this.next >= 0) {
      if (this.nextIndent > indent) return this.laterLine(indent, depth);
      const p = this.next;
      if (this.nextIndent === indent && text.charCodeAt(p) === DASH && isBreakOrEnd(text.charCodeAt(p + 1))) {
        this.nextItem();
        return this.sequence(p, indent, depth + 1); // `key:` then `- item` at the key's indent
      }
    }
    return { node: scalarNode(i, i, null, 'plain'), value: null, ext: this.emptyEnd(i, comment) };
  }

  private sequence(start: number, indent: number, depth: number): Parsed {
    const text = this.text;
    const items: Array<YNode | null> = [];
    const values: unknown[] = [];
    let dash = start;
    let end: number;
    let commentBefore = false;
    for (;;) {
      const item = this.item(dash, indent, commentBefore, depth);
      items.push(item.node);
      values.push(item.value);
      end = item.ext;
      if (this.next < 0 || this.nextIndent < indent) break;
      if (this.nextIndent > indent) bail();
      const p = this.next;
      if (text.charCodeAt(p) !== DASH || !isBreakOrEnd(text.charCodeAt(p + 1))) break; // the parent's next key
      // Trivia before a `-` are the start of its item: their comments extend an empty item's node.
      commentBefore = this.hasPendingComment();
      this.nextItem();
      dash = p;
    }
    const node: YNode = { kind: 'seq', range: [start, end], flow: false, items };
    return { node, value: values, ext: this.closeCollection(indent, end) };
  }

  /** The item after the `-` at `dash` of a sequence of indent `indent`; `commentBefore`: comment lines precede the `-`. */
  private item(dash: number, indent: number, commentBefore: boolean, depth: number): Parsed {
    const text = this.text;
    let i = dash + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === c && c !== LF && c !== HASH) return this.node(i, indent + (i - dash), indent, true, depth + 1);
    const comment = c === HASH;
    this.scan(this.lineAfter(i), indent, false, 0);
    if (this.next >= 0 && this.nextIndent > indent) return this.laterLine(indent, depth);
    return { node: scalarNode(i, i, null, 'plain'), value: null, ext: this.emptyEnd(i, comment || commentBefore) };
  }

  /**
   * A value on a line after its key or dash (found by the last `scan`), in a collection of indent
   * `indent`. A comment line not deeper than the collection lowers the `yaml` lexer's continuation
   * indent, so a scalar (or flow collection) after it could continue differently: left to the full parser.
   */
  private laterLine(indent: number, depth: number): Parsed {
    const lowered = this.lowestComment <= indent;
    this.nextItem();
    const value = this.node(this.next, this.nextIndent, indent, false, depth + 1);
    if (lowered && (value.node.kind === 'scalar' || value.node.flow)) bail();
    return value;
  }

  /** The start of the line after the one holding `i`. */
  private lineAfter(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e === -1 ? this.len : e + 1;
  }
}
