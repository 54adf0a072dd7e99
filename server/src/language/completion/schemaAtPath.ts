import { orList } from '../messageLists';
import * as l10n from '@vscode/l10n';
import { displayDefinitionName } from '../schema/schemaValidators';
import type { JsonSchema } from '../schema/schemaBundle';
import type { FieldPath } from '../../simulator/model/source';
import type { SchemaSource } from './schemaSource';

/** A field of the schema, found by path: what completion, hover and quick fixes need to know of it. */
export interface FieldSchema {
  /** The field's schema as its owner declares it (may be a `$ref`). */
  declared: JsonSchema;
  /** The same after following references. */
  resolved: JsonSchema;
  /** The definition the field refers to (`V1Container`), if any. */
  definition: string | undefined;
  /** The last string segment of the path (the field's name; for a list item, the list's name). */
  name: string | undefined;
  /** The definition declaring the field (`V1ContainerPort`), if named; for a list item, the list's owner. */
  ownerDefinition: string | undefined;
  /** True when the field is a list item (the path ends in an index). */
  item: boolean;
  required: boolean;
}

/**
 * Walks a schema along a field path (numbers step into list items, strings into properties or map
 * values). Undefined when the path leaves the schema.
 */
export function schemaAtPath(source: SchemaSource, path: FieldPath): FieldSchema | undefined {
  let declared = source.root;
  let resolved = source.deref(declared);
  let definition = source.refName(declared);
  let name: string | undefined;
  let ownerDefinition: string | undefined;
  let item = false;
  let required = false;
  for (const segment of path) {
    if (!resolved) return undefined;
    if (typeof segment === 'number') {
      const items = resolved.items;
      if (!items) return undefined;
      declared = items;
      item = true;
    } else {
      const property = resolved.properties?.[segment];
      const next = property ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
      if (!next) return undefined;
      ownerDefinition = definition;
      required = property !== undefined && (resolved.required ?? []).includes(segment);
      name = segment;
      declared = next;
      item = false;
    }
    definition = source.refName(declared);
    resolved = source.deref(declared);
  }
  if (!resolved) return undefined;
  return { declared, resolved, definition, name, ownerDefinition, item, required };
}

/** The field's description: its own, or (as the generator drops it on references) its type's. */
export function descriptionOf(field: FieldSchema): string | undefined {
  return field.declared.description ?? field.resolved.description;
}

/** A short type name for people: `integer`, `string`, `[]Container`, `map[string]string`, `Quantity`, `int-or-string`. */
export function typeLabel(source: SchemaSource, declared: JsonSchema): string {
  const name = source.refName(declared);
  if (name === 'Quantity') return l10n.t('Quantity (string or number)');
  if (name === 'IntOrString') return l10n.t('integer or string');
  if (name === 'Base64') return l10n.t('string (base64)');
  if (name) return displayDefinitionName(name);
  const resolved = source.deref(declared) ?? declared;
  if (resolved.anyOf) return orList(resolved.anyOf.map((branch) => typeLabel(source, branch)));
  if (resolved.type === 'array') return `[]${resolved.items ? typeLabel(source, resolved.items) : 'any'}`;
  if (resolved.type === 'object' && !resolved.properties && typeof resolved.additionalProperties === 'object') return `map[string]${typeLabel(source, resolved.additionalProperties)}`;
  if (Array.isArray(resolved.type)) return orList(resolved.type.filter((t) => t !== 'null'));
  if (typeof resolved.type === 'string') return resolved.type;
  return resolved.properties ? 'object' : 'any';
}

/** How a value of this schema is written: a mapping, a list, or a scalar. */
export function shapeOf(source: SchemaSource, declared: JsonSchema): 'map' | 'list' | 'scalar' {
  const resolved = source.deref(declared);
  if (!resolved) return 'scalar';
  if (resolved.type === 'array') return 'list';
  if (resolved.type === 'object' || resolved.properties || typeof resolved.additionalProperties === 'object') return 'map';
  return 'scalar';
}
