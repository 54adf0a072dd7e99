import type { CrdRegistry } from '../crd/crdRegistry';
import { shiftRange, type Range } from '../findings';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { SchemaBundle } from '../schema/schemaBundle';
import type { CompletionEntry } from './completionEntry';
import { cursorContext } from './cursorContext';
import { apiVersionCompletions, kindCompletions, newObjectCompletions } from './identityCompletions';
import { keyCompletions } from './keyCompletions';
import { objectAtCursor } from './objectAtCursor';
import { schemaAtPath, shapeOf } from './schemaAtPath';
import { sourceFor } from './sourceFor';
import { valueCompletions } from './valueCompletions';

export interface CompletionRequest {
  doc: ParsedDocument;
  /** Cursor offset in the document's chunk. */
  offset: number;
  bundle: SchemaBundle;
  crds?: CrdRegistry;
}

/**
 * Completion at a cursor: keys valid at that position (required first, present ones left out),
 * values of enumerated fields, apiVersion/kind pairs, and skeletons where a document starts. Works
 * on documents that do not parse, and inside flow collections. Ranges are in file coordinates.
 */
export function completeAt(request: CompletionRequest): CompletionEntry[] {
  const { doc, offset, bundle, crds } = request;
  const ctx = cursorContext(doc.chunk.text, offset);
  const range = shiftRange(doc.lines.range(ctx.replaceStart, ctx.replaceEnd), doc.chunk.line);
  const target = objectAtCursor(doc, ctx.path);
  const source = sourceFor(bundle, crds, target.apiVersion, target.kind);

  if (ctx.position === 'value' && target.path.length === 1 && target.path[0] === 'apiVersion') {
    return apiVersionCompletions(bundle, crds, target.kind, range);
  }
  if (ctx.position === 'value' && target.path.length === 1 && target.path[0] === 'kind') {
    const lineStart = doc.chunk.text.lastIndexOf('\n', ctx.replaceStart - 1) + 1;
    const insertAt: Range | undefined = target.apiVersion || target.objectPath.length ? undefined : shiftRange(doc.lines.range(lineStart, lineStart), doc.chunk.line);
    return kindCompletions(bundle, crds, target.apiVersion, range, insertAt);
  }

  if (ctx.position === 'key' && target.path.length === 0) {
    const entries: CompletionEntry[] = [];
    if (source) {
      const root = source.deref(source.root);
      if (root) entries.push(...keyCompletions(source, root, source.refName(source.root), ctx, range));
    } else {
      for (const key of ['apiVersion', 'kind', 'metadata']) {
        if (!ctx.siblings.has(key)) entries.push({ label: key, kind: 'property', insertText: ctx.hasColon || ctx.flow ? key : key === 'metadata' ? 'metadata:\n  name: $0' : `${key}: $0`, snippet: !ctx.hasColon && !ctx.flow, range, sortText: `0${key}` });
      }
    }
    if (!ctx.flow && !ctx.siblings.has('apiVersion') && !ctx.siblings.has('kind') && target.objectPath.length === 0) entries.push(...newObjectCompletions(bundle, crds, range));
    return entries;
  }
  if (!source) return [];

  const field = schemaAtPath(source, target.path);
  if (!field) return [];
  if (ctx.position === 'key') {
    if (ctx.itemStart && shapeOf(source, field.declared) !== 'map') return valueCompletions(field, range);
    return keyCompletions(source, field.resolved, field.definition, ctx, range);
  }
  return valueCompletions(field, range);
}
