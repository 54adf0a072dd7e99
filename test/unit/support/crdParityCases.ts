import { inspect, isDeepStrictEqual } from 'node:util';
import type { ErrorObject } from 'ajv';
import { openApiToJsonSchema } from '../../../server/src/language/crd/openApiToJsonSchema';
import { isObject, type Schema } from './schemaValues';

// What crdValidatorParity.test.ts compares, and the hand-made schemas and schema edits it compares on.

const show = (v: unknown, max = 300) => {
  const text = inspect(v, { depth: 4, compact: true, breakLength: Infinity, maxArrayLength: 8, maxStringLength: 60 });
  return text.length > max ? `${text.slice(0, max)}…` : text;
};
const brief = (e: ErrorObject) => `${e.instancePath || '""'} ${e.schemaPath} ${e.keyword} ${show(e.params, 120)} "${e.message}" schema=${show(e.schema, 60)} data=${show(e.data, 60)}`;

/** The first place where the interpreter's errors differ from ajv's, or undefined when they are the same. */
export function errorDifference(expected: readonly ErrorObject[], actual: unknown): string | undefined {
  if (!Array.isArray(actual)) return `the interpreter returned ${show(actual)}`;
  const lengths = expected.length === actual.length ? '' : `ajv gives ${expected.length} errors, the interpreter ${actual.length}; `;
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    const [e, a] = [expected[i], actual[i] as ErrorObject];
    if (!isObject(a)) return `${lengths}[${i}] is ${show(a)}`;
    for (const f of ['keyword', 'instancePath', 'schemaPath', 'message'] as const) if (e[f] !== a[f]) return `${lengths}[${i}].${f}: ajv ${show(e[f])}, interpreter ${show(a[f])}`;
    for (const f of ['params', 'schema', 'data'] as const) if (!isDeepStrictEqual(e[f], a[f])) return `${lengths}[${i}].${f}: ajv ${show(e[f], 120)}, interpreter ${show(a[f], 120)}`;
    if (e.parentSchema !== a.parentSchema) return `${lengths}[${i}].parentSchema is not ajv's object${isDeepStrictEqual(e.parentSchema, a.parentSchema) ? ' (an equal copy)' : ''}`;
    const [ek, ak] = [Object.keys(e).sort().join(), Object.keys(a).sort().join()];
    if (ek !== ak) return `${lengths}[${i}] has the fields ${ak}, ajv's ${ek}`;
  }
  return lengths ? `${lengths}the first ${Math.min(expected.length, actual.length)} agree` : undefined;
}

export function describeMismatch(key: string, label: string, instance: unknown, expected: readonly ErrorObject[], actual: unknown, difference: string): string {
  const list = (errors: unknown) => (Array.isArray(errors) ? [...errors.slice(0, 6).map((e: ErrorObject) => `    ${isObject(e) ? brief(e) : show(e)}`), ...(errors.length > 6 ? [`    … ${errors.length - 6} more`] : [])].join('\n') : `    ${show(errors)}`);
  return [`${key}, ${label}: ${difference}`, `  instance: ${show(instance, 600)}`, `  ajv:`, list(expected), `  interpreter:`, list(actual)].join('\n');
}

/** Keywords (and forms) the interpreter leaves to ajv: with one of them it may answer undefined. */
const UNINTERPRETED = ['$ref', '$id', '$schema', 'id', 'definitions', '$defs', '$async', 'if', 'then', 'else', 'const', 'contains', 'propertyNames', 'dependencies', 'patternProperties', 'additionalItems', 'discriminator'];

/** The paths (in `schema`) of its subschemas that validate data: properties, items, additionalProperties, not, branches. */
export function subschemaPaths(schema: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (!isObject(schema)) return out;
  out.push(path);
  if (isObject(schema.properties)) for (const [name, sub] of Object.entries(schema.properties)) subschemaPaths(sub, [...path, 'properties', name], out);
  for (const k of ['items', 'additionalProperties', 'not']) subschemaPaths(schema[k], [...path, k], out);
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(schema[k])) schema[k].forEach((sub, i) => subschemaPaths(sub, [...path, k, String(i)], out));
  return out;
}
export const schemaAt = (schema: unknown, path: readonly string[]): Schema => path.reduce((s: Schema, k) => s[k] as Schema, schema as Schema);

