import type { Range } from '../findings';
import type { FieldPath } from '../../simulator/model/source';
import type { ParsedDocument } from './parsedDocument';
import type { YNode, YPair } from './yamlNode';

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
  if (!wantKey && node && isSingleLine(doc, node)) return { range: rangeOf(doc, node), depth };
  if (pair && depth > 0 && typeof path[depth - 1] === 'string') return { range: rangeOf(doc, pair.key), depth };
  if (node) return { range: firstLine(doc, node), depth };
  const start = doc.root?.range[0] ?? 0;
  return { range: doc.lines.range(start, start), depth };
}

/** The source text of the scalar at a path (e.g. `yes` where the value is the boolean true), if any. */
export function scalarSourceAt(doc: ParsedDocument, path: FieldPath): string | undefined {
  const { node, depth } = walk(doc, path);
  if (depth !== path.length || node?.kind !== 'scalar') return undefined;
  return doc.chunk.text.slice(node.range[0], node.range[1]);
}

/** The node at a path (undefined when the path leaves the tree), and the pair that holds it. */
export function nodeAt(doc: ParsedDocument, path: FieldPath): YNode | null | undefined {
  const walked = walk(doc, path);
  return walked.depth === path.length ? walked.node : undefined;
}

function walk(doc: ParsedDocument, path: FieldPath): { node: YNode | null; pair: YPair | undefined; depth: number } {
  let node: YNode | null = doc.root;
  let pair: YPair | undefined;
  let depth = 0;
  for (const segment of path) {
    if (!node) break;
    let next: YNode | null = null;
    let nextPair: YPair | undefined;
    if (node.kind === 'map') {
      const wanted = String(segment);
      nextPair = node.items.find((item) => String(item.key.value) === wanted);
      if (!nextPair) break;
      next = nextPair.value;
    } else if (node.kind === 'seq' && typeof segment === 'number' && segment < node.items.length) {
      next = node.items[segment];
    } else {
      break;
    }
    node = next;
    pair = nextPair;
    depth++;
  }
  return { node, pair, depth };
}

function rangeOf(doc: ParsedDocument, node: { range: [number, number] }): Range {
  return doc.lines.range(node.range[0], node.range[1]);
}

function isSingleLine(doc: ParsedDocument, node: YNode): boolean {
  const r = rangeOf(doc, node);
  return r.start.line === r.end.line;
}

/** The part of a (possibly multi-line) node that lies on its first line, trimmed of trailing space. */
function firstLine(doc: ParsedDocument, node: YNode): Range {
  const [start, end] = node.range;
  let stop = doc.chunk.text.indexOf('\n', start);
  if (stop === -1 || stop > end) stop = end;
  while (stop > start && /\s/.test(doc.chunk.text[stop - 1])) stop--;
  return doc.lines.range(start, stop);
}
