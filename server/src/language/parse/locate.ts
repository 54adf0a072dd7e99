import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Range } from '../findings';
import type { FieldPath } from '../../simulator/model/source';
import type { ParsedDocument } from './parseChunk';

/** What part of a field a finding should underline. */
export type Target = 'key' | 'value';

export interface Location {
  /** Range relative to the document's chunk. */
  range: Range;
  /** How many path segments were found; less than the path length when the field does not exist. */
  depth: number;
}

/**
 * Finds the range of a field path in a parsed document: the value (or key) of the deepest field that
 * exists. A path into a missing field lands on the key of its nearest existing parent, so a missing
 * required field is reported on the object that lacks it. A multi-line value is narrowed to its key,
 * so squiggles stay on one line.
 */
export function locate(doc: ParsedDocument, path: FieldPath, target: Target = 'value'): Location {
  const { node, pair, depth } = walk(doc, path);
  const found = depth === path.length;
  const wantKey = target === 'key' || !found;
  const valueNode = node as Node | null | undefined;
  if (!wantKey && valueNode && isSingleLine(doc, valueNode)) {
    return { range: rangeOf(doc, valueNode), depth };
  }
  if (pair && depth > 0 && (pair.key as Node | null)?.range && lastSegmentIsKey(path, depth)) {
    return { range: rangeOf(doc, pair.key as Node), depth };
  }
  if (valueNode && (valueNode as Node).range) return { range: firstLine(doc, valueNode), depth };
  const start = doc.yaml.contents?.range?.[0] ?? 0;
  return { range: doc.lines.range(start, start), depth };
}

/** The source text of the scalar at a path (e.g. `yes` where the value is the boolean true), if any. */
export function scalarSourceAt(doc: ParsedDocument, path: FieldPath): string | undefined {
  const { node, depth } = walk(doc, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
  return doc.chunk.text.slice(node.range[0], node.range[1]);
}

function walk(doc: ParsedDocument, path: FieldPath): { node: unknown; pair: Pair | undefined; depth: number } {
  let node: unknown = doc.yaml.contents;
  let pair: Pair | undefined;
  let depth = 0;
  for (const segment of path) {
    const resolved = isAlias(node) ? node.resolve(doc.yaml) : node;
    let next: unknown = undefined;
    let nextPair: Pair | undefined;
    if (isMap(resolved)) {
      for (const item of resolved.items) {
        if (isPair(item) && keyText(item.key) === String(segment)) {
          nextPair = item;
          next = item.value;
          break;
        }
      }
      if (!nextPair) break;
    } else if (isSeq(resolved) && typeof segment === 'number' && segment < resolved.items.length) {
      next = resolved.items[segment];
    } else {
      break;
    }
    node = next;
    pair = nextPair;
    depth++;
    if (next === null || next === undefined) break;
  }
  return { node, pair, depth };
}

function lastSegmentIsKey(path: FieldPath, depth: number): boolean {
  return typeof path[depth - 1] === 'string';
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeOf(doc: ParsedDocument, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  return doc.lines.range(start, end);
}

function isSingleLine(doc: ParsedDocument, node: Node): boolean {
  const r = rangeOf(doc, node);
  return r.start.line === r.end.line;
}

/** The part of a (possibly multi-line) node that lies on its first line, trimmed of trailing space. */
function firstLine(doc: ParsedDocument, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  let stop = doc.chunk.text.indexOf('\n', start);
  if (stop === -1 || stop > end) stop = end;
  while (stop > start && /\s/.test(doc.chunk.text[stop - 1])) stop--;
  return doc.lines.range(start, stop);
}