export function usesUninterpreted(schema: unknown): boolean {
  return subschemaPaths(schema).some((p) => {
    const s = schemaAt(schema, p);
    return Array.isArray(s.items) || UNINTERPRETED.some((k) => s[k] !== undefined);
  });
}

/** Hand-made schemas for what the catalog lacks (uniqueItems, multipleOf, exclusive bounds, nullable, odd names, …). */
export const SYNTHETIC: Array<{ name: string; schema: unknown; mayBeUninterpreted?: true }> = [
  { name: 'numbers', schema: { type: 'object', additionalProperties: false, properties: { i: { type: 'integer', minimum: 1, maximum: 10 }, n: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, tenth: { type: 'number', multipleOf: 0.1 }, three: { type: 'integer', multipleOf: 3, minimum: -9 }, two: { type: 'number', multipleOf: 2, maximum: 1e300 }, untyped: { minimum: 5, multipleOf: 0.5 }, nullableInt: { type: ['integer', 'null'], maximum: 0, exclusiveMinimum: -3 }, both: { type: 'integer', minimum: 2, exclusiveMinimum: 2, maximum: 4, exclusiveMaximum: 4 } } } },
  { name: 'strings', schema: { type: 'object', properties: { s: { type: 'string', minLength: 2, maxLength: 4 }, dns: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$', maxLength: 8 }, one: { type: 'string', pattern: '^.$' }, anchorless: { type: 'string', pattern: 'b' }, letters: { type: 'string', pattern: '^\\p{L}+$' }, e: { type: 'string', enum: ['A', 'B'] }, fmt: { type: 'string', format: 'date-time' }, unknownFormat: { type: 'string', format: 'no-such-format' }, untyped: { maxLength: 2, pattern: 'a', minLength: 1 }, empty: { type: 'string', maxLength: 0 } } } },
  { name: 'arrays', schema: { type: 'object', properties: { set: { type: 'array', uniqueItems: true, items: { type: 'string' } }, bools: { type: 'array', uniqueItems: true, items: { type: 'boolean' } }, enums: { type: 'array', uniqueItems: true, items: { enum: ['a', 1, null] } }, objects: { type: 'array', uniqueItems: true, items: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } } }, anything: { type: 'array', uniqueItems: true }, numbers: { type: 'array', uniqueItems: true, items: { type: 'number' } }, intsOrNull: { type: 'array', uniqueItems: true, items: { type: ['integer', 'null'] } }, notUnique: { type: 'array', uniqueItems: false, items: { type: 'integer' } }, sized: { type: 'array', minItems: 2, maxItems: 3, items: { type: 'integer', maximum: 9 } }, nested: { type: 'array', items: { type: 'array', maxItems: 1, items: { type: 'string', maxLength: 1 } } }, intOrString: { type: 'array', uniqueItems: true, items: { anyOf: [{ type: 'integer' }, { type: 'string' }] } }, untyped: { maxItems: 1, items: { type: 'boolean' } } } } },
  { name: 'objects', schema: { type: 'object', minProperties: 1, maxProperties: 4, required: ['a'], properties: { a: { type: 'string' }, map: { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 2, maxProperties: 2 }, open: { type: 'object', additionalProperties: true, properties: { x: { type: 'string' } } }, free: { type: 'object' }, closed: { type: 'object', additionalProperties: false }, requiredOnly: { type: 'object', required: ['x', 'y'] }, deep: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } } },
  { name: 'unions', schema: { type: 'object', properties: { intOrString: { anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: '^[0-9]+%$', minimum: 0 }, one: { oneOf: [{ type: 'integer' }, { type: 'number' }, { type: 'string', maxLength: 2 }] }, exclusive: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }], not: { required: ['c'] } }, either: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] }, all: { allOf: [{ minimum: 2 }, { maximum: 5 }, { type: 'integer' }] }, notString: { not: { type: 'string' } }, never: { not: {} }, tagged: { oneOf: [{ type: 'object', properties: { k: { enum: ['a'] } }, required: ['k'] }, { type: 'object', properties: { k: { enum: ['b'] }, v: { type: 'integer' } }, required: ['k', 'v'] }] }, emptyBranch: { anyOf: [{}, { type: 'string' }] }, nested: { anyOf: [{ oneOf: [{ type: 'integer', minimum: 5 }, { type: 'integer', maximum: 10 }] }, { not: { type: 'number' } }] }, notAnyOf: { type: 'object', not: { anyOf: [{ required: ['x'] }, { required: ['y'] }] } } } } },
  { name: 'types and nullable', schema: { type: 'object', properties: { ns: { type: 'string', nullable: true, maxLength: 2 }, no: { type: 'object', nullable: true, properties: { a: { type: 'integer' } } }, ne: { type: ['string', 'null'], enum: ['a', null] }, nf: { type: 'integer', nullable: false }, multi: { type: ['integer', 'string'], minimum: 3, minLength: 2 }, onlyNull: { type: 'null' }, containers: { type: ['boolean', 'object', 'array'], properties: { a: { type: 'string' } }, items: { type: 'integer' } }, enumMix: { enum: [{ a: 1 }, [1, 2], null, 1.5, 'x', true] }, bigEnum: { type: 'string', enum: Array.from({ length: 210 }, (_, i) => `v${i}`) }, num: { type: 'number' }, bool: { type: 'boolean' }, intOrNumber: { type: ['integer', 'number'], maximum: 3 }, listNullable: { type: ['string'], nullable: true }, nullableEnum: { type: 'string', nullable: true, enum: ['a'] } } } },
  { name: 'keywords of another type', schema: { type: 'object', properties: { a: { type: 'integer', maxLength: 2, enum: [1, 'ab'] }, b: { type: 'string', minimum: 2, items: { type: 'string' } }, c: { type: 'array', required: ['x'], minLength: 1 }, d: { type: 'object', maxItems: 1, pattern: 'x' }, e: { type: ['string', 'number'], maxLength: 1, maximum: 1 }, f: { type: 'number', multipleOf: 2, enum: [2, 4] }, g: { type: 'null', minimum: 0 }, h: { type: 'boolean', not: { enum: [true] } }, i: { type: 'integer', minimum: 0, anyOf: [{ maximum: 2 }, { minimum: 10 }] } } } },
  { name: 'always-valid subschemas', schema: { type: 'object', properties: { m: { type: 'object', additionalProperties: { description: 'x' } }, m2: { type: 'object', properties: { a: {} }, additionalProperties: {} }, l: { type: 'array', items: { description: 'x', default: 1 } }, n: { not: { description: 'x' } }, o: { oneOf: [{ description: 'a' }, { type: 'string' }] }, o2: { oneOf: [{}, {}] }, a: { anyOf: [{ type: 'integer' }, { description: 'x' }] }, all: { allOf: [{}, { type: 'integer' }] }, d: { description: 'only', 'x-kubernetes-validations': [] } } } },
  { name: 'many required', schema: { type: 'object', required: Array.from({ length: 201 }, (_, i) => `p${i}`), properties: { p0: { type: 'string' }, p200: { type: 'integer' } } } },
  { name: 'odd property names', schema: { type: 'object', additionalProperties: false, required: ['a/b', 'a~b', 'hasOwnProperty', '__proto__'], properties: { ['__proto__']: { type: 'string' }, constructor: { type: 'string' }, toString: { type: 'integer' }, 'a/b': { type: 'integer', maximum: 1 }, 'a~b': { type: 'boolean' }, '': { type: 'string' }, 'ü😀': { type: 'string' }, '~1': { enum: [1] }, 'a b': { type: 'integer' }, "it's": { type: 'integer' }, 'a"b': { type: 'integer' }, 'a\\b': { type: 'integer' }, '%41': { type: 'integer' }, 'x#y?z': { type: 'integer' }, '10': { type: 'string' }, '2': { type: 'string' } } } },
  { name: 'OpenAPI conversions', schema: openApiToJsonSchema({ type: 'object', required: ['p'], properties: { p: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true, multipleOf: 2 }, ios: { 'x-kubernetes-int-or-string': true, pattern: '^\\d+%?$', maxLength: 4 }, ns: { type: 'string', nullable: true, enum: ['a', 'b'] }, preserved: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } }, embedded: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { kind: { type: 'string' } } }, set: { type: 'array', 'x-kubernetes-list-type': 'set', uniqueItems: true, items: { type: 'string' } }, labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 3 } }, tags: { type: 'array', maxItems: 2, minItems: 1, items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } }, validated: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a > 0' }], properties: { a: { type: 'integer', format: 'int32', default: 1 } } } } }) },
  { name: 'few odd property names', schema: { type: 'object', additionalProperties: false, properties: { ['__proto__']: { type: 'string' }, constructor: { type: 'integer' }, 'a/b': { type: 'string' }, '': { type: 'boolean' } } } },
  { name: 'a root with bounds', schema: { type: 'object', minProperties: 2, maxProperties: 4, required: ['spec'], properties: { spec: { type: 'object', required: ['x', 'y'], properties: { x: { type: 'integer' }, y: { type: 'string' } } } } } },
  { name: 'an array root', schema: { type: 'array', maxItems: 2, items: { type: 'string' } } },
  { name: 'a string root', schema: { type: 'string', maxLength: 3, pattern: '^a' } },
  { name: 'an empty schema', schema: {} },
  { name: 'an enum root', schema: { enum: [1, 'a', null] } },
  { name: 'untyped keywords', schema: { properties: { a: { type: 'integer' } }, required: ['a'], items: { type: 'string' }, maxLength: 2, minimum: 1, uniqueItems: true } },
  // ajv may compile these instead (undefined); when interpreted, they must agree all the same.
  { name: 'boolean subschemas', mayBeUninterpreted: true, schema: { type: 'object', additionalProperties: false, properties: { t: true, f: false, arr: { type: 'array', items: false }, any: { anyOf: [false, true] }, no: { not: true } } } },
  { name: 'true', mayBeUninterpreted: true, schema: true },
  { name: 'false', mayBeUninterpreted: true, schema: false },
  { name: 'annotations', mayBeUninterpreted: true, schema: { type: 'object', $comment: 'c', title: 't', examples: [{}], readOnly: true, writeOnly: false, contentMediaType: 'text/plain', properties: { a: { type: 'string', title: 'A', $comment: 'x' } } } },
  { name: 'keywords left to ajv', mayBeUninterpreted: true, schema: { type: 'object', definitions: { d: { type: 'integer' } }, properties: { c: { const: 1 }, p: { type: 'object', patternProperties: { '^x': { type: 'integer' } }, additionalProperties: false }, r: { $ref: '#/definitions/d' }, n: { type: 'object', propertyNames: { maxLength: 2 } }, t: { type: 'array', items: [{ type: 'string' }], additionalItems: false }, i: { if: { type: 'string' }, then: { maxLength: 1 } }, k: { type: 'array', contains: { type: 'integer' } }, d: { type: 'object', dependencies: { a: ['b'] } } } } },
];

