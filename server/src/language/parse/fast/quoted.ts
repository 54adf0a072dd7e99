import { bail } from './common';

// Character codes (local constants: imported ones cost a getter call per use when modules are compiled one by one).
const LF = 10; // '\n'
const QUOTE = 34; // '"'
const APOS = 39; // "'"

/** The end (after the closing quote) and value of a quoted scalar; one line only. */
export interface Quoted {
  end: number;
  value: string;
}

/** A single-quoted scalar starting at `pos` (`''` is a quote); bails when it does not close on its line. */
export function scanSingleQuoted(text: string, pos: number): Quoted {
  let value = '';
  let from = pos + 1;
  for (;;) {
    const q = text.indexOf("'", from);
    const nl = text.indexOf('\n', from);
    if (q === -1 || (nl !== -1 && nl < q)) bail();
    value += text.slice(from, q);
    if (text.charCodeAt(q + 1) === APOS) {
      value += "'";
      from = q + 2;
      continue;
    }
    return { end: q + 1, value };
  }
}

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

/** A double-quoted scalar starting at `pos`, with its escapes; bails on a line break or an unknown escape. */
export function scanDoubleQuoted(text: string, pos: number): Quoted {
  const len = text.length;
  let value = '';
  let from = pos + 1;
  for (let i = from; ; i++) {
    if (i >= len) bail();
    const c = text.charCodeAt(i);
    if (c === QUOTE) return { end: i + 1, value: value + text.slice(from, i) };
    if (c === LF) bail();
    if (c !== 92 /* \ */) continue;
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
