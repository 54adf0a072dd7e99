import * as l10n from '@vscode/l10n';
import { isListKind, isPlainObject, listItemsOf } from '../manifests';
import { nodeAt } from '../parse/locate';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { ParsedFile } from '../parse/parseFile';
import { shiftRange, type Range } from '../findings';
import type { FieldPath, KubeObject } from '../../simulator/model/source';

/** One entry of the outline: `Kind/name` for each document (and each item of a List). */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  /** The whole document (or item), file coordinates. */
  range: Range;
  /** The `kind` value, or the document's first line. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The outline of a file: one symbol per YAML document, named `Kind/name` (List items nested). */
export function documentSymbols(parsed: ParsedFile): OutlineSymbol[] {
  return parsed.documents.flatMap((doc) => {
    const range = documentRange(doc);
    if (!range) return [];
    const value = isPlainObject(doc.value) ? (doc.value as KubeObject) : undefined;
    const symbol = symbolFor(doc, value, [], range);
    if (value && isListKind(value)) {
      for (const { index, object } of listItemsOf(value)) {
        const node = nodeAt(doc, ['items', index]);
        if (node) symbol.children.push(symbolFor(doc, object, ['items', index], shiftRange(doc.lines.range(node.range[0], node.range[1]), doc.chunk.line)));
      }
    }
    return [symbol];
  });
}

function symbolFor(doc: ParsedDocument, object: KubeObject | undefined, path: FieldPath, range: Range): OutlineSymbol {
  const kind = typeof object?.kind === 'string' ? object.kind : undefined;
  const name = typeof object?.metadata?.name === 'string' ? object.metadata.name : typeof object?.metadata?.generateName === 'string' ? `${object.metadata.generateName}*` : undefined;
  const kindNode = nodeAt(doc, [...path, 'kind']);
  const selectionRange = kindNode ? shiftRange(doc.lines.range(kindNode.range[0], kindNode.range[1]), doc.chunk.line) : { start: range.start, end: range.start };
  const namespace = typeof object?.metadata?.namespace === 'string' ? object.metadata.namespace : undefined;
  return {
    name: `${kind ?? 'document'}/${name ?? '(unnamed)'}`,
    ...(object?.apiVersion || namespace ? { detail: [object?.apiVersion, namespace && l10n.t('ns {0}', namespace)].filter(Boolean).join(' · ') } : {}),
    range,
    selectionRange,
    children: [],
  };
}

/**
 * A document's range in the file: from its first content line (after a `---` marker) to the end of
 * its last non-blank line. Undefined for a document with no content.
 */
export function documentRange(doc: ParsedDocument): Range | undefined {
  const text = doc.chunk.text;
  let start = 0;
  if (/^---/.test(text)) {
    const newline = text.indexOf('\n');
    start = newline === -1 ? text.length : newline + 1;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return undefined;
  return shiftRange(doc.lines.range(start, end), doc.chunk.line);
}
