import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completeAt } from '../language/completion/completeAt';
import { completeConfigAt } from '../language/config/configEditorFeatures';
import { isDrydockConfigFile } from '../language/projects/projectLayout';
import type { CompletionEntry } from '../language/completion/completionEntry';
import { LineIndex } from '../language/parse/lineIndex';
import { oversizeReason } from '../language/parse/limits';
import { parseChunk } from '../language/parse/parseChunk';
import type { ParsedDocument } from '../language/parse/parsedDocument';
import { chunkAround } from '../language/parse/chunkAround';
import { documentAt } from '../language/parse/documentAt';
import { completeInTemplate } from '../language/helmTemplates/templateYamlFeatures';
import type { FeatureDeps } from './featureDocument';
import { templateValuesAt, templateValuesCompletions } from './templateValues';
import { templateYamlOf } from './templateYaml';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  kind: CompletionItemKind.Class,
  module: CompletionItemKind.Module,
};

const NO_ITEMS: CompletionList = { isIncomplete: false, items: [] };

/**
 * `textDocument/completion`: thin adapter over `completeAt` (at a chart template's `.Values.`, over
 * `valuesCompletions`; elsewhere in a template, over `completeInTemplate`); never throws (an empty list instead).
 */
export function completionHandler(deps: FeatureDeps): (params: CompletionParams) => CompletionList | Promise<CompletionList> {
  return (params) => {
    try {
      const template = templateValuesAt(deps, params.textDocument.uri, params.position);
      if (template) return templateValuesCompletions(deps, template).then((entries) => ({ isIncomplete: false, items: entries.map(toItem) }), () => NO_ITEMS);
      // '.' is a trigger character for `.Values.` only: a manifest completes as it did without it.
      if (params.context?.triggerCharacter === '.') return NO_ITEMS;
      const settings = deps.settings();
      const bundle = deps.service.schemas(settings.kubernetesVersion).withDescriptions();
      // A chart template's YAML parts complete from the schema of the object it renders.
      const yaml = templateYamlOf(deps, params.textDocument.uri);
      if (yaml) return { isIncomplete: false, items: completeInTemplate({ yaml, position: params.position, bundle, crds: deps.service.customResources }).map(toItem) };
      const located = locate(deps, params);
      if (!located) return { isIncomplete: false, items: [] };
      if (isDrydockConfigFile(params.textDocument.uri)) return { isIncomplete: false, items: completeConfigAt(located.doc, located.offset).map(toItem) };
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
  const around = chunkAround(text, offset);
  const chunk = { ...around, line: document.positionAt(around.offset).line };
  const state = deps.states.get(params.textDocument.uri);
  // The validator's parse of that document, when current: the one starting exactly there, with that text.
  const parsed = state.parsed && state.version === document.version ? documentAt(state.parsed.documents, chunk.offset) : undefined;
  const current = parsed && parsed.offset === 0 && parsed.doc.chunk.text === chunk.text ? parsed.doc : undefined;
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
