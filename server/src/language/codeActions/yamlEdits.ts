import { shiftRange } from '../findings';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YMap, YNode } from '../parse/yamlNode';
import type { TextEditRef } from './quickFix';

/** An edit of a document's chunk text (offsets), in file coordinates. */
export function edit(doc: ParsedDocument, start: number, end: number, newText: string): TextEditRef {
  return { range: shiftRange(doc.lines.range(start, end), doc.chunk.line), newText };
}

/** The end of a node's content: its range without trailing white space (parsers differ on it). */
export function contentEnd(doc: ParsedDocument, start: number, end: number): number {
  let stop = end;
  while (stop > start && /\s/.test(doc.chunk.text[stop - 1])) stop--;
  return stop;
}

export function columnOf(doc: ParsedDocument, offset: number): number {
  return offset - (doc.chunk.text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Adds `lines` (one field, possibly with nested lines indented relative to it) to a mapping: in a
 * block mapping as its first field at the mapping's indentation, in a flow mapping after its last field.
 */
export function insertIntoMap(doc: ParsedDocument, map: YMap, lines: string[]): TextEditRef {
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (!last) return edit(doc, map.range[0] + 1, map.range[0] + 1, lines.join(' '));
    const end = last.value?.range[1] ?? last.key.range[1];
    return edit(doc, end, end, `, ${toFlow(lines)}`);
  }
  const start = map.items[0]?.key.range[0] ?? map.range[0];
  const indent = ' '.repeat(columnOf(doc, start));
  return edit(doc, start, start, `${lines.map((line, i) => (i === 0 ? line : indent + line)).join('\n')}\n${indent}`);
}

/** Adds a field under a key that has no value yet (`metadata:` with nothing after it). */
export function insertUnderKey(doc: ParsedDocument, keyEnd: number, keyColumn: number, lines: string[]): TextEditRef {
  const lineEnd = doc.chunk.text.indexOf('\n', keyEnd);
  const at = lineEnd === -1 ? doc.chunk.text.length : lineEnd;
  const indent = ' '.repeat(keyColumn + 2);
  return edit(doc, at, at, lines.map((line) => `\n${indent}${line}`).join(''));
}

/** `["a:", "  b: c"]` → `a: {b: c}` is not attempted: nested lines only come with block mappings. */
function toFlow(lines: string[]): string {
  return lines.length === 1 ? lines[0] : lines.map((l) => l.trim()).join(' ');
}

/**
 * The mapping a finding about "this object" points at: the value of the key that starts at
 * `offset`, the root, or a list item that starts there.
 */
export function mapStartingAt(root: YNode | null, offset: number): { map?: YMap; emptyKey?: { end: number; start: number } } {
  const search = (node: YNode | null): { map?: YMap; emptyKey?: { end: number; start: number } } | undefined => {
    if (!node) return undefined;
    if (node.kind === 'map') {
      if (node.range[0] === offset) return { map: node };
      for (const pair of node.items) {
        if (pair.key.range[0] === offset) {
          if (pair.value?.kind === 'map') return { map: pair.value };
          if (pair.value === null) return { emptyKey: { start: pair.key.range[0], end: pair.key.range[1] } };
          return undefined;
        }
        if (pair.value && pair.value.range[0] <= offset && offset <= pair.value.range[1]) {
          const found = search(pair.value);
          if (found) return found;
        }
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        if (item && item.range[0] <= offset && offset <= item.range[1]) {
          const found = search(item);
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  return search(root) ?? {};
}
