import { FastDocument } from './fastDocument';
import { parseChunk } from './parseChunk';
import type { ParsedDocument } from './parsedDocument';
import { splitDocuments, type DocumentChunk } from './splitDocuments';

/**
 * Parsed chunks keyed by their exact text. The owner (a server's document store, or one CLI run)
 * passes it in and decides its lifetime; an edit re-parses only the chunks whose text changed.
 */
export type ChunkCache = Map<string, ParsedDocument[]>;

export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
}

export function parseFile(text: string, cache?: ChunkCache): ParsedFile {
  return runToEnd(parseFileSteps(text, cache));
}

/**
 * `parseFile` one chunk at a time: the generator yields after each chunk it parses, so a caller can
 * spread a big file over several turns of the event loop. The cache is updated only at the end.
 */
export function* parseFileSteps(text: string, cache?: ChunkCache): Generator<undefined, ParsedFile, undefined> {
  const documents: ParsedDocument[] = [];
  const next: ChunkCache | undefined = cache ? new Map() : undefined;
  for (const chunk of splitDocuments(text)) {
    const cached = cache?.get(chunk.text);
    // A cached parse outlives the file text it came from: it must not hold that text (see `detached`).
    const docs = cached ? cached.map((d) => rebase(d, chunk)) : parseChunk(cache ? { ...chunk, text: detached(chunk.text) } : chunk);
    next?.set(chunk.text, docs);
    documents.push(...docs);
    if (!cached) yield;
  }
  if (cache && next) {
    cache.clear();
    for (const [key, value] of next) cache.set(key, value);
  }
  return { text, documents };
}

/** Drives a step generator to its end, synchronously. */
export function runToEnd<T>(steps: Generator<undefined, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same parsed chunk, found again at another place in the file. */
function rebase(doc: ParsedDocument, chunk: DocumentChunk): ParsedDocument {
  if (doc.chunk.offset === chunk.offset && doc.chunk.line === chunk.line) return doc;
  const moved = { ...chunk, text: doc.chunk.text };
  return doc instanceof FastDocument ? doc.at(moved) : { ...doc, chunk: moved };
}

/**
 * A copy of `text` that does not keep its parent string alive. V8 makes `slice` a view into the
 * parent, and every scalar the parsers slice out of a chunk would pin the whole file text of the
 * version the chunk was parsed in: with the chunk cache, one full copy per cached document
 * (quadratic memory over a long editing session). Concatenating flattens into a chunk-sized copy.
 */
function detached(text: string): string {
  return text.length < 16 ? text : (' ' + text).slice(1);
}
