// Converts a client model's attribute type text (+ OpenAPI format) into a JSON Schema.
//   string → string (byte format → Base64), Date / V1MicroTime → string, number → integer for
//   int32/int64 else number, boolean, any/object → {} (anything), Array<X> → array of X,
//   { [key: string]: X; } → object whose values are X, IntOrString → IntOrString, model → $ref.
// The format applies to the innermost element (`Array<number>` + int64 is an array of integers).
import { BASE64, INT_OR_STRING, ref } from './sharedDefinitions';
import type { SchemaNode } from './types';

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/;
const INTEGER_FORMATS = new Set(['int32', 'int64']);
/** Types the client declares in hand-written code (`types.ts`) rather than as generated models. */
const TIME_TYPES = new Set(['Date', 'V1MicroTime']);

export function typeToSchema(type: string, format: string, isModel: (name: string) => boolean): SchemaNode {
  const text = type.trim();
  const array = ARRAY.exec(text);
  if (array) return { type: 'array', items: typeToSchema(array[1], format, isModel) };
  const map = MAP.exec(text);
  if (map) return { type: 'object', additionalProperties: typeToSchema(map[1], format, isModel) };

  switch (text) {
    case 'string':
      return format === 'byte' ? ref(BASE64) : { type: 'string' };
    case 'number':
      return { type: INTEGER_FORMATS.has(format) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'any':
    case 'object':
      return {};
    case INT_OR_STRING:
      return ref(INT_OR_STRING);
  }
  if (TIME_TYPES.has(text)) return { type: 'string' };
  if (/^\w+$/.test(text) && isModel(text)) return ref(text);
  throw new Error(`unsupported attribute type "${type}" (format "${format}")`);
}

/** Names of the definitions a schema refers to (directly, not through other definitions). */
export function referencedDefinitions(schema: SchemaNode, into: Set<string> = new Set()): Set<string> {
  if (schema.$ref) into.add(schema.$ref.replace('#/definitions/', ''));
  if (schema.items) referencedDefinitions(schema.items, into);
  if (typeof schema.additionalProperties === 'object') referencedDefinitions(schema.additionalProperties, into);
  for (const property of Object.values(schema.properties ?? {})) referencedDefinitions(property, into);
  for (const branch of schema.anyOf ?? []) referencedDefinitions(branch, into);
  return into;
}
