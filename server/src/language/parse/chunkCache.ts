import type { ParsedDocument } from './parsedDocument';
import type { DocumentChunk } from './splitDocuments';

interface CachedChunk {
  /** The chunk's text when it was parsed (a copy that pins no file text, see `detachedText`). */
  text: string;
  documents: ParsedDocument[];
}

/**
 * The parsed chunks of a file's previous version, in file order. The owner (a server's document
 * store, one CLI run) keeps it and decides its lifetime; an edit re-parses only the chunks whose text
 * changed.
 *
 * Finding a chunk again must cost less than parsing it, for every chunk of a 2,000-document file at
 * every keystroke: the new chunks are lined up with the old from both ends (one string comparison
 * each, no hashing of the whole file), and only the chunks between the first and the last difference
 * are looked up by text. An edit inside one document compares 2,000 pairs of strings and looks up one.
 */
export class ChunkCache {
  private chunks: CachedChunk[] = [];

  /** For each new chunk, the documents parsed from the same text last time, or undefined. */
  reusable(next: readonly DocumentChunk[]): Array<ParsedDocument[] | undefined> {
    const previous = this.chunks;
    const found = new Array<ParsedDocument[] | undefined>(next.length);
    const shared = Math.min(previous.length, next.length);
    let head = 0;
    while (head < shared && previous[head].text === next[head].text) {
      found[head] = previous[head].documents;
      head++;
    }
    let tail = 0;
    while (tail < shared - head && previous[previous.length - 1 - tail].text === next[next.length - 1 - tail].text) {
      found[next.length - 1 - tail] = previous[previous.length - 1 - tail].documents;
      tail++;
    }
    if (head + tail < next.length) {
      // The old chunks between the same ends; when there are none (documents only added), all of them: one may have been pasted again.
      const candidates = head + tail < previous.length ? previous.slice(head, previous.length - tail) : previous;
      const byText = new Map<string, ParsedDocument[]>();
      for (const chunk of candidates) byText.set(chunk.text, chunk.documents);
      for (let i = head; i < next.length - tail; i++) found[i] = byText.get(next[i].text);
    }
    return found;
  }

  /** Remembers a parse: `texts[i]` the text `documents[i]` were parsed from. */
  remember(texts: readonly string[], documents: readonly ParsedDocument[][]): void {
    this.chunks = texts.map((text, i) => ({ text, documents: documents[i] }));
  }

  clear(): void {
    this.chunks = [];
  }
}

/**
 * A copy of `text` that does not keep its parent string alive. V8 makes `slice` a view into the
 * parent, and every scalar the parsers slice out of a chunk would pin the whole file text of the
 * version the chunk was parsed in: with the chunk cache, one full copy per cached document
 * (quadratic memory over a long editing session). Concatenating flattens into a chunk-sized copy.
 */
export function detachedText(text: string): string {
  return text.length < 16 ? text : (' ' + text).slice(1);
}
