import type { YNode } from './yamlNode';
import * as commonModule from './fast/common';
import * as blockParserModule from './fast/blockParser';

// Imports are read once (see fast/scanner.ts).
const { BAIL, UNSUPPORTED_CHARACTERS, VALUE_ONLY, bail, isBreakOrEnd, scalarNode } = commonModule;
const { BlockParser } = blockParserModule;

const LF = 10; // '\n'
const SPACE = 32; // ' '
const HASH = 35; // '#'

export interface FastParseResult {
  /** The tree; with `tree: false`, a stand-in node (`VALUE_ONLY`) when there is a document. */
  root: YNode | null;
  value: unknown;
}

/**
 * Fast path for ordinary manifests: returns the tree and plain value of a one-document chunk, or
 * undefined when the chunk uses anything outside the supported subset (the caller then uses the
 * full YAML parser, which also produces the error messages).
 *
 * The result is exactly what the slow path (`parseChunkSlow`) gives for a chunk it parses without
 * findings: the same YNode tree (ranges as the `yaml` library computes them) and the same plain
 * value. `{ root: null }` means the chunk holds no document at all (only comments and blank lines).
 *
 * Subset: block mappings and sequences, one-line plain and quoted scalars, flow collections (also
 * over several lines, as in JSON), literal and folded block scalars, comments, a leading `---` line,
 * a closing `...` line, LF or CRLF line ends. Left to the full parser: anchors, aliases, tags, merge
 * keys, complex keys, directives, several documents, tabs, lone CRs, multi-line plain or quoted
 * scalars, scalar documents, explicit block indentation, duplicate keys, and anything the `yaml`
 * library reports a problem for. (`fast/` holds the parts: scanner, trivia, block and flow parsers,
 * block scalars, scalar resolution.)
 */
export function fastParse(text: string, tree = true): FastParseResult | undefined {
  try {
    return parseDocument(text, tree);
  } catch {
    // BAIL, or anything unexpected (e.g. a stack overflow): the full parser decides.
    return undefined;
  }
}

/** `fastParse` that lets unexpected exceptions through (for tests). */
export function fastParseOrThrow(text: string, tree = true): FastParseResult | undefined {
  try {
    return parseDocument(text, tree);
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/**
 * `tree: false` builds only the plain value (the tree can be built later by parsing again: both
 * modes walk the text the same way and bail on the same chunks).
 */
function parseDocument(text: string, tree: boolean): FastParseResult {
  if (UNSUPPORTED_CHARACTERS.test(text)) bail();
  if (text.indexOf('\r') === -1) return parseLines(text, tree);
  // CRLF line ends: parse with LF ends, then move every offset past the CRs before it.
  const crs: number[] = [];
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LF) bail(); // a lone CR
    crs.push(i - crs.length); // where its LF is in the LF text
  }
  const result = parseLines(text.replace(/\r\n/g, '\n'), tree);
  if (result.root && tree) shiftRanges(result.root, crs);
  return result;
}

/** Maps the offsets of a tree parsed from LF text back to the CRLF text (`crs`: the LF positions of the CRs, ascending). */
function shiftRanges(node: YNode, crs: number[]): void {
  node.range = [shift(node.range[0], crs), shift(node.range[1], crs)];
  if (node.kind === 'map') {
    for (const pair of node.items) {
      shiftRanges(pair.key, crs);
      if (pair.value) shiftRanges(pair.value, crs);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) if (item) shiftRanges(item, crs);
  }
}

/** `offset` plus the number of CRs before it. */
function shift(offset: number, crs: number[]): number {
  let lo = 0;
  let hi = crs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (crs[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return offset + lo;
}

function parseLines(text: string, tree: boolean): FastParseResult {
  const len = text.length;
  let start = 0;
  let emptyAt = -1;
  // A leading `---` line: only a comment may follow on it. With nothing after it, the document is an empty scalar.
  if (text.startsWith('---') && isBreakOrEnd(text.charCodeAt(3))) {
    let i = 3;
    while (text.charCodeAt(i) === SPACE) i++;
    emptyAt = i;
    if (text.charCodeAt(i) === HASH) {
      if (i === 3) bail();
      i = text.indexOf('\n', i);
      if (i === -1) i = len;
    } else if (i < len && text.charCodeAt(i) !== LF) {
      bail(); // content on the `---` line
    }
    start = i < len ? i + 1 : len;
  }
  const parser = new BlockParser(text, tree);
  parser.scan(start, -1, false, 0);
  const pos = parser.next;
  if (pos < 0) {
    if (parser.documentEnd >= 0) bail();
    return emptyAt < 0 ? { root: null, value: null } : { root: tree ? scalarNode(emptyAt, emptyAt, null, 'plain') : VALUE_ONLY.scalar, value: null };
  }
  // The root: a block mapping or sequence, or a flow collection (JSON). A scalar document is left to the full parser.
  const root = parser.node(pos, parser.nextIndent, -1, false, 0);
  if (root.kind === 'scalar') bail();
  if (parser.next >= 0) bail(); // content after the root node: an error or another document
  if (parser.documentEnd >= 0) checkAfterDocumentEnd(text, parser.documentEnd);
  return { root, value: parser.value };
}

/** After a `...` line (at `pos`) only comments and blank lines may follow (more would be another document). */
function checkAfterDocumentEnd(text: string, pos: number): void {
  let i = pos + 3;
  while (text.charCodeAt(i) === SPACE) i++;
  for (;;) {
    if (text.charCodeAt(i) === HASH) i = text.indexOf('\n', i);
    if (i === -1 || i >= text.length) return;
    if (text.charCodeAt(i) !== LF) bail();
    i++;
    while (text.charCodeAt(i) === SPACE) i++;
  }
}
