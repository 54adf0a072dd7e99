import * as l10n from '@vscode/l10n';
import { objectAtCursor } from '../completion/objectAtCursor';
import { displayDefinitionName } from '../schema/schemaValidators';
import type { JsonSchema, SchemaBundle } from '../schema/schemaBundle';
import { dataOf, type FixContext, type FixProvider } from './fixContext';
import { offsetIn } from '../parse/documentAt';
import type { QuickFix } from './quickFix';
import { columnOf, insertIntoMap, insertUnderKey, mapStartingAt } from './yamlEdits';

/** `schema/required` → insert the missing field with an empty value of its type. */
export const requiredFieldFix: FixProvider = (ctx) => {
  const { field, definition } = dataOf(ctx.diagnostic);
  if (typeof field !== 'string') return [];
  const declared = typeof definition === 'string' ? ctx.bundle.definitions[definition]?.properties?.[field] : undefined;
  return insertField(ctx, field, [`${field}: ${placeholder(ctx.bundle, declared)}`]);
};

/** `api/name-required` → add `metadata.name` (and `metadata` itself when it is missing). */
export const nameRequiredFix: FixProvider = (ctx) => {
  const { insertAt } = dataOf(ctx.diagnostic);
  const start = offsetIn(ctx.doc, ctx.diagnostic.range.start);
  const kind = objectAtCursor(ctx.doc, []).kind ?? 'object';
  const name = `my-${kind.toLowerCase()}`;
  if (insertAt === 'root') return insertField(ctx, 'metadata', ['metadata:', `  name: ${name}`], start);
  return insertField(ctx, 'name', [`name: ${name}`], start);
};

/** `api/missing-image` → add an `image` to the container. */
export const missingImageFix: FixProvider = (ctx) => insertField(ctx, 'image', ['image: ""']);

function insertField(ctx: FixContext, field: string, lines: string[], at = offsetIn(ctx.doc, ctx.diagnostic.range.start)): QuickFix[] {
  const { map, emptyKey } = mapStartingAt(ctx.doc.root, at);
  let edit;
  if (map) edit = insertIntoMap(ctx.doc, map, lines);
  else if (emptyKey) edit = insertUnderKey(ctx.doc, emptyKey.end, columnOf(ctx.doc, emptyKey.start), lines);
  else return [];
  return [{ title: l10n.t('Add missing field `{0}`', field), edits: [edit], diagnostic: ctx.diagnostic, preferred: true }];
}

/** An empty value of a field's type: `{}`, `[]`, `""`, `0`, `false`. */
function placeholder(bundle: SchemaBundle, declared: JsonSchema | undefined): string {
  let schema = declared;
  for (let i = 0; schema?.$ref && i < 8; i++) schema = bundle.definitions[schema.$ref.replace(/^.*#\/definitions\//, '')];
  const ref = declared?.$ref ? displayDefinitionName(declared.$ref.replace(/^.*#\/definitions\//, '')) : undefined;
  if (ref === 'IntOrString' || ref === 'Quantity') return '0';
  if (!schema) return '""';
  if (schema.type === 'array') return '[]';
  if (schema.type === 'object' || schema.properties) return '{}';
  if (schema.type === 'integer' || schema.type === 'number') return '0';
  if (schema.type === 'boolean') return 'false';
  return '""';
}
