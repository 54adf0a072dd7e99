import type { ParsedDocument } from '../parse/parsedDocument';
import type { SchemaBundle } from '../schema/schemaBundle';
import type { DiagnosticRef, QuickFix } from './quickFix';

/** What a quick-fix provider sees: the document of the diagnostic, and the schemas. */
export interface FixContext {
  doc: ParsedDocument;
  diagnostic: DiagnosticRef;
  bundle: SchemaBundle;
}

/** Produces the fixes for one diagnostic code (none when the diagnostic's data does not allow it). */
export type FixProvider = (ctx: FixContext) => QuickFix[];

export function dataOf(diagnostic: DiagnosticRef): Record<string, unknown> {
  return diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
}
