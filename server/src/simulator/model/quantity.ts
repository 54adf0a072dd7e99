import * as l10n from '@vscode/l10n';
import { ownValue } from './ownValue';

/**
 * Kubernetes resource quantities (`apimachinery/pkg/api/resource.Quantity`), parsed exactly.
 *
 * Grammar: `<sign><digits>[.<digits>]<suffix>` where the suffix is a decimal SI prefix
 * (`n u m "" k M G T P E`), a binary one (`Ki Mi Gi Ti Pi Ei`) or a decimal exponent (`e3`, `E-2`).
 * Quirks kept from upstream: `1.` and `.5` and even `.`, `-` are valid (the last two are zero),
 * `K` is not a suffix (only `k`), `E` alone is exa but `E3` is an exponent, no spaces anywhere.
 *
 * A parsed value is kept in nano-units (the finest precision a Quantity holds), rounded **up**
 * (away from zero) as upstream does: `3.001n` → 4n, `0.000000000001Ki` → 2n. Binary quantities
 * past 2^63−1 units saturate there (`9Ei`); decimal ones do not (`12E`). `milliValue` and `value` then round up again, exactly as
 * `Quantity.MilliValue()` and `Quantity.Value()` do (ceil toward +∞).
 *
 * Worked example: `100.035Ki` = 100.035 × 1024 = 102435.84 units → nanos 102435840000000,
 * value() = ceil(102435.84) = 102436, milliValue() = 102435840.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The exact amount in nano-units (10^-9), already rounded up to that precision. */
  nanos: bigint;
  format: QuantityFormat;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

const NANO = 1_000_000_000n;
const MAX_UNITS = (1n << 63n) - 1n;
const MAX_NANOS = MAX_UNITS * NANO;
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

/** Parses a quantity as written in a manifest (a YAML number is read through its decimal text). */
export function parseQuantity(input: unknown): QuantityResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: l10n.t('{0} is not a quantity', input) };
    return parseQuantityString(String(input));
  }
  if (typeof input !== 'string') return { ok: false, error: l10n.t('a quantity must be a string or a number') };
  return parseQuantityString(input);
}

function parseQuantityString(text: string): QuantityResult {
  if (text.length === 0) return { ok: false, error: l10n.t('a quantity cannot be empty') };
  const parts = splitQuantity(text);
  if (!parts) return { ok: false, error: l10n.t('"{0}" is not a quantity (expected e.g. 500m, 2, 1.5Gi)', text) };
  const scale = suffixScale(parts.suffix, text.length);
  if (!scale) return { ok: false, error: l10n.t('"{0}" has an unknown suffix "{1}" (use n u m k M G T P E, Ki Mi Gi Ti Pi Ei or e<n>)', text, parts.suffix) };
  const digits = BigInt((parts.whole || '0') + parts.fraction);
  // value = digits × 10^-len(fraction) × base^exponent; nanos = value × 10^9, rounded up.
  let numerator = digits;
  let denominator = 10n ** BigInt(parts.fraction.length);
  if (scale.base === 2) numerator *= 2n ** BigInt(scale.exponent);
  else if (scale.exponent >= 0) numerator *= 10n ** BigInt(scale.exponent);
  else denominator *= 10n ** BigInt(-scale.exponent);
  numerator *= NANO;
  let nanos = (numerator + denominator - 1n) / denominator;
  let format = scale.format;
  // Upstream caps only binary quantities, and calls a binary quantity below 1 decimal.
  if (format === 'BinarySI' && nanos > MAX_NANOS) nanos = MAX_NANOS;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  return { ok: true, quantity: { nanos: parts.negative ? -nanos : nanos, format } };
}

interface QuantityParts {
  negative: boolean;
  whole: string;
  fraction: string;
  suffix: string;
}

/** Splits `<sign><whole>.<fraction><suffix>` the way upstream's parseQuantityString does. */
function splitQuantity(text: string): QuantityParts | undefined {
  let pos = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    pos = 1;
  }
  const wholeStart = pos;
  while (pos < text.length && isDigit(text[pos])) pos++;
  const whole = text.slice(wholeStart, pos);
  let fraction = '';
  if (text[pos] === '.') {
    const start = ++pos;
    while (pos < text.length && isDigit(text[pos])) pos++;
    fraction = text.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < text.length && SUFFIX_CHARS.includes(text[pos])) pos++;
  if (pos < text.length && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < text.length && isDigit(text[pos])) pos++;
  if (pos !== text.length) return undefined;
  return { negative, whole, fraction, suffix: text.slice(suffixStart) };
}

interface Scale {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function suffixScale(suffix: string, limit: number): Scale | undefined {
  const decimal = ownValue(DECIMAL_SUFFIXES, suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = ownValue(BINARY_SUFFIXES, suffix);
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    // Clamped to ±(text length + 60): past that, any non-zero value saturates (or rounds up to 1n)
    // whatever the exact exponent, so the clamp is exact and keeps the big-integer arithmetic small.
    const bound = limit + 60;
    return { base: 10, exponent: Math.max(-bound, Math.min(bound, exponent)), format: 'DecimalExponent' };
  }
  return undefined;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** ceil(nanos / divisor) for any sign, as Go's inf.RoundCeil. */
function ceilDiv(nanos: bigint, divisor: bigint): bigint {
  const q = nanos / divisor;
  return nanos > 0n && q * divisor !== nanos ? q + 1n : q;
}

/** `Quantity.MilliValue()` exactly: ceil(q × 1000). */
export function milliValueBig(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n);
}

/** `Quantity.Value()` exactly: ceil(q). */
export function valueBig(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO);
}

/** MilliValue as a JS number; absurd values are clamped to ±2^53−1 (still larger than any node). */
export function milliValue(q: Quantity): number {
  return toSafeNumber(milliValueBig(q));
}

/** Value as a JS number; absurd values are clamped to ±2^53−1. */
export function value(q: Quantity): number {
  return toSafeNumber(valueBig(q));
}

function toSafeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (v < BigInt(-Number.MAX_SAFE_INTEGER)) return -Number.MAX_SAFE_INTEGER;
  return Number(v);
}

/** Millicores as kubectl prints them: `2`, `1500m`. */
export function formatMilli(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  return `${milli}m`;
}

const BINARY_UNITS: Array<[string, number]> = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
const DECIMAL_UNITS: Array<[string, number]> = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];

/** A byte count in the shortest exact form: `16Gi`, `1500M`, `123456`. */
export function formatBytes(bytes: number): string {
  if (bytes === 0 || !Number.isSafeInteger(bytes)) return String(bytes);
  for (const [suffix, size] of BINARY_UNITS) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  for (const [suffix, size] of DECIMAL_UNITS) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  return String(bytes);
}
