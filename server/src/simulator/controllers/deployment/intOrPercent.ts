import { verbatim } from '../../../l10n/verbatim';

/**
 * `maxSurge` / `maxUnavailable` are IntOrString: a non-negative integer, or `"<digits>%"`.
 * Resolution follows apimachinery `GetScaledValueFromIntOrPercent`: an integer is taken as is; a
 * percentage p of a total T is `ceil(p·T/100)` when rounding up (surge) and `floor(p·T/100)` when
 * rounding down (unavailable).
 *
 * Worked example: 25% of 10 → 2.5 → surge 3 (up), unavailable 2 (down); 39% of 10 → 3.9 → 4 / 3.
 *
 * Upstream computes in float64; for int32 totals and sane percentages this equals exact integer
 * arithmetic, which is what is done here (BigInt, so huge products cannot lose precision).
 */

export type IntOrPercent = { kind: 'int'; value: number } | { kind: 'percent'; value: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const PERCENT = /^([+-]?\d+)%$/;

/**
 * Parses what a manifest holds. Like upstream resolution (not validation), a string must end in `%`
 * ("5" is refused, in the API server's words: `notPercent`), and the number before it goes through
 * Atoi, so "-5%" and "+5%" parse; `readFencepost` (deploymentSpec.ts) refuses what validation does.
 */
export function parseIntOrPercent(raw: unknown): Parsed<IntOrPercent> {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return { ok: false, error: notIntOrPercent(raw) };
    return { ok: true, value: { kind: 'int', value: raw } };
  }
  if (typeof raw === 'string') {
    const match = PERCENT.exec(raw);
    if (!match) return { ok: false, error: notPercent(raw) };
    return { ok: true, value: { kind: 'percent', value: Number.parseInt(match[1], 10) } };
  }
  return { ok: false, error: notIntOrPercent(raw) };
}

/**
 * The API server's words for a string that is not a valid percentage (`IsValidPercent`, whose
 * `RegexError` puts two spaces before "or").
 */
export function notPercent(raw: string): string {
  return verbatim(`Invalid value: ${JSON.stringify(raw)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`);
}

/** The API server's words for a value that is neither (`ValidatePositiveIntOrPercent`). */
function notIntOrPercent(raw: unknown): string {
  return verbatim(`Invalid value: ${typeof raw === 'number' ? String(raw) : JSON.stringify(raw) ?? String(raw)}: must be an integer or percentage (e.g '5%')`);
}

/** The value resolved against `total`; see the worked example above. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (value.kind === 'int') return value.value;
  const product = BigInt(value.value) * BigInt(total);
  const quotient = product / 100n; // truncates toward zero
  const remainder = product % 100n;
  let result = quotient;
  if (remainder !== 0n) {
    if (roundUp && product > 0n) result += 1n;
    if (!roundUp && product < 0n) result -= 1n;
  }
  return Number(result);
}

/** `"25%"` or `3`, as written in a manifest. */
export function formatIntOrPercent(value: IntOrPercent): string {
  return value.kind === 'int' ? String(value.value) : `${value.value}%`;
}
