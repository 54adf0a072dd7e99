/**
 * Stand-ins for the pod-template-hash and generated pod names. Upstream hashes a Go-specific dump of
 * the *defaulted* template (FNV-32a, then `SafeEncodeString` of the decimal digits), which cannot be
 * reproduced from a manifest; these helpers keep the upstream *shape* (alphabet, length) and are
 * deterministic, but tests must not assert their exact values.
 *
 * `SafeEncodeString` maps each character through the alphabet `bcdfghjklmnpqrstvwxz2456789`
 * by its character code modulo 27. For the digits 0–9 (codes 48–57 → indices 21–26, 0–3) that is
 * `4 5 6 7 8 9 b c d f`. Worked example: the uint32 1234 prints as "1234" → "5678".
 */

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-32a of a string's UTF-16 code units folded to bytes (ASCII-safe, deterministic). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash ^= code & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    if (code > 0xff) {
      hash ^= code >>> 8;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash >>> 0;
}

/** Upstream `rand.SafeEncodeString`. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += ALPHABET[text.charCodeAt(i) % ALPHABET.length];
  return out;
}

/** JSON with sorted keys and without nulls or empty collections, so that equal templates hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
      if (item === null || item === undefined) continue;
      if (Array.isArray(item) && item.length === 0) continue;
      if (typeof item === 'object' && !Array.isArray(item) && Object.keys(item as object).length === 0) continue;
      out[key] = item;
    }
    return out;
  }
  return value;
}

/** A pod-template-hash look-alike: e.g. `75675f5897`. */
export function templateHash(template: unknown): string {
  return safeEncodeString(String(fnv32a(canonicalJson(template))));
}

/** The 5-character generateName suffix of the n-th pod of a ReplicaSet, deterministic. */
export function podNameSuffix(replicaSetName: string, n: number): string {
  let hash = fnv32a(`${replicaSetName}#${n}`);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHABET[hash % ALPHABET.length];
    hash = Math.floor(hash / ALPHABET.length) ^ Math.imul(hash, 2654435761) >>> 7;
    hash >>>= 0;
  }
  return out;
}
