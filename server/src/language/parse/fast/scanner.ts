import * as commonModule from './common';

// Imports are read once. Compiled file by file (as tsx runs the tests), every use
// of an imported binding is a getter call, far too slow for the inner loops of a scanner; the
// fast-path files therefore bind what they import to local constants, and define the character
// codes they compare with locally.
const { bail } = commonModule;

// Character codes.
const LF = 10; // '\n'
const SPACE = 32; // ' '
const QUOTE = 34; // '"'
const HASH = 35; // '#'
const APOS = 39; // "'"
const COMMA = 44; // ','
const COLON = 58; // ':'
const BACKSLASH = 92; // '\'
const LBRACKET = 91; // '['
const RBRACKET = 93; // ']'
const LBRACE = 123; // '{'
const RBRACE = 125; // '}'

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * The lexical layer shared by the block and flow parsers: where one-line scalars end and what
 * quoted ones mean. Scanning methods leave the position after the token in `end`.
 */
export class Scanner {
  protected readonly len: number;
  /** Where the last scanned token ends. */
  protected end = 0;

  /**
   * @param tree build the YNode tree; when false only the plain value is built and the parsers
   * return the shared `VALUE_ONLY` stand-ins for nodes (same walk, same bail decisions).
   */
  constructor(
    protected readonly text: string,
    protected readonly tree: boolean,
  ) {
    this.len = text.length;
  }

  /** True when the character at `i` is a space or a line break, or `i` is the end of the text. */
  protected isBreakOrEndAt(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === LF || i >= this.len;
  }

  /** The value of the single- or double-quoted scalar starting at `pos` (one line only). */
  protected quotedValue(pos: number): string {
    return this.text.charCodeAt(pos) === QUOTE ? this.doubleQuoted(pos) : this.singleQuoted(pos);
  }

  /** A single-quoted scalar (`''` is a quote); bails when it does not close on its line. */
  protected singleQuoted(pos: number): string {
    const text = this.text;
    let value = '';
    let from = pos + 1;
    for (let i = from; ; i++) {
      const c = text.charCodeAt(i);
      if (c === APOS) {
        if (text.charCodeAt(i + 1) !== APOS) {
          this.end = i + 1;
          return value + text.slice(from, i);
        }
        value += text.slice(from, i + 1);
        from = ++i + 1;
      } else if (c === LF || c !== c) {
        bail();
      }
    }
  }

  /** A double-quoted scalar with its escapes; bails on a line break or an unknown escape. */
  protected doubleQuoted(pos: number): string {
    const text = this.text;
    let value = '';
    let from = pos + 1;
    for (let i = from; ; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.end = i + 1;
        return value + text.slice(from, i);
      }
      if (c === LF || c !== c) bail();
      if (c !== BACKSLASH) continue;
      value += text.slice(from, i);
      const e = text[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else {
        const n = HEX_LENGTH[e];
        if (n === undefined) bail();
        const digits = text.substr(i + 2, n);
        if (digits.length !== n || !HEX.test(digits)) bail();
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) bail();
        value += String.fromCodePoint(code);
        i += 1 + n;
      }
      from = i + 1;
    }
  }

  /**
   * Where a plain scalar in block context starting at `pos` stops: at a `:` indicator (`: `, or `:`
   * at the end of the line), at a ` #` comment, or at the end of the line. Its content ends before
   * any spaces preceding that position (`trimEnd`).
   */
  protected plainBlockStop(pos: number): number {
    const text = this.text;
    const len = this.len;
    let i = pos;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === COLON) {
        const n = text.charCodeAt(i + 1);
        if (n === SPACE || n === LF || i + 1 === len) break;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
    }
    return i;
  }

  /** Like `plainBlockStop` in a flow collection: it also stops at `,[]{}` and at a `:` before one of them. */
  protected plainFlowStop(pos: number): number {
    const text = this.text;
    const len = this.len;
    let i = pos;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === COMMA || c === RBRACE || c === RBRACKET || c === LBRACE || c === LBRACKET) break;
      if (c === COLON) {
        const n = text.charCodeAt(i + 1);
        if (n === SPACE || n === LF || i + 1 === len || n === COMMA || n === RBRACE || n === RBRACKET || n === LBRACE || n === LBRACKET) break;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
    }
    return i;
  }

  /** Moves back from `end` over spaces, not past `start`. */
  protected trimEnd(start: number, end: number): number {
    const text = this.text;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }
}
