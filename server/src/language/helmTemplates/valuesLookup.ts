import type { ParsedDocument } from '../parse/parsedDocument';
import type { YMap, YNode, YPair } from '../parse/yamlNode';

/**
 * Reading a chart's values.yaml (its first YAML document, parsed with `parseFile`) by key path, as a
 * template's `.Values.a.b` reads it: the key, its value's type, a one-line preview and its source.
 */

/** A key a template can reach with `.Values.key` (Go field syntax: `index` is needed for any other). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Lines of a value's source shown at most. */
const MAX_BLOCK_LINES = 12;
/** Characters of a one-line preview shown at most. */
const MAX_PREVIEW = 40;

export function isFieldName(key: string): boolean {
  return FIELD_NAME.test(key);
}

/** The mapping at a key path (the root for `[]`), or undefined when the path leads to no mapping. */
export function mapAt(doc: ParsedDocument, path: readonly string[]): YMap | undefined {
  let node: YNode | null = doc.root;
  for (const key of path) {
    if (node?.kind !== 'map') return undefined;
    node = pairIn(node, key)?.value ?? null;
  }
  return node?.kind === 'map' ? node : undefined;
}

/** The pair of a map with this key. */
export function pairIn(map: YMap, key: string): YPair | undefined {
  return map.items.find((pair) => String(pair.key.value) === key);
}

/** `string`, `number`, `boolean`, `null`, `map` or `list`. */
export function typeOfValue(node: YNode | null): string {
  if (!node) return 'null';
  if (node.kind === 'map') return 'map';
  if (node.kind === 'seq') return 'list';
  return node.value === null ? 'null' : typeof node.value;
}

/** A value in one short line: a scalar as written, a map's keys, a list's length. */
export function previewOf(doc: ParsedDocument, node: YNode | null): string {
  if (!node) return 'null';
  if (node.kind === 'map') return clip(`{${node.items.map((pair) => String(pair.key.value)).join(', ')}}`);
  if (node.kind === 'seq') return `[${node.items.length} item${node.items.length === 1 ? '' : 's'}]`;
  return clip(doc.chunk.text.slice(node.range[0], node.range[1]).split('\n')[0]);
}

function clip(text: string): string {
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}

/** A key and its value as written in values.yaml, dedented, at most MAX_BLOCK_LINES lines. */
export function sourceOf(doc: ParsedDocument, pair: YPair): string {
  const text = doc.chunk.text;
  const lineStart = text.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
  const end = pair.value ? pair.value.range[1] : pair.key.range[1] + 1;
  const lines = text.slice(lineStart, end).replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  const shown = lines.slice(0, MAX_BLOCK_LINES).map((line) => line.slice(indent));
  if (lines.length > MAX_BLOCK_LINES) shown.push('# …');
  return shown.join('\n');
}

/** The comment lines right above a key (`# -- The image tag` → `The image tag`), as chart authors document values. */
export function commentAbove(doc: ParsedDocument, pair: YPair): string | undefined {
  const text = doc.chunk.text;
  const comments: string[] = [];
  let lineEnd = text.lastIndexOf('\n', pair.key.range[0] - 1);
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).trim();
    if (!line.startsWith('#')) break;
    comments.unshift(line.replace(/^#+\s?(?:--\s?)?/, ''));
    lineEnd = lineStart - 1;
  }
  const joined = comments.join('\n').trim();
  return joined === '' ? undefined : joined;
}

/** The 0-based file line of a key. */
export function lineOf(doc: ParsedDocument, pair: YPair): number {
  return doc.chunk.line + doc.lines.position(pair.key.range[0]).line;
}
