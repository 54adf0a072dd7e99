import type { ErrorObject } from 'ajv';
import { deepEqual as equal } from './deepEqual';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { prepareSchema, type PreparedSchema, type SchemaNode } from './prepareSchema';
import { duplicateItems } from './duplicateItems';
import { alwaysValid, hasType } from './schemaKeywords';

export type CrdValidate = (value: unknown) => ErrorObject[];

/**
 * Validates against a converted CRD schema the way ajv's compiled code does (CRD_AJV_OPTIONS: every
 * error, verbose), without compiling: ajv spends 70-100 ms generating and compiling the code of a
 * big CRD (HTTPRoute, ServiceMonitor), more than validating thousands of objects takes. Same errors,
 * same objects (`instancePath`, `schemaPath`, `keyword`, `params`, `message`, `schema`,
 * `parentSchema`, `data`), same order: keywords run in ajv's rule order (untyped ones, then the
 * number, string, array and object groups), the type is checked where ajv checks it, `anyOf`
 * stops at its first passing branch, `oneOf` at its second. test/unit/crdValidatorParity.test.ts
 * compares the two over the whole CRD catalog.
 *
 * Returns null where ajv refuses the schema, undefined where the schema uses a keyword this does not
 * implement (prepareSchema.ts).
 */
export function interpretedValidator(schema: unknown): CrdValidate | null | undefined {
  const prepared = prepareSchema(schema);
  if (prepared === 'uninterpreted') return undefined;
  if (prepared === 'refused') return null;
  return (value) => {
    const errors: ErrorObject[] = [];
    new Interpreter(prepared, errors).validate(schema, value, '', '#');
    return errors;
  };
}

type Schema = Record<string, unknown>;

/**
 * The `message` of each error is ajv's English, word for word, like the rest of the ErrorObject: it is
 * data for crdErrorToFinding.ts (which writes translated sentences of its own for the common keywords and
 * quotes ajv's words for the rest, as it did when ajv made them), not text of ours.
 */
const FALSE_SCHEMA_MESSAGE = 'boolean schema is false';

class Interpreter {
  constructor(
    private readonly prepared: PreparedSchema,
    private readonly errors: ErrorObject[],
  ) {}

  validate(schema: unknown, data: unknown, at: string, schemaAt: string): void {
    if (schema === true) return;
    if (schema === false) {
      this.errors.push({ instancePath: at, schemaPath: `${schemaAt}/false schema`, keyword: 'false schema', params: {}, message: FALSE_SCHEMA_MESSAGE, schema: false, parentSchema: false as unknown as Schema, data });
      return;
    }
    const s = schema as Schema;
    const node = this.prepared.nodes.get(s);
    if (!node) return; // no rules: ajv generates nothing for it
    if (node.checkTypesFirst && !node.types.some((type) => hasType(type, data))) this.typeError(s, node, data, at, schemaAt);
    this.untyped(s, data, at, schemaAt);
    if (node.groups.number) {
      if (typeof data === 'number') this.numberKeywords(s, data, at, schemaAt);
      else if (node.typeErrorIn === 'number') this.typeError(s, node, data, at, schemaAt);
    }
    if (node.groups.string) {
      if (typeof data === 'string') this.stringKeywords(s, data, at, schemaAt);
      else if (node.typeErrorIn === 'string') this.typeError(s, node, data, at, schemaAt);
    }
    if (node.groups.array) {
      if (Array.isArray(data)) this.arrayKeywords(s, node, data, at, schemaAt);
      else if (node.typeErrorIn === 'array') this.typeError(s, node, data, at, schemaAt);
    }
    if (node.groups.object) {
      if (hasType('object', data)) this.objectKeywords(s, node, data as Record<string, unknown>, at, schemaAt);
      else if (node.typeErrorIn === 'object') this.typeError(s, node, data, at, schemaAt);
    }
  }

