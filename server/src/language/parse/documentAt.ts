import type { Position } from '../findings';
import type { ParsedDocument } from './parsedDocument';

/**
 * Which YAML document of a file holds a place, by binary search over the documents' chunks (in file
 * order). A chunk that yields several documents (after a `...` end marker) gives them one start: the
 * last of them is the one.
 *
 * Worked example: "a: 1\n---\nb: 2\n" has chunks at offsets 0 and 5 (lines 0 and 1). Offset 9 ("b")
 * is in the second document, 4 characters into its chunk: `documentAt(docs, 9)` is
 * `{ doc: docs[1], offset: 4 }`; `documentAtLine(docs, 0)` is `docs[0]`.
 */

/** The document holding a file offset, and the offset inside that document's chunk. */
export function documentAt(documents: readonly ParsedDocument[], offset: number): { doc: ParsedDocument; offset: number } | undefined {
  const doc = lastStartingBy(documents, (d) => d.chunk.offset, offset);
  return doc && { doc, offset: offset - doc.chunk.offset };
}

/** The document holding a (0-based, file) line. */
export function documentAtLine(documents: readonly ParsedDocument[], line: number): ParsedDocument | undefined {
  return lastStartingBy(documents, (d) => d.chunk.line, line);
}

/** A file position's offset in a document's chunk. */
export function offsetIn(doc: ParsedDocument, position: Position): number {
  return doc.lines.offset({ line: position.line - doc.chunk.line, character: position.character });
}

/** The last document whose start (`startOf`, non-decreasing in file order) is at or before `at`. */
function lastStartingBy(documents: readonly ParsedDocument[], startOf: (doc: ParsedDocument) => number, at: number): ParsedDocument | undefined {
  let lo = 0;
  let hi = documents.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(documents[mid]) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? undefined : documents[found];
}
