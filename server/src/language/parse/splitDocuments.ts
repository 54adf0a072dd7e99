/**
 * Cuts a YAML stream into its documents without parsing it, so that an edit re-parses only the
 * documents it touched.
 *
 * A line that starts with `---` followed by white space or the end of the line is always a document
 * marker in YAML 1.1 and 1.2 (it cannot occur inside a block scalar, and flow/quoted scalars may not
 * contain it), so a line scan is exact. Each chunk starts at its marker line (or at the start of the
 * file) and runs to the next marker line.
 *
 * Worked example: "a: 1\n---\nb: 2\n" gives two chunks:
 *   { text: "a: 1\n", offset: 0, line: 0 } and { text: "---\nb: 2\n", offset: 5, line: 1 }.
 */
export interface DocumentChunk {
  /** The chunk's text, including its leading `---` line when it has one. */
  text: string;
  /** Offset of the chunk's first character in the whole file (UTF-16 units). */
  offset: number;
  /** 0-based line of the chunk's first character in the whole file. */
  line: number;
}

const DASH = 45; // '-'
const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

/**
 * Whether the line starting at `lineStart` is a document marker: `---`, then white space or the end
 * of the line. Character by character: every line starting with a dash (list items at column 0)
 * asks, on every keystroke.
 */
export function isMarkerLine(text: string, lineStart: number): boolean {
  if (text.charCodeAt(lineStart) !== DASH || text.charCodeAt(lineStart + 1) !== DASH || text.charCodeAt(lineStart + 2) !== DASH) return false;
  const next = text.charCodeAt(lineStart + 3);
  return next === SPACE || next === TAB || next === CR || next === LF || lineStart + 3 >= text.length;
}

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let lineStart = 0;
  let line = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    if (lineStart > chunkStart && isMarkerLine(text, lineStart)) {
      chunks.push({ text: text.slice(chunkStart, lineStart), offset: chunkStart, line: chunkLine });
      chunkStart = lineStart;
      chunkLine = line;
    }
    if (lineEnd === length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
  return chunks;
}
