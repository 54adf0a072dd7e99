import type { ParsedDocument } from './parsedDocument';
import type { DocumentChunk } from './splitDocuments';

export interface CachedChunk {
  /** The chunk's text when it was parsed (a copy that pins no file text, see `detachedText`). */
  readonly text: string;
  readonly documents: ParsedDocument[];
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

  /** For each new chunk, the one parsed from the same text last time, or undefined. */
  reusable(next: readonly DocumentChunk[]): Array<CachedChunk | undefined> {
    const previous = this.chunks;
    const found = new Array<CachedChunk | undefined>(next.length);
    const shared = Math.min(previous.length, next.length);
    let head = 0;
    while (head < shared && previous[head].text === next[head].text) {
      found[head] = previous[head];
      head++;
    }
    let tail = 0;
    while (tail < shared - head && previous[previous.length - 1 - tail].text === next[next.length - 1 - tail].text) {
      found[next.length - 1 - tail] = previous[previous.length - 1 - tail];
      tail++;
    }
    if (head + tail < next.length) {
      // The old chunks between the same ends; when there are none (documents only added), all of them: one may have been pasted again.
      const candidates = head + tail < previous.length ? previous.slice(head, previous.length - tail) : previous;
      const byText = new Map<string, CachedChunk>();
      for (const chunk of candidates) byText.set(chunk.text, chunk);
      for (let i = head; i < next.length - tail; i++) found[i] = byText.get(next[i].text);
    }
    return found;
  }

  /** Remembers a parse: its chunks in file order. */
  remember(chunks: CachedChunk[]): void {
    this.chunks = chunks;
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
