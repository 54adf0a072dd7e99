import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../language/languageService';
import { parseFile, type ParsedFile } from '../language/parse/parseFile';
import { oversizeReason } from '../language/parse/limits';
import { stripBom } from '../language/parse/stripBom';
import type { ProjectLayout } from '../language/projects/projectLayout';
import type { ServerSettings } from '../settings';
import type { DocumentStates } from './documentState';

/** What the editor-feature handlers (completion, hover, quick fixes, outline) read. */
export interface FeatureDeps {
  documents: TextDocuments<TextDocument>;
  states: DocumentStates;
  service: LanguageService;
  settings: () => ServerSettings;
  /** Where the workspace's charts are: a chart template's `.Values` completion and hover read its chart's values.yaml. */
  layout: () => ProjectLayout;
}

/**
 * The parsed text of an open document: the validator's parse when it is current, otherwise a parse
 * through the document's chunk cache (so only edited documents are parsed again).
 */
export function parsedFileOf(deps: FeatureDeps, uri: string): { document: TextDocument; parsed: ParsedFile } | undefined {
  const document = deps.documents.get(uri);
  if (!document) return undefined;
  const state = deps.states.get(uri);
  if (state.parsed && state.version === document.version) return { document, parsed: state.parsed };
  const text = stripBom(document.getText());
  // Over the input budget the file has no documents for any feature (validation publishes the note).
  if (oversizeReason(text)) return { document, parsed: { text, documents: [] } };
  return { document, parsed: parseFile(text, state.chunks) };
}
