import type { ParsedFile } from '../parse/parseFile';
import type { YNode } from '../parse/yamlNode';
import { documentRange } from './documentSymbols';

export interface FoldingSpan {
  startLine: number;
  endLine: number;
}

/** Folding per document, and for every mapping or list value that spans several lines. */
export function foldingRanges(parsed: ParsedFile): FoldingSpan[] {
  const spans: FoldingSpan[] = [];
  for (const doc of parsed.documents) {
    const range = documentRange(doc);
    if (range && range.end.line > range.start.line) spans.push({ startLine: range.start.line, endLine: range.end.line });
    const visit = (node: YNode | null, startLine: number | undefined): void => {
      if (!node || node.kind === 'scalar') return;
      if (startLine !== undefined) {
        let end = node.range[1];
        while (end > node.range[0] && /\s/.test(doc.chunk.text[end - 1])) end--;
        const last = doc.lines.position(end).line + doc.chunk.line;
        if (last > startLine) spans.push({ startLine, endLine: last });
      }
      if (node.kind === 'map') {
        for (const pair of node.items) visit(pair.value, doc.lines.position(pair.key.range[0]).line + doc.chunk.line);
      } else {
        for (const item of node.items) if (item) visit(item, doc.lines.position(item.range[0]).line + doc.chunk.line);
      }
    };
    visit(doc.root, undefined);
  }
  return spans;
}
