/**
 * Map keys read from the text, shared across parses. A key sliced out of the text is a new string
 * each time, and every use of it as a property name (the plain value's `obj[key] = …`, the duplicate
 * check) makes V8 hash it and look it up in its string table. Manifests reuse a small vocabulary
 * of keys, so the parser looks each key up here by its characters (no slice) and gets the same
 * string object back every time, whose table lookup V8 has already done.
 *
 * Bounded: at most `CAPACITY / 2` keys are kept (the first ones seen); others are sliced as before.
 * Holding a key never pins the text it came from (the kept copy is flattened).
 */
const CAPACITY = 8192; // a power of two
const MAX_KEY = 40;
const table: Array<string | undefined> = new Array<string | undefined>(CAPACITY).fill(undefined);
let kept = 0;

/** The text between `start` and `end` (a plain key), as a shared string when it is a known key. */
export function internKey(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_KEY) return text.slice(start, end);
  let hash = length;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  let slot = hash & (CAPACITY - 1);
  for (;;) {
    const known = table[slot];
    if (known === undefined) break;
    if (known.length === length && text.startsWith(known, start)) return known;
    slot = (slot + 1) & (CAPACITY - 1);
  }
  if (kept >= CAPACITY / 2) return text.slice(start, end);
  const key = (' ' + text.slice(start, end)).slice(1);
  table[slot] = key;
  kept++;
  return key;
}
