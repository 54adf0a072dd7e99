import { detachedText, type CachedChunk, type ChunkCache } from './chunkCache';
import { FastDocument } from './fastDocument';
import { LineIndex } from './lineIndex';
import { parseChunk } from './parseChunk';
import type { ParsedFile } from './parseFile';
import type { ParsedDocument } from './parsedDocument';
import type { DocumentChunk } from './splitDocuments';

/**
 * A file's parse handed to another thread, so that it does not parse the same text again: the
 * server's validation has just parsed an opened file, and the dry-run worker would take as long to
 * parse it a second time (half a second for 2,000 real manifests on a cold thread) before its run
 * could start. What crosses is structured-clone data: per YAML document, where its chunk lies in the
 * text and its plain value. The chunk texts are cut from the text again on arrival.
 */
export interface HandedParse {
  documents: HandedDocument[];
}

export interface HandedDocument {
  /** The chunk's offset, first line and length in the text. */
  offset: number;
  line: number;
  length: number;
  /** `ParsedDocument.value`. */
  value: unknown;
}

/** What is handed over of `parsed`. */
export function handParse(parsed: ParsedFile): HandedParse {
  return { documents: parsed.documents.map((doc) => ({ offset: doc.chunk.offset, line: doc.chunk.line, length: doc.chunk.text.length, value: doc.value })) };
}

/**
 * The parse of `text` rebuilt from what was handed (the same `text` it was made from): the same
 * documents with the same values, each with its tree built when first asked for (FastDocument: the
 * fast path, else the full parser). A chunk that held several documents is parsed again here, as
 * the chunk cache would. The documents carry no findings: the receiver runs the dry run, which reads
 * values and locates its own findings, never the YAML problems. With `cache`, it remembers the chunks
 * as `parseFile` does, so the next version of the text parses only what changed.
 */
export function takeParse(text: string, handed: HandedParse, cache?: ChunkCache): ParsedFile {
  const documents: ParsedDocument[] = [];
  const kept: CachedChunk[] = [];
  const all = handed.documents;
  for (let i = 0; i < all.length; ) {
    const first = all[i];
    let end = i + 1;
    while (end < all.length && all[end].offset === first.offset) end++;
    const cut = text.slice(first.offset, first.offset + first.length);
    const chunk: DocumentChunk = { text: cache ? detachedText(cut) : cut, offset: first.offset, line: first.line };
    const docs: ParsedDocument[] = end - i === 1 ? [new FastDocument(chunk, {}, new LineIndex(chunk.text), first.value)] : parseChunk(chunk);
    if (cache) kept.push({ text: chunk.text, documents: docs });
    for (const doc of docs) documents.push(doc);
    i = end;
  }
  cache?.remember(kept);
  return { text, documents };
}
