import type { Document } from 'yaml';

export type PlainValueResult = { ok: true; value: unknown } | { ok: false; reason: 'alias-limit' | 'invalid'; message: string };

/**
 * Builds the plain JSON value of a document the way the Kubernetes API server sees it: map keys are
 * strings (`5`, `3.14` and `true` keys of a ConfigMap stay strings), and keys whose value is null are
 * dropped, as Go's JSON decoding leaves such fields unset (`creationTimestamp: null` is valid).
 * Alias expansion is bounded; past the bound the document is refused rather than expanded.
 */
export function toPlainValue(doc: Document.Parsed, maxAliasCount: number): PlainValueResult {
  try {
    const raw: unknown = doc.toJS({ maxAliasCount, mapAsMap: false });
    return { ok: true, value: dropNullFields(raw) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The library's resource-exhaustion guard ("Excessive alias count indicates a resource exhaustion attack").
    if (/excessive alias count/i.test(message)) return { ok: false, reason: 'alias-limit', message };
    // Anything else the library cannot turn into data (e.g. a merge key `<<` whose value is not a map).
    return { ok: false, reason: 'invalid', message };
  }
}

export function dropNullFields(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = dropNullFields(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else record[key] = dropNullFields(record[key]);
    }
  }
  return value;
}
