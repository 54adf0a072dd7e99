import type { Range } from '../findings';

/** One completion proposal, LSP-shaped but free of the protocol library (the handler converts it). */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'enum' | 'snippet' | 'kind' | 'module';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text replacing `range`; snippet syntax when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  range: Range;
  sortText?: string;
  filterText?: string;
  additionalEdits?: Array<{ range: Range; newText: string }>;
}

/** Escapes text for use inside a snippet (`$`, `}` and `\` are special). */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
