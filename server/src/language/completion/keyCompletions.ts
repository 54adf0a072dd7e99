import * as l10n from '@vscode/l10n';
import { displayDefinitionName } from '../schema/schemaValidators';
import type { JsonSchema } from '../schema/schemaBundle';
import type { Range } from '../findings';
import { enumValuesOf } from '../rules/facts/enumValues';
import { snippetText, type CompletionEntry } from './completionEntry';
import type { CursorContext } from './cursorContext';
import { shapeOf, typeLabel } from './schemaAtPath';
import type { SchemaSource } from './schemaSource';

/**
 * The keys of a mapping schema that are not in the mapping yet, required ones first. Inserts
 * `key: ` for scalars (with a choice for enumerated and boolean fields), and opens a nested block
 * for mappings and lists; in flow collections, single-line text only.
 */
export function keyCompletions(source: SchemaSource, mapping: JsonSchema, ownerDefinition: string | undefined, ctx: CursorContext, range: Range): CompletionEntry[] {
  const properties = mapping.properties ?? {};
  const required = new Set(mapping.required ?? []);
  const owner = ownerDefinition ? displayDefinitionName(ownerDefinition) : undefined;
  const entries: CompletionEntry[] = [];
  for (const [name, declared] of Object.entries(properties)) {
    if (ctx.siblings.has(name)) continue;
    const isRequired = required.has(name);
    const type = typeLabel(source, declared);
    const description = declared.description ?? source.deref(declared)?.description;
    entries.push({
      label: name,
      kind: 'property',
      detail: isRequired ? l10n.t('{0} (required)', type) : type,
      ...(description ? { documentation: description } : {}),
      ...insertion(source, name, declared, enumValuesOf(owner, name), ctx),
      range,
      sortText: `${isRequired ? '0' : '1'}${name}`,
      filterText: name,
    });
  }
  return entries;
}

function insertion(source: SchemaSource, name: string, declared: JsonSchema, enumValues: readonly string[] | undefined, ctx: CursorContext): { insertText: string; snippet: boolean } {
  if (ctx.hasColon) return { insertText: name, snippet: false };
  const key = snippetText(name);
  if (ctx.flow) return { insertText: `${key}: $0`, snippet: true };
  const shape = shapeOf(source, declared);
  if (shape === 'map') return { insertText: `${key}:\n  $0`, snippet: true };
  if (shape === 'list') return { insertText: `${key}:\n  - $0`, snippet: true };
  const resolved = source.deref(declared);
  const choices = enumValues ?? (resolved?.enum?.every((v) => typeof v === 'string') ? (resolved.enum as string[]) : resolved?.type === 'boolean' ? ['true', 'false'] : undefined);
  if (choices?.length) return { insertText: `${key}: \${1|${choices.map((c) => c.replace(/[,|\\$}]/g, (m) => `\\${m}`)).join(',')}|}`, snippet: true };
  return { insertText: `${key}: $0`, snippet: true };
}
