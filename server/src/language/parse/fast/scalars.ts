/*
 * What plain scalars mean under YAML 1.1 as the slow path resolves them: the `yaml` library's
 * yaml-1.1 schema without timestamps and sexagesimal numbers (as go-yaml reads Kubernetes
 * manifests). The tests are tried in the library's order: null, bool, int (binary, octal, decimal,
 * hex), float (.inf/.nan, exponent, fraction); anything else is a string.
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

/** First letters of the null and boolean words. */
const WORD_START = new Uint8Array(128);
for (const ch of 'nNyYtTfFoO') WORD_START[ch.charCodeAt(0)] = 1;

/** The value of a non-empty plain scalar. */
export function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */) return resolveNumber(source, c);
  if (c === 126 /* ~ */) return source.length === 1 ? null : source;
  // Words: null and booleans are at most 5 letters; `e5`-like exponents are numbers (NaN).
  if (source.length <= 5 && WORD_START[c] === 1) {
    if (NULL.test(source)) return null;
    if (TRUE.test(source)) return true;
    if (FALSE.test(source)) return false;
  }
  if ((c === 101 /* e */ || c === 69) /* E */ && FLOAT_EXP.test(source)) return parseFloat(source);
  return source;
}

/** Characters that can occur in a YAML 1.1 int or float (`0x1F`, `-1_000`, `1.5e+3`, `.inf`, `.NaN`). */
const NUMBER_CHAR = new Uint8Array(128);
for (const ch of '0123456789abcdefABCDEFxo_+-.inINnN') NUMBER_CHAR[ch.charCodeAt(0)] = 1;

/** A plain scalar starting with a digit, a sign or a dot: maybe an int or a float. */
function resolveNumber(source: string, c: number): unknown {
  // Shortcuts: a plain decimal (most numbers in manifests), and anything with a character no number has (`100m`, `1.2.3-rc`).
  let digits = true;
  for (let i = 0; i < source.length; i++) {
    const d = source.charCodeAt(i);
    if (d < 48 || d > 57) {
      digits = false;
      if (d >= 128 || NUMBER_CHAR[d] === 0) return source;
    }
  }
  if (digits && (c !== 48 /* 0 */ || source.length === 1)) return parseInt(source, 10);
  if (INT_BIN.test(source)) return toInt(source, 2, 2);
  if (INT_OCT.test(source)) return toInt(source, 1, 8);
  if (INT_DEC.test(source)) return toInt(source, 0, 10);
  if (INT_HEX.test(source)) return toInt(source, 2, 16);
  if (FLOAT_SPECIAL.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return c === 45 /* - */ ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
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
  return typeof value === 'string' ? value : value === null ? '' : String(value);
}
