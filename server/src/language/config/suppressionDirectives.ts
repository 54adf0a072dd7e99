import { shiftRange, type Range } from '../findings';
import { isListKind, isPlainObject, listItemsOf } from '../manifests';
import { locate, nodeAt } from '../parse/locate';
import type { ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { FieldPath, KubeObject } from '../../simulator/model/source';

/** The annotation that suppresses codes on one object: `drydock.io/ignore: "CODE[,CODE…] -- reason"`. */
export const IGNORE_ANNOTATION = 'drydock.io/ignore';

/**
 * One code (or code pattern) of one suppression, and the lines it covers (file lines, inclusive):
 * - `# drydock-disable-next-line CODE[,CODE…] [-- reason]`: the line below;
 * - `# drydock-disable CODE[,CODE…] [-- reason]` … `# drydock-enable [CODE…]`: the lines between (to
 *   the end of the file without an enable);
 * - the `drydock.io/ignore` annotation: the lines of its object.
 * A pattern is a code (`schema/enum`) or a prefix ending in `*` (`bp/*`, `*`).
 */
export interface Suppression {
  pattern: string;
  /** Where the code is written (file coordinates): unused and needs-a-reason findings go there. */
  range: Range;
  reason: string | undefined;
  fromLine: number;
  toLine: number;
}

const DIRECTIVE = /^(\s*(?:-\s+)?#\s*)drydock-(disable-next-line|disable|enable)(?=\s|$)(.*)$/;

/** Every suppression of a file: its directive comments and its objects' ignore annotations. */
export function suppressionsOf(parsed: ParsedFile): Suppression[] {
  // Read once per parse: the editor publishes a version several times (validation, dry run, rules).
  let found = suppressionsByParse.get(parsed);
  if (!found) {
    // Most files have none: one scan of the text says so.
    found = parsed.text.includes('drydock') ? [...commentSuppressions(parsed.text), ...parsed.documents.flatMap(annotationSuppressions)] : [];
    suppressionsByParse.set(parsed, found);
  }
  return found;
}

const suppressionsByParse = new WeakMap<ParsedFile, Suppression[]>();

export function codeMatches(pattern: string, code: string): boolean {
  return pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : pattern === code;
}

/** `CODE[,CODE…] -- reason` → the codes (with their columns in `text`) and the reason. */
export function parseCodeList(text: string, column: number): { codes: Array<{ code: string; start: number; end: number }>; reason: string | undefined } {
  const separator = text.search(/(^|\s)--(\s|$)/);
  const list = separator === -1 ? text : text.slice(0, separator);
  const reason = separator === -1 ? undefined : text.slice(separator).replace(/^\s*--/, '').trim() || undefined;
  const codes: Array<{ code: string; start: number; end: number }> = [];
  const word = /[^\s,]+/g;
  for (let match = word.exec(list); match; match = word.exec(list)) {
    codes.push({ code: match[0], start: column + match.index, end: column + match.index + match[0].length });
  }
  return { codes, reason };
}

function commentSuppressions(text: string): Suppression[] {
  const lines = text.split(/\r?\n/);
  const result: Suppression[] = [];
  /** Open `drydock-disable` regions, closed by an enable (or the end of the file). */
  let open: Suppression[] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const [, lead, verb, rest] = match;
    const { codes, reason } = parseCodeList(rest, lead.length + 'drydock-'.length + verb.length);
    if (verb === 'enable') {
      const closing = new Set(codes.map((c) => c.code));
      const [closed, still] = partition(open, (s) => closing.size === 0 || closing.has(s.pattern));
      for (const suppression of closed) suppression.toLine = index - 1;
      open = still;
      return;
    }
    for (const { code, start, end } of codes) {
      const range = { start: { line: index, character: start }, end: { line: index, character: end } };
      const suppression: Suppression = verb === 'disable' ? { pattern: code, range, reason, fromLine: index + 1, toLine: lines.length } : { pattern: code, range, reason, fromLine: index + 1, toLine: index + 1 };
      result.push(suppression);
      if (verb === 'disable') open.push(suppression);
    }
  });
  return result;
}

function annotationSuppressions(doc: ParsedDocument): Suppression[] {
  if (!isPlainObject(doc.value)) return [];
  const value = doc.value as KubeObject;
  const objects: Array<{ path: FieldPath; object: KubeObject }> = isListKind(value) ? listItemsOf(value).map(({ index, object }) => ({ path: ['items', index], object })) : [{ path: [], object: value }];
  const result: Suppression[] = [];
  for (const { path, object } of objects) {
    const annotations = isPlainObject(object.metadata) ? object.metadata.annotations : undefined;
    const written = isPlainObject(annotations) ? annotations[IGNORE_ANNOTATION] : undefined;
    if (typeof written !== 'string') continue;
    const range = shiftRange(locate(doc, [...path, 'metadata', 'annotations', IGNORE_ANNOTATION], 'value').range, doc.chunk.line);
    const span = objectLines(doc, path);
    const { codes, reason } = parseCodeList(written, 0);
    for (const { code } of codes) result.push({ pattern: code, range, reason, ...span });
  }
  return result;
}

/** The file lines an object spans: the whole document, or a List item's node. */
function objectLines(doc: ParsedDocument, path: FieldPath): { fromLine: number; toLine: number } {
  const node = path.length ? nodeAt(doc, path) : undefined;
  if (node) {
    // (A block node's range may run to the start of the line after it.)
    const range = doc.lines.range(node.range[0], Math.max(node.range[0], node.range[1] - 1));
    return { fromLine: doc.chunk.line + range.start.line, toLine: doc.chunk.line + range.end.line };
  }
  return { fromLine: doc.chunk.line, toLine: doc.chunk.line + doc.chunk.text.split('\n').length - 1 };
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
