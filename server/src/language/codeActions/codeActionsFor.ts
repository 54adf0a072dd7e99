import type { Range } from '../findings';
import { documentAtLine } from '../parse/documentAt';
import type { ParsedFile } from '../parse/parseFile';
import type { SchemaBundle } from '../schema/schemaBundle';
import { alignSelectorFixes } from './alignSelectorFix';
import { apiVersionFix } from './apiVersionFix';
import type { FixProvider } from './fixContext';
import { missingImageFix, nameRequiredFix, requiredFieldFix } from './insertFieldFix';
import type { DiagnosticRef, QuickFix } from './quickFix';
import { quoteValueFix } from './quoteValueFix';
import { suppressionFixes } from './suppressionFixes';
import { unknownFieldFix } from './unknownFieldFix';
import { unsupportedValueFix } from './unsupportedValueFix';
import { ownValue } from '../../simulator/model/ownValue';

/** Diagnostic code → the provider of its quick fixes. */
const FIXES: Readonly<Record<string, FixProvider>> = {
  'schema/unknown-field': unknownFieldFix,
  'kustomize/unknown-field': unknownFieldFix,
  'schema/required': requiredFieldFix,
  'schema/type': quoteValueFix,
  'schema/unknown-api-version': apiVersionFix,
  'api/name-required': nameRequiredFix,
  'api/missing-image': missingImageFix,
  'api/unsupported-value': unsupportedValueFix,
};

export interface CodeActionRequest {
  parsed: ParsedFile;
  /** The range the client asks about (file coordinates). */
  range: Range;
  /** The diagnostics the client has there. */
  diagnostics: readonly DiagnosticRef[];
  bundle: SchemaBundle;
}

/** The quick fixes for a range: one provider per diagnostic code, plus fixes found from the document itself. */
export function codeActionsFor(request: CodeActionRequest): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of request.diagnostics) {
    const provider = ownValue(FIXES, String(diagnostic.code ?? ''));
    const doc = documentAtLine(request.parsed.documents, diagnostic.range.start.line);
    if (!provider || !doc) continue;
    fixes.push(...provider({ doc, diagnostic, bundle: request.bundle }));
  }
  const doc = documentAtLine(request.parsed.documents, request.range.start.line);
  if (doc) fixes.push(...alignSelectorFixes(doc, request.range, request.diagnostics));
  // Ignoring a finding comes after fixing it.
  fixes.push(...suppressionFixes(request.parsed, request.diagnostics));
  return fixes;
}
