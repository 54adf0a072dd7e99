/**
 * FNV-1a (32 bits, over UTF-16 code units) of `stableJson(value)`, computed while walking the value
 * instead of over the printed text: the same number as `fnv32a(stableJson(value))` without building
 * the string (a pod template prints to kilobytes, and a Deployment's ReplicaSet name hashes it).
 */
export function stableJsonFnv32a(value: unknown): number {
  return feedValue(0x811c9dc5, value) >>> 0;
}

const FNV_PRIME = 0x01000193;

function feedValue(hash: number, value: unknown): number {
  if (typeof value === 'string') return feedString(hash, value);
  if (value === null || typeof value !== 'object') return feedText(hash, JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    hash = feedCode(hash, 0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) hash = feedCode(hash, 0x2c); // ,
      hash = feedValue(hash, value[i]);
    }
    return feedCode(hash, 0x5d); // ]
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  hash = feedCode(hash, 0x7b); // {
  let first = true;
  for (const key of keys) {
    if (record[key] === undefined) continue;
    if (!first) hash = feedCode(hash, 0x2c);
    first = false;
    hash = feedCode(feedString(hash, key), 0x3a); // :
    hash = feedValue(hash, record[key]);
  }
  return feedCode(hash, 0x7d); // }
}

/**
 * A string as JSON prints it: quoted, and escaped only when it has to be (then JSON.stringify says
 * how, from the hash before the string). One pass: each character is checked and hashed together.
 */
function feedString(hash: number, text: string): number {
  const before = hash;
  hash = feedCode(hash, 0x22);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return feedText(before, JSON.stringify(text));
    hash = Math.imul(hash ^ code, FNV_PRIME) >>> 0;
  }
  return feedCode(hash, 0x22);
}

function feedText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return hash;
}

function feedCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}
