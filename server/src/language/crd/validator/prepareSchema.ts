import { duplicateItems } from './duplicateItems';
import { alwaysValid, hasType, JSON_TYPES, UNINTERPRETED, UNINTERPRETED_OTHERS, usesGroup, type GroupType } from './schemaKeywords';

/** What ajv's generated code knows about one schema object, worked out once. */
export interface SchemaNode {
  /** `type` as a list, with `null` added by `nullable: true` (ajv's getSchemaTypes). */
  types: string[];
  /** The type is checked before any keyword (else in the group of its single type, when that group is used). */
  checkTypesFirst: boolean;
  /** The single type whose group reports a wrong type (ajv: in the group's else branch). */
  typeErrorIn: GroupType | undefined;
  groups: Record<GroupType, boolean>;
  /** `properties` keys checked (ajv skips `__proto__` and schemas without rules). */
  checkedProperties: string[];
  /** `properties` keys as additionalProperties reads them (all but `__proto__`). */
  knownProperties: string[];
  /** The types of `items`, for uniqueItems (ajv compares scalars by a hash, anything else pairwise). */
  itemTypes: string[];
  /**
   * `type` as a type error reports it: ajv's compile adds `null` to a `type` list in place when the
   * schema says `nullable: true` (a `type` string it leaves alone).
   */
  reportedType: unknown;
}

export interface PreparedSchema {
  nodes: WeakMap<object, SchemaNode>;
  patterns: Map<string, RegExp>;
}

/**
 * Readies a converted CRD schema for interpretSchema.ts, deciding as ajv's `compile` would:
 * - 'uninterpreted': the schema uses a keyword the interpreter does not implement (ajv compiles it);
 * - 'refused': ajv would refuse to compile it, so it validates nothing: the draft-07 meta-schema
 *   rejects it (a non-string description, duplicate `required` or `enum` entries, a negative
 *   `minLength`, ...), or its code cannot be generated (a pattern that is no `u`-flag RegExp,
 *   `nullable` without `type`, `nullable: false` with a `null` type);
 * - else what each schema object needs at validation time.
 * Like ajv, it generates nothing for subschemas that cannot fail (an `anyOf` with such a branch
 * checks none of its branches), so a broken pattern there does not refuse the schema.
 */
export function prepareSchema(schema: unknown): PreparedSchema | 'uninterpreted' | 'refused' {
  if (usesUninterpreted(schema)) return 'uninterpreted';
  if (!metaValid(schema)) return 'refused';
  const prepared: PreparedSchema = { nodes: new WeakMap(), patterns: new Map() };
  try {
    prepareNode(schema, prepared);
  } catch {
    return 'refused';
  }
  return prepared;
}

/** Every schema position the meta-schema reaches (`$ref: "#"`), as the interpreter walks them. */
function subschemas(schema: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  if (hasType('object', schema.properties)) found.push(...Object.values(schema.properties as object));
  for (const keyword of ['additionalProperties', 'items', 'not']) if (schema[keyword] !== undefined) found.push(schema[keyword]);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(schema[keyword])) found.push(...(schema[keyword] as unknown[]));
  return found;
}

function usesUninterpreted(schema: unknown): boolean {
  if (!hasType('object', schema)) return false;
  const object = schema as Record<string, unknown>;
  for (const key in object) if (UNINTERPRETED.has(key) || UNINTERPRETED_OTHERS.has(key)) return true;
  if (Array.isArray(object.items)) return true; // a tuple
  return subschemas(object).some(usesUninterpreted);
}

const STRING_KEYWORDS = ['$comment', 'title', 'description', 'format', 'contentMediaType', 'contentEncoding', 'pattern'];
const NUMBER_KEYWORDS = ['maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum'];
const COUNT_KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'];

