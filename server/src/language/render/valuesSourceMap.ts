import { shiftRange, type Range } from '../findings';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parseFile';
import type { YNode } from '../parse/yamlNode';

/**
 * Finds a values path (as `locateInTemplate` gives it) in a chart's values file: the file range of the
 * key of the deepest entry that exists, and how many segments were found. A segment made of digits
 * reads as an index where the values hold a sequence (`['tolerations', '0', 'key']`). Undefined when
 * not even the first segment is in the file.
 */
export function locateInValues(valuesText: string, valuesPath: readonly string[]): { range: Range; depth: number } | undefined {
  const doc = parseFile(valuesText).documents.find((document) => document.root !== null);
  if (!doc || valuesPath.length === 0) return undefined;
  const found = locate(doc, withIndices(doc.root, valuesPath), 'key');
  if (found.depth === 0) return undefined;
  return { range: shiftRange(found.range, doc.chunk.line), depth: found.depth };
}

/** The path with its digit segments turned into numbers where they index a sequence. */
function withIndices(root: YNode | null, path: readonly string[]): Array<string | number> {
  const result: Array<string | number> = [];
  let node = root;
  for (const segment of path) {
    if (node?.kind === 'seq' && /^(?:0|[1-9]\d*)$/.test(segment)) {
      result.push(Number(segment));
      node = node.items[Number(segment)] ?? null;
    } else {
      result.push(segment);
      node = node?.kind === 'map' ? (node.items.find((pair) => String(pair.key.value) === segment)?.value ?? null) : null;
    }
  }
  return result;
}