/** Edits of a (sub)schema, some of which ajv refuses to compile and some not; which ones is ajv's to say. */
export const SCHEMA_EDITS: Array<[string, (s: Schema) => void]> = [
  ['an unknown type name', (s) => void (s.type = 'strin')],
  ['type: []', (s) => void (s.type = [])],
  ['a type listed twice', (s) => void (s.type = ['string', 'string'])],
  ['type: 5', (s) => void (s.type = 5)],
  ['type: [integer, null]', (s) => void (s.type = ['integer', 'null'])],
  ['no type', (s) => void delete s.type],
  ['a required entry twice', (s) => void (s.required = ['a', 'a'])],
  ['__proto__ required twice', (s) => void (s.required = ['__proto__', '__proto__'])],
  ['required: "x"', (s) => void (s.required = 'x')],
  ['required: [1]', (s) => void (s.required = [1])],
  ['required: []', (s) => void (s.required = [])],
  ['a non-string description', (s) => void (s.description = 5)],
  ['a negative minLength', (s) => void (s.minLength = -1)],
  ['maxLength: 1.5', (s) => void (s.maxLength = 1.5)],
  ['multipleOf: 0', (s) => void (s.multipleOf = 0)],
  ['multipleOf: -2', (s) => void (s.multipleOf = -2)],
  ['multipleOf: 0.25', (s) => void (s.multipleOf = 0.25)],
  ['minimum: "3"', (s) => void (s.minimum = '3')],
  ['maximum: null', (s) => void (s.maximum = null)],
  ['exclusiveMinimum: true (OpenAPI)', (s) => void (s.exclusiveMinimum = true)],
  ['an empty enum', (s) => void (s.enum = [])],
  ['enum: "x"', (s) => void (s.enum = 'x')],
  ['an enum member twice', (s) => void (s.enum = ['a', 'a', 1])],
  ['pattern ^[\\w-\\.]+$', (s) => void (s.pattern = '^[\\w-\\.]+$')],
  ['pattern \\-', (s) => void (s.pattern = '\\-')],
  ['pattern (?i)abc', (s) => void (s.pattern = '(?i)abc')],
  ['pattern [', (s) => void (s.pattern = '[')],
  ['pattern ^\\p{L}+$', (s) => void (s.pattern = '^\\p{L}+$')],
  ['pattern: 5', (s) => void (s.pattern = 5)],
  ['nullable: true without type', (s) => void (delete s.type, (s.nullable = true))],
  ['nullable: false without type', (s) => void (delete s.type, (s.nullable = false))],
  ['nullable: false with a null type', (s) => void ((s.type = ['string', 'null']), (s.nullable = false))],
  ['nullable: true with a type', (s) => void ((s.type ??= 'string'), (s.nullable = true))],
  ['nullable: true with a type list', (s) => void ((s.type = ['integer']), (s.nullable = true))],
  ['nullable: "yes" with a type', (s) => void ((s.type ??= 'string'), (s.nullable = 'yes'))],
  ['properties: []', (s) => void (s.properties = [])],
  ['a property schema 5', (s) => void (s.properties = { a: 5 })],
  ['additionalProperties: "no"', (s) => void (s.additionalProperties = 'no')],
  ['items: 3', (s) => void (s.items = 3)],
  ['anyOf: []', (s) => void (s.anyOf = [])],
  ['oneOf: [5]', (s) => void (s.oneOf = [5])],
  ['allOf: {}', (s) => void (s.allOf = {})],
  ['not: []', (s) => void (s.not = [])],
  ['uniqueItems: "yes"', (s) => void (s.uniqueItems = 'yes')],
  ['minItems: -1', (s) => void (s.minItems = -1)],
  ['maxProperties: "2"', (s) => void (s.maxProperties = '2')],
  ['format: 5', (s) => void (s.format = 5)],
  ['an unknown format', (s) => void (s.format = 'no-such-format')],
  ['an object default', (s) => void (s.default = { x: [1] })],
  ['$comment: 5', (s) => void (s.$comment = 5)],
  ['title: 5', (s) => void (s.title = 5)],
  ['id: "x"', (s) => void (s.id = 'x')],
  ['x-kubernetes-validations: "bad"', (s) => void (s['x-kubernetes-validations'] = 'bad')],
  ['readOnly: "x"', (s) => void (s.readOnly = 'x')],
  ['examples: {}', (s) => void (s.examples = {})],
  ['contentEncoding: 5', (s) => void (s.contentEncoding = 5)],
  ['maxLength: "2"', (s) => void (s.maxLength = '2')],
  ['exclusiveMaximum: "1"', (s) => void (s.exclusiveMaximum = '1')],
  ['an unknown type in additionalProperties', (s) => void (s.additionalProperties = { type: 'strin' })],
  ['an empty enum in items', (s) => void (s.items = { enum: [] })],
  ['nullable without type in not', (s) => void (s.not = { nullable: true })],
  ['a bad pattern beside an always-valid anyOf branch', (s) => void (s.anyOf = [{ description: 'x' }, { pattern: '\\-' }])],
  ['a bad pattern beside a $comment-only anyOf branch', (s) => void (s.anyOf = [{ $comment: 'x' }, { pattern: '\\-' }])],
  ['a bad pattern beside an always-valid oneOf branch', (s) => void (s.oneOf = [{}, { pattern: '\\-' }])],
  ['a bad pattern in allOf', (s) => void (s.allOf = [{}, { pattern: '\\-' }])],
  ['a bad pattern in a property', (s) => void (s.properties = { a: { pattern: '\\-' } })],
  ['a bad pattern in a __proto__ property', (s) => void (s.properties = JSON.parse('{"__proto__": {"pattern": "\\\\-"}}'))],
];

/** A small schema, and where in it SCHEMA_EDITS are made. */
export const EDITED_SCHEMA = {
  schema: { type: 'object', required: ['s'], additionalProperties: false, properties: { s: { type: 'string', maxLength: 3 }, list: { type: 'array', items: { type: 'integer' } }, u: { anyOf: [{ type: 'integer' }, { type: 'string' }] }, n: { not: { type: 'boolean' } }, w: { anyOf: [{}, { type: 'string' }] }, ['__proto__']: { type: 'string' }, str: { type: 'string', properties: { a: { type: 'integer' } } } } },
  /** The first four are the quick run's (crdValidatorParity.test.ts). */
  targets: [[], ['properties', 's'], ['properties', 'w', 'anyOf', '1'], ['properties', '__proto__'], ['properties', 'list', 'items'], ['properties', 'u', 'anyOf', '1'], ['properties', 'n', 'not'], ['properties', 'str', 'properties', 'a']],
};
