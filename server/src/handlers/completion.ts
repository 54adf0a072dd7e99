import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completeAt } from '../language/completion/completeAt';
import type { CompletionEntry } from '../language/completion/completionEntry';
import { LineIndex } from '../language/parse/lineIndex';
import { oversizeReason } from '../language/parse/limits';
import { parseChunk } from '../language/parse/parseChunk';
import type { ParsedDocument } from '../language/parse/parsedDocument';
import type { DocumentChunk } from '../language/parse/splitDocuments';
import type { FeatureDeps } from './featureDocument';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  kind: CompletionItemKind.Class,
  module: CompletionItemKind.Module,
};

/** `textDocument/completion`: thin adapter over `completeAt`; never throws (an empty list instead). */
export function completionHandler(deps: FeatureDeps): (params: CompletionParams) => CompletionList {
  return (params) => {
    try {
      const located = locate(deps, params);
      if (!located) return { isIncomplete: false, items: [] };
      const settings = deps.settings();
      const bundle = deps.service.schemas(settings.kubernetesVersion).bundle;
      const entries = completeAt({ doc: located.doc, offset: located.offset, bundle, crds: deps.service.customResources });
      return { isIncomplete: false, items: entries.map(toItem) };
    } catch {
      return { isIncomplete: false, items: [] };
    }
  };
}

/**
 * The document under the cursor: its text runs from the nearest `---` line at or above the cursor
 * to the next one below (the same cut `splitDocuments` makes, read around the cursor only). Its
 * parse is the validator's when current, otherwise only that document is parsed: completion never
 * waits for a whole file. An empty document (just after `---`) completes on its text.
 */
function locate(deps: FeatureDeps, params: CompletionParams): { doc: ParsedDocument; offset: number } | undefined {
  const document = deps.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const text = document.getText();
  if (oversizeReason(text)) return undefined; // over the input budget: no completion
  const offset = document.offsetAt(params.position);
  const chunk = chunkAround(text, offset);
  chunk.line = document.positionAt(chunk.offset).line;
  const state = deps.states.get(params.textDocument.uri);
  const current = state.parsed && state.version === document.version ? findDocument(state.parsed.documents, chunk) : undefined;
  const doc = current ?? parseChunk(chunk)[0] ?? { chunk, root: null, id: {}, lines: new LineIndex(chunk.text), value: undefined, findings: [] };
  return { doc, offset: offset - chunk.offset };
}

const MARKER = /^---(?:[ \t\r\n]|$)/;

function chunkAround(text: string, offset: number): DocumentChunk {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && !isMarker(text, start)) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = text.indexOf('\n', offset);
  while (end !== -1 && !isMarker(text, end + 1)) end = text.indexOf('\n', end + 1);
  const stop = end === -1 ? text.length : end + 1;
  return { text: text.slice(start, stop), offset: start, line: 0 };
}

function isMarker(text: string, lineStart: number): boolean {
  return text.charCodeAt(lineStart) === 45 && MARKER.test(text.slice(lineStart, lineStart + 5));
}

/** The parsed document of a chunk, by binary search on chunk offsets. */
function findDocument(docs: readonly ParsedDocument[], chunk: DocumentChunk): ParsedDocument | undefined {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = docs[mid].chunk;
    if (candidate.offset === chunk.offset) return candidate.text === chunk.text ? docs[mid] : undefined;
    if (candidate.offset < chunk.offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function toItem(entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    textEdit: { range: entry.range, newText: entry.insertText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.additionalEdits ? { additionalTextEdits: entry.additionalEdits } : {}),
  };
}