  private error(s: Schema, keyword: string, params: Record<string, unknown>, message: string, data: unknown, at: string, schemaAt: string, schema = s[keyword]): void {
    this.errors.push({ instancePath: at, schemaPath: `${schemaAt}/${keyword}`, keyword, params, message, schema, parentSchema: s, data });
  }

  private typeError(s: Schema, node: SchemaNode, data: unknown, at: string, schemaAt: string): void {
    const type = node.reportedType;
    this.error(s, 'type', { type }, `must be ${Array.isArray(type) ? type.join(',') : String(type)}`, data, at, schemaAt, type);
  }

  /** Keywords for any data, in ajv's order: enum, not, anyOf, oneOf, allOf. */
  private untyped(s: Schema, data: unknown, at: string, schemaAt: string): void {
    if (Array.isArray(s.enum)) {
      const allowed = s.enum as unknown[];
      const found = allowed.some((value) => (typeof value === 'object' && value !== null ? equal(data, value) : data === value));
      if (!found) this.error(s, 'enum', { allowedValues: allowed }, 'must be equal to one of the allowed values', data, at, schemaAt);
    }
    if (s.not !== undefined) {
      if (alwaysValid(s.not) || this.passes(s.not, data, at, `${schemaAt}/not`)) this.error(s, 'not', {}, 'must NOT be valid', data, at, schemaAt);
    }
    if (Array.isArray(s.anyOf)) this.anyOf(s, s.anyOf as unknown[], data, at, schemaAt);
    if (Array.isArray(s.oneOf)) this.oneOf(s, s.oneOf as unknown[], data, at, schemaAt);
    if (Array.isArray(s.allOf)) {
      (s.allOf as unknown[]).forEach((branch, i) => {
        if (!alwaysValid(branch)) this.validate(branch, data, at, `${schemaAt}/allOf/${i}`);
      });
    }
  }

  /** Whether `data` passes `schema`, its errors left out. */
  private passes(schema: unknown, data: unknown, at: string, schemaAt: string): boolean {
    const before = this.errors.length;
    this.validate(schema, data, at, schemaAt);
    const passed = this.errors.length === before;
    this.errors.length = before;
    return passed;
  }

  private anyOf(s: Schema, branches: unknown[], data: unknown, at: string, schemaAt: string): void {
    if (branches.some(alwaysValid)) return;
    const before = this.errors.length;
    for (let i = 0; i < branches.length; i++) {
      const start = this.errors.length;
      this.validate(branches[i], data, at, `${schemaAt}/anyOf/${i}`);
      if (this.errors.length === start) {
        this.errors.length = before; // a branch passed: the others' errors go
        return;
      }
    }
    this.error(s, 'anyOf', {}, 'must match a schema in anyOf', data, at, schemaAt);
  }

