import type { ParsedDocument } from '../parse/parsedDocument';
import type { ParsedFile } from '../parse/parseFile';

/** The document of a file that holds a (file) line. */
export function documentAtLine(parsed: ParsedFile, line: number): ParsedDocument | undefined {
  let found: ParsedDocument | undefined;
  for (const doc of parsed.documents) {
    if (doc.chunk.line > line) break;
    found = doc;
  }
  return found;
}

/** A file position's offset in a document's chunk. */
export function offsetIn(doc: ParsedDocument, position: { line: number; character: number }): number {
  return doc.lines.offset({ line: position.line - doc.chunk.line, character: position.character });
}
