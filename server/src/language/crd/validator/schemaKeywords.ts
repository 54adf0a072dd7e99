/**
 * ajv 8's keyword tables for draft-07 (lib/compile/rules.ts and the vocabularies' order), as far as
 * the interpreter needs them: which keywords count as rules, which group (by data type) each belongs
 * to, and which of them the interpreter implements.
 */

/** Keywords ajv registers with a definition (`RULES.all`): a schema with none of them always passes. */
const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  '$comment', 'id', '$ref',
  'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'maxLength', 'minLength', 'pattern',
  'maxProperties', 'minProperties', 'required', 'maxItems', 'minItems', 'uniqueItems', 'type', 'nullable', 'const', 'enum',
  'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else',
  'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties', 'additionalItems', 'items', 'contains',
  'format',
]);

/** The typed rule groups, in ajv's order; a group is used by a schema that has any of its keywords (`format` is in two). */
export const GROUP_KEYWORDS = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'additionalItems', 'items', 'contains', 'uniqueItems'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'],
} as const;

export type GroupType = keyof typeof GROUP_KEYWORDS;

/** Rule keywords the interpreter does not implement: a schema using one is compiled by ajv. */
export const UNINTERPRETED: ReadonlySet<string> = new Set(['id', '$ref', 'const', 'if', 'then', 'else', 'propertyNames', 'dependencies', 'patternProperties', 'additionalItems', 'contains']);

/** Keywords that change how ajv reads a schema without being rules of their own: compiled by ajv too. */
export const UNINTERPRETED_OTHERS: ReadonlySet<string> = new Set(['$id', '$schema', 'definitions', '$defs', '$async', 'discriminator']);

export const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

/** ajv's `alwaysValidSchema`: `true`, `{}`, or an object without any rule keyword. */
export function alwaysValid(schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  for (const key in schema as object) if (RULE_KEYWORDS.has(key)) return false;
  return true;
}

/** Whether a schema has a rule of `group`: then the group's keywords run for data of that type. */
export function usesGroup(schema: Record<string, unknown>, group: GroupType): boolean {
  return GROUP_KEYWORDS[group].some((keyword) => schema[keyword] !== undefined);
}

/** ajv's data type test with `strictNumbers` off (NaN and Infinity are numbers; Infinity an integer). */
export function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !isNaN(data);
    case 'number':
      return typeof data === 'number';
    default:
      return typeof data === type;
  }
}