/** The draft-07 meta-schema (ajv's refs/json-schema-draft-07.json), for the keywords the interpreter implements. */
function metaValid(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (!hasType('object', schema)) return false;
  const s = schema as Record<string, unknown>;
  const defined = (keyword: string): boolean => s[keyword] !== undefined;
  if (STRING_KEYWORDS.some((k) => defined(k) && typeof s[k] !== 'string')) return false;
  if (NUMBER_KEYWORDS.some((k) => defined(k) && typeof s[k] !== 'number')) return false;
  if (COUNT_KEYWORDS.some((k) => defined(k) && !(hasType('integer', s[k]) && !((s[k] as number) < 0)))) return false;
  if (defined('multipleOf') && !(typeof s.multipleOf === 'number' && s.multipleOf > 0)) return false;
  if (defined('readOnly') && typeof s.readOnly !== 'boolean') return false;
  if (defined('uniqueItems') && typeof s.uniqueItems !== 'boolean') return false;
  if (defined('examples') && !Array.isArray(s.examples)) return false;
  // ajv checks these strings for duplicates by a hash (duplicateItems.ts), which misses a repeated `__proto__`.
  if (defined('required') && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string') && duplicateItems(s.required, ['string']) === undefined)) return false;
  if (defined('enum') && !(Array.isArray(s.enum) && s.enum.length >= 1 && uniqueItems(s.enum))) return false;
  if (defined('type') && !validType(s.type)) return false;
  if (defined('properties') && !hasType('object', s.properties)) return false;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) if (defined(keyword) && !(Array.isArray(s[keyword]) && (s[keyword] as unknown[]).length >= 1)) return false;
  return subschemas(s).every(metaValid);
}

function validType(type: unknown): boolean {
  if (typeof type === 'string') return JSON_TYPES.has(type);
  return Array.isArray(type) && type.length >= 1 && type.every((t) => typeof t === 'string' && JSON_TYPES.has(t)) && uniqueItems(type);
}

/** No two items deep-equal (the meta-schema's uniqueItems for untyped items: ajv compares them pairwise). */
function uniqueItems(items: unknown[]): boolean {
  return duplicateItems(items, []) === undefined;
}

/** ajv's code generation: the checks that throw, over the subschemas it generates code for. */
function prepareNode(schema: unknown, prepared: PreparedSchema): void {
  if (typeof schema === 'boolean' || prepared.nodes.has(schema as object)) return;
  const s = schema as Record<string, unknown>;
  // ajv checks each keyword's value type as it generates its code; the meta-schema does not know `nullable`.
  if (s.nullable !== undefined && typeof s.nullable !== 'boolean') throw new Error('nullable value must be boolean');
  const types = schemaTypes(s);
  const groups = { number: usesGroup(s, 'number'), string: usesGroup(s, 'string'), array: usesGroup(s, 'array'), object: usesGroup(s, 'object') };
  const single = types.length === 1 && types[0] in groups && groups[types[0] as GroupType] ? (types[0] as GroupType) : undefined;
  const knownProperties = hasType('object', s.properties) ? Object.keys(s.properties as object).filter((p) => p !== '__proto__') : [];
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  prepared.nodes.set(s, {
    types,
    checkTypesFirst: types.length > 0 && single === undefined,
    typeErrorIn: single,
    groups,
    checkedProperties: knownProperties.filter((p) => !alwaysValid(properties[p])),
    knownProperties,
    reportedType: Array.isArray(s.type) && s.nullable === true && !s.type.includes('null') ? [...(s.type as string[]), 'null'] : s.type,
    itemTypes: s.uniqueItems === true && s.items !== undefined && typeof s.items !== 'boolean' ? schemaTypes(s.items as Record<string, unknown>) : [],
  });
  if (typeof s.pattern === 'string' && !prepared.patterns.has(s.pattern)) prepared.patterns.set(s.pattern, new RegExp(s.pattern, 'u'));
  const generated: unknown[] = knownProperties.map((p) => properties[p]);
  for (const keyword of ['additionalProperties', 'items', 'not']) if (s[keyword] !== undefined) generated.push(s[keyword]);
  for (const keyword of ['allOf', 'oneOf']) if (Array.isArray(s[keyword])) generated.push(...(s[keyword] as unknown[]));
  if (Array.isArray(s.anyOf) && !s.anyOf.some(alwaysValid)) generated.push(...s.anyOf);
  for (const sub of generated) if (!alwaysValid(sub)) prepareNode(sub, prepared);
}

/** ajv's getSchemaTypes (it throws where ajv throws). */
function schemaTypes(s: Record<string, unknown>): string[] {
  const types = Array.isArray(s.type) ? [...(s.type as string[])] : s.type ? [s.type as string] : [];
  if (types.includes('null')) {
    if (s.nullable === false) throw new Error('type: null contradicts nullable: false');
  } else {
    if (types.length === 0 && s.nullable !== undefined) throw new Error('"nullable" cannot be used without "type"');
    if (s.nullable === true) types.push('null');
  }
  return types;
}
