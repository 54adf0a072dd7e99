import * as l10n from '@vscode/l10n';
import { needsReason } from '../config/applySuppressions';
import { IGNORE_ANNOTATION, parseCodeList } from '../config/suppressionDirectives';
import { isListKind, isPlainObject } from '../manifests';
import type { KubeObject } from '../../simulator/model/source';
import { documentAtLine } from '../parse/documentAt';
import { nodeAt } from '../parse/locate';
import type { ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import { edit, insertIntoMap } from './yamlEdits';
import type { DiagnosticRef, QuickFix, TextEditRef } from './quickFix';

const NEXT_LINE = /^(\s*#\s*drydock-disable-next-line\s+)(.*)$/;

/**
 * "Ignore CODE for this line" (a `# drydock-disable-next-line` comment above the finding's line, or
 * the code added to the one already there) and "Ignore CODE for this object" (the `drydock.io/ignore`
 * annotation), for every Drydock finding but the suppressions' own and YAML errors. A finding that is suppressed only
 * with a reason (an error of YAML or schema validation) gets ` -- ` to write it after.
 */
export function suppressionFixes(parsed: ParsedFile, diagnostics: readonly DiagnosticRef[]): QuickFix[] {
  const fixes: QuickFix[] = [];
  const lines = parsed.text.split('\n');
  for (const diagnostic of diagnostics) {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    // A YAML error is fixed, not ignored: the file does not parse (a comment with a reason still suppresses one).
    if (!code || code.startsWith('meta/') || code.startsWith('yaml/') || !code.includes('/')) continue;
    const reasonTail = needsReason({ code, severity: diagnostic.severity === 1 ? 'error' : 'warning' }) ? ' -- ' : '';
    const line = diagnostic.range.start.line;
    fixes.push({ title: l10n.t('Ignore {0} for this line', code), edits: [lineEdit(lines, line, code, reasonTail)], diagnostic });
    const doc = documentAtLine(parsed.documents, line);
    const objectEdit = doc ? annotationEdit(doc, code, reasonTail) : undefined;
    if (objectEdit) fixes.push({ title: l10n.t('Ignore {0} for this object', code), edits: [objectEdit], diagnostic });
  }
  return fixes;
}

function lineEdit(lines: readonly string[], line: number, code: string, reasonTail: string): TextEditRef {
  const above = line > 0 ? NEXT_LINE.exec(lines[line - 1].replace(/\r$/, '')) : null;
  if (above) {
    // The comment above already disables codes for this line: add this one to its list.
    const { codes } = parseCodeList(above[2], above[1].length);
    const last = codes[codes.length - 1];
    if (last) return { range: { start: { line: line - 1, character: last.end }, end: { line: line - 1, character: last.end } }, newText: `,${code}` };
  }
  const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# drydock-disable-next-line ${code}${reasonTail}\n` };
}

function annotationEdit(doc: ParsedDocument, code: string, reasonTail: string): TextEditRef | undefined {
  // (A List's own annotation covers none of its items: its items are the objects.)
  if (!isPlainObject(doc.value) || typeof doc.value.kind !== 'string' || isListKind(doc.value as KubeObject)) return undefined;
  const existing = nodeAt(doc, ['metadata', 'annotations', IGNORE_ANNOTATION]);
  if (existing?.kind === 'scalar') {
    const { codes, reason } = parseCodeList(String(existing.value ?? ''), 0);
    const value = `${[...codes.map((c) => c.code), code].join(',')}${reason ? ` -- ${reason}` : reasonTail}`;
    return edit(doc, existing.range[0], existing.range[1], JSON.stringify(value));
  }
  const entry = `${IGNORE_ANNOTATION}: ${JSON.stringify(code + reasonTail)}`;
  const annotations = nodeAt(doc, ['metadata', 'annotations']);
  if (annotations?.kind === 'map') return insertIntoMap(doc, annotations, [entry]);
  const metadata = nodeAt(doc, ['metadata']);
  if (metadata?.kind === 'map' && !annotations) return insertIntoMap(doc, metadata, ['annotations:', `  ${entry}`]);
  return undefined;
}
