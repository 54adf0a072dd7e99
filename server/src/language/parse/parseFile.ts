import { FastDocument } from './fastDocument';
import { parseChunk } from './parseChunk';
import type { ParsedDocument } from './parsedDocument';
import { splitDocuments, type DocumentChunk } from './splitDocuments';
import { detachedText, type CachedChunk, type ChunkCache } from './chunkCache';

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
  const chunks = splitDocuments(text);
  const reusable = cache?.reusable(chunks);
  const kept: CachedChunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const cached = reusable?.[i];
    // A cached parse outlives the file text it came from: it must not hold that text (see `detachedText`).
    const own = cached ? cached.text : cache ? detachedText(chunk.text) : chunk.text;
    const docs = cached ? cached.documents.map((d) => rebase(d, chunk)) : parseChunk(cache ? { ...chunk, text: own } : chunk);
    if (cache) kept.push({ text: own, documents: docs });
    for (const doc of docs) documents.push(doc);
    if (!cached) yield;
  }
  cache?.remember(kept);
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
