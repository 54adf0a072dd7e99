import { isPlainObject } from '../../manifests';
import { displayDefinitionName } from '../../schema/schemaValidators';
import type { JsonSchema, SchemaBundle } from '../../schema/schemaBundle';
import type { FieldPath } from '../../../simulator/model/source';

/** A field of the object being walked, with the type (definition) that declares it. */
export interface WalkedField {
  /** The field's path. Valid during the visit only (the walker reuses it): copy it to keep it. */
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
 * (`JSONSchemaProps`) end where the data ends. One path array is reused for the whole walk.
 */
export function walkWithSchema(bundle: SchemaBundle, definition: string, value: unknown, visit: (field: WalkedField) => void): void {
  const names = new Map<string, string>();
  const walker: Walker = { bundle, visit, path: [], names };
  walk(walker, { $ref: `#/definitions/${definition}` }, value, 0);
}

interface Walker {
  bundle: SchemaBundle;
  visit: (field: WalkedField) => void;
  path: Array<string | number>;
  /** Definition name → display name, computed once per walk. */
  names: Map<string, string>;
}

function walk(walker: Walker, schema: JsonSchema, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH || !isPlainObject(value)) return;
  const { resolved, name } = deref(walker.bundle, schema);
  if (!resolved) return;
  const owner = name ? displayName(walker, name) : undefined;
  const { path } = walker;
  for (const key of Object.keys(value)) {
    const child = value[key];
    const childSchema = resolved.properties?.[key] ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
    if (!childSchema) continue;
    path.push(key);
    walker.visit({ path, value: child, owner, field: key, item: false });
    if (Array.isArray(child)) {
      const items = deref(walker.bundle, childSchema).resolved?.items;
      for (let index = 0; index < child.length; index++) {
        path.push(index);
        walker.visit({ path, value: child[index], owner, field: key, item: true });
        if (items) walk(walker, items, child[index], depth + 1);
        path.pop();
      }
    } else if (isPlainObject(child)) walk(walker, childSchema, child, depth + 1);
    path.pop();
  }
}

function displayName(walker: Walker, definition: string): string {
  let name = walker.names.get(definition);
  if (name === undefined) {
    name = displayDefinitionName(definition);
    walker.names.set(definition, name);
  }
  return name;
}

function deref(bundle: SchemaBundle, schema: JsonSchema): { resolved: JsonSchema | undefined; name: string | undefined } {
  let current: JsonSchema | undefined = schema;
  let name: string | undefined;
  for (let i = 0; current?.$ref && i < 8; i++) {
    name = current.$ref.slice(current.$ref.lastIndexOf('/') + 1);
    current = bundle.definitions[name];
  }
  return { resolved: current, name };
}
