import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completeAt } from '../language/completion/completeAt';
import type { CompletionEntry } from '../language/completion/completionEntry';
import { LineIndex } from '../language/parse/lineIndex';
import { parseChunk, type ParsedDocument } from '../language/parse/parseChunk';
import { splitDocuments, type DocumentChunk } from '../language/parse/splitDocuments';
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
 * The document under the cursor, found by cutting the text into its documents (a line scan). Its
 * parse is the validator's when current, otherwise only that document is parsed: completion never
 * waits for a whole file. An empty document (just after `---`) completes on its text.
 */
function locate(deps: FeatureDeps, params: CompletionParams): { doc: ParsedDocument; offset: number } | undefined {
  const document = deps.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const offset = document.offsetAt(params.position);
  let chunk: DocumentChunk | undefined;
  for (const candidate of splitDocuments(document.getText())) {
    if (candidate.offset > offset) break;
    chunk = candidate;
  }
  if (!chunk) return undefined;
  const state = deps.states.get(params.textDocument.uri);
  const current = state.parsed && state.version === document.version ? state.parsed.documents.find((d) => d.chunk.offset === chunk.offset && d.chunk.text === chunk.text) : undefined;
  const doc = current ?? parseChunk(chunk)[0] ?? { chunk, root: null, id: {}, lines: new LineIndex(chunk.text), value: undefined, findings: [] };
  return { doc, offset: offset - chunk.offset };
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
