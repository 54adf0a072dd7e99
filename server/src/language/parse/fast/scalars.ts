import { isFlowIndicator } from './common';

// Character codes (local constants: imported ones cost a getter call per use when modules are compiled one by one).
const LF = 10; // '\n'
const SPACE = 32; // ' '
const HASH = 35; // '#'
const COLON = 58; // ':'

/*
 * Plain scalars: where they end, and what they mean under YAML 1.1 as the slow path resolves them
 * (the `yaml` library's yaml-1.1 schema without timestamps and sexagesimal numbers, as go-yaml reads
 * Kubernetes manifests). The tests are tried in the library's order: null, bool, int (binary, octal,
 * decimal, hex), float (.inf/.nan, exponent, fraction); anything else is a string.
 */
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

/** First characters that may start a non-string plain scalar (null, bool, number). */
const MAYBE_TYPED = new Uint8Array(128);
for (const ch of '0123456789+-.~nNyYtTfFoOeE') MAYBE_TYPED[ch.charCodeAt(0)] = 1;

/** The value of a non-empty plain scalar. */
export function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  if (c >= 128 || MAYBE_TYPED[c] === 0) return source;
  if (NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (INT_BIN.test(source)) return toInt(source, 2, 2);
  if (INT_OCT.test(source)) return toInt(source, 1, 8);
  if (INT_DEC.test(source)) return toInt(source, 0, 10);
  if (INT_HEX.test(source)) return toInt(source, 2, 16);
  if (FLOAT_SPECIAL.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source.charCodeAt(0) === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source.replace(/_/g, ''));
  return source;
}

/** An integer with an optional sign, a radix prefix of `prefix` characters and `_` separators. */
function toInt(source: string, prefix: number, radix: number): number {
  const sign = source.charCodeAt(0);
  const signed = sign === 45 /* - */ || sign === 43; /* + */
  const digits = source.slice(signed ? prefix + 1 : prefix).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === 45 ? -1 * n : n;
}

/** The property name a map key becomes in the plain value (`5` → "5", `true` → "true", `~` → ""). */
export function keyString(value: unknown): string {
  return value === null ? '' : String(value);
}

/**
 * Scans a plain scalar in block context from `pos` and returns where it stops: at a `:` indicator
 * (`: `, `:` at the end of the line), at a ` #` comment, or at the end of the line. The scalar's
 * content ends before any spaces preceding that position (see `trimEnd`).
 */
export function scanPlainBlock(text: string, pos: number): number {
  const len = text.length;
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

/** Like `scanPlainBlock` in a flow collection: it also stops at `,[]{}` and at a `:` before one of them. */
export function scanPlainFlow(text: string, pos: number): number {
  const len = text.length;
  let i = pos;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || isFlowIndicator(c)) break;
    if (c === COLON) {
      const n = text.charCodeAt(i + 1);
      if (n === SPACE || n === LF || i + 1 === len || isFlowIndicator(n)) break;
    } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
  }
  return i;
}

/** Moves back from `end` over spaces, not past `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}
