import { isPlainObject } from '../../manifests';
import { displayDefinitionName } from '../../schema/schemaValidators';
import type { JsonSchema, SchemaBundle } from '../../schema/schemaBundle';
import type { FieldPath } from '../../../simulator/model/source';

/** A field of the object being walked, with the type (definition) that declares it. */
export interface WalkedField {
  path: FieldPath;
  value: unknown;
  /** Display name of the definition declaring the field (`ContainerPort`), when it is a named type. */
  owner: string | undefined;
  /** The field's name; for a list item, the list field's name. */
  field: string;
  /** True for an item of a list field. */
  item: boolean;
}

const MAX_DEPTH = 64;

/**
 * Walks a value alongside its schema and calls `visit` for every field the schema declares (and
 * every item of a list field). Walks the data, not the schema, so recursive definitions
 * (`JSONSchemaProps`) end where the data ends.
 */
export function walkWithSchema(bundle: SchemaBundle, definition: string, value: unknown, visit: (field: WalkedField) => void): void {
  walk(bundle, { $ref: `#/definitions/${definition}` }, value, [], visit, 0);
}

function walk(bundle: SchemaBundle, schema: JsonSchema, value: unknown, path: FieldPath, visit: (field: WalkedField) => void, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const { resolved, name } = deref(bundle, schema);
  if (!resolved) return;
  if (isPlainObject(value)) {
    const owner = name ? displayDefinitionName(name) : undefined;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = resolved.properties?.[key] ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
      if (!childSchema) continue;
      const childPath = [...path, key];
      visit({ path: childPath, value: child, owner, field: key, item: false });
      if (Array.isArray(child)) {
        const items = deref(bundle, childSchema).resolved?.items;
        child.forEach((element, index) => {
          visit({ path: [...childPath, index], value: element, owner, field: key, item: true });
          if (items) walk(bundle, items, element, [...childPath, index], visit, depth + 1);
        });
      } else if (isPlainObject(child)) walk(bundle, childSchema, child, childPath, visit, depth + 1);
    }
  }
}

function deref(bundle: SchemaBundle, schema: JsonSchema): { resolved: JsonSchema | undefined; name: string | undefined } {
  let current: JsonSchema | undefined = schema;
  let name: string | undefined;
  for (let i = 0; current?.$ref && i < 8; i++) {
    name = current.$ref.replace(/^.*#\/definitions\//, '');
    current = bundle.definitions[name];
  }
  return { resolved: current, name };
}