  private oneOf(s: Schema, branches: unknown[], data: unknown, at: string, schemaAt: string): void {
    const before = this.errors.length;
    let valid = false;
    let passing: number | [number, number] | null = null;
    for (let i = 0; i < branches.length; i++) {
      const start = this.errors.length;
      if (!alwaysValid(branches[i])) this.validate(branches[i], data, at, `${schemaAt}/oneOf/${i}`);
      if (this.errors.length !== start) continue;
      // A second passing branch fails the keyword, and (as ajv's code is nested) the rest go unchecked.
      if (valid) {
        valid = false;
        passing = [passing as number, i];
        break;
      }
      valid = true;
      passing = i;
    }
    if (valid) this.errors.length = before;
    else this.error(s, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf', data, at, schemaAt);
  }

  private numberKeywords(s: Schema, data: number, at: string, schemaAt: string): void {
    const limit = (keyword: string, comparison: string, fails: (limit: number) => boolean): void => {
      const value = s[keyword];
      if (typeof value === 'number' && (fails(value) || isNaN(data))) this.error(s, keyword, { comparison, limit: value }, `must be ${comparison} ${value}`, data, at, schemaAt);
    };
    limit('maximum', '<=', (max) => data > max);
    limit('minimum', '>=', (min) => data < min);
    limit('exclusiveMaximum', '<', (max) => data >= max);
    limit('exclusiveMinimum', '>', (min) => data <= min);
    const divisor = s.multipleOf;
    if (typeof divisor === 'number') {
      const ratio = data / divisor;
      if (divisor === 0 || ratio !== parseInt(String(ratio))) this.error(s, 'multipleOf', { multipleOf: divisor }, `must be multiple of ${divisor}`, data, at, schemaAt);
    }
  }

  private stringKeywords(s: Schema, data: string, at: string, schemaAt: string): void {
    if (typeof s.maxLength === 'number' && ucs2length(data) > s.maxLength) this.error(s, 'maxLength', { limit: s.maxLength }, `must NOT have more than ${s.maxLength} characters`, data, at, schemaAt);
    if (typeof s.minLength === 'number' && ucs2length(data) < s.minLength) this.error(s, 'minLength', { limit: s.minLength }, `must NOT have fewer than ${s.minLength} characters`, data, at, schemaAt);
    if (typeof s.pattern === 'string' && !(this.prepared.patterns.get(s.pattern) as RegExp).test(data)) this.error(s, 'pattern', { pattern: s.pattern }, `must match pattern "${s.pattern}"`, data, at, schemaAt);
  }

  private arrayKeywords(s: Schema, node: SchemaNode, data: unknown[], at: string, schemaAt: string): void {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) this.error(s, 'maxItems', { limit: s.maxItems }, `must NOT have more than ${s.maxItems} items`, data, at, schemaAt);
    if (typeof s.minItems === 'number' && data.length < s.minItems) this.error(s, 'minItems', { limit: s.minItems }, `must NOT have fewer than ${s.minItems} items`, data, at, schemaAt);
    // `items` is registered before uniqueItems.
    if (s.items !== undefined && !alwaysValid(s.items)) data.forEach((item, i) => this.validate(s.items, item, `${at}/${i}`, `${schemaAt}/items`));
    if (s.uniqueItems === true) {
      const duplicate = duplicateItems(data, node.itemTypes);
      if (duplicate) this.error(s, 'uniqueItems', duplicate, `must NOT have duplicate items (items ## ${duplicate.j} and ${duplicate.i} are identical)`, data, at, schemaAt);
    }
  }

  private objectKeywords(s: Schema, node: SchemaNode, data: Record<string, unknown>, at: string, schemaAt: string): void {
    const count = (): number => Object.keys(data).length;
    if (typeof s.maxProperties === 'number' && count() > s.maxProperties) this.error(s, 'maxProperties', { limit: s.maxProperties }, `must NOT have more than ${s.maxProperties} properties`, data, at, schemaAt);
    if (typeof s.minProperties === 'number' && count() < s.minProperties) this.error(s, 'minProperties', { limit: s.minProperties }, `must NOT have fewer than ${s.minProperties} properties`, data, at, schemaAt);
    if (Array.isArray(s.required)) {
      for (const property of s.required as string[]) {
        if (data[property] === undefined) this.error(s, 'required', { missingProperty: property }, `must have required property '${property}'`, data, at, schemaAt);
      }
    }
    const additional = s.additionalProperties;
    if (additional !== undefined && !alwaysValid(additional)) {
      const known = node.knownProperties;
      const properties = s.properties as object | undefined;
      for (const key in data) {
        const isKnown = known.length > 8 ? Object.prototype.hasOwnProperty.call(properties, key) : known.includes(key);
        if (isKnown) continue;
        if (additional === false) this.error(s, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties', data, at, schemaAt);
        else this.validate(additional, data[key], `${at}/${escapePointer(key)}`, `${schemaAt}/additionalProperties`);
      }
    }
    const properties = s.properties as Record<string, unknown>;
    for (const property of node.checkedProperties) {
      if (data[property] !== undefined) this.validate(properties[property], data[property], `${at}/${escapePointer(property)}`, `${schemaAt}/properties/${encodeURIComponent(escapePointer(property))}`);
    }
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
