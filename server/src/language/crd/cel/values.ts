import { isPlainObject } from '../../manifests';
import type { JsonSchema } from '../../schema/schemaBundle';

/**
 * CEL values as Kubernetes types a custom resource by its structural schema: `integer` is int,
 * `number` is double, an object with `properties` is an object type (field selection and `has`
 * only), an object with `additionalProperties` is a map, and anything the subset cannot type
 * exactly (formats that become bytes/duration/timestamp, untyped or preserved values, unsafe
 * integers) is opaque: any use of it is an error, so the rule is skipped.
 */
export type CelValue = null | boolean | string | CelInt | CelDouble | CelList | CelMap | CelObject | CelOpaque;
export interface CelInt { t: 'int'; v: number }
export interface CelDouble { t: 'double'; v: number }
export interface CelList { t: 'list'; items: CelValue[] }
export interface CelMap { t: 'map'; entries: Map<string, CelValue> }
export interface CelObject { t: 'object'; fields: Map<string, CelValue> }
export interface CelOpaque { t: 'opaque' }

export const OPAQUE: CelOpaque = { t: 'opaque' };
const STRING_FORMATS_NOT_STRINGS = new Set(['byte', 'duration', 'date', 'date-time']);
const MAX_DEPTH = 64;

export function int(v: number): CelInt {
  return { t: 'int', v };
}

export function double(v: number): CelDouble {
  return { t: 'double', v };
}

/** The CEL value of `value` (a decoded manifest value) under its converted CRD schema. */
export function toCel(value: unknown, schema: JsonSchema | undefined, depth = 0): CelValue {
  if (!schema || depth > MAX_DEPTH) return OPAQUE;
  if (value === null) return null;
  const types = typesOf(schema);
  if (typeof value === 'boolean') return types.has('boolean') ? value : OPAQUE;
  if (typeof value === 'string') return types.has('string') && !STRING_FORMATS_NOT_STRINGS.has(String(schema.format)) ? value : OPAQUE;
  if (typeof value === 'number') {
    if (types.has('integer') && Number.isSafeInteger(value)) return int(value);
    if (types.has('number') && Number.isFinite(value)) return double(value);
    return OPAQUE;
  }
  if (Array.isArray(value)) {
    if (!types.has('array')) return OPAQUE;
    return { t: 'list', items: value.map((item) => toCel(item, schema.items as JsonSchema | undefined, depth + 1)) };
  }
  if (isPlainObject(value) && types.has('object')) {
    if (schema.properties) {
      const fields = new Map<string, CelValue>();
      for (const [key, child] of Object.entries(value)) if (schema.properties[key]) fields.set(key, toCel(child, schema.properties[key], depth + 1));
      return { t: 'object', fields };
    }
    if (typeof schema.additionalProperties === 'object') {
      const entries = new Map<string, CelValue>();
      for (const [key, child] of Object.entries(value)) entries.set(key, toCel(child, schema.additionalProperties, depth + 1));
      return { t: 'map', entries };
    }
  }
  return OPAQUE;
}

/**
 * The CEL value of a decoded manifest value with no schema to type it (an admission policy's
 * `object`, `params`): objects are maps, whole numbers ints, other numbers doubles. An unsafe
 * integer or a value nested too deep is opaque.
 */
export function fromJson(value: unknown, depth = 0): CelValue {
  if (depth > MAX_DEPTH) return OPAQUE;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? (Number.isSafeInteger(value) ? int(value === 0 ? 0 : value) : OPAQUE) : Number.isFinite(value) ? double(value) : OPAQUE;
  if (Array.isArray(value)) return { t: 'list', items: value.map((item) => fromJson(item, depth + 1)) };
  if (isPlainObject(value)) return { t: 'map', entries: new Map(Object.entries(value).map(([key, child]) => [key, fromJson(child, depth + 1)])) };
  return OPAQUE;
}

function typesOf(schema: JsonSchema): Set<string> {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.filter((t): t is string => typeof t === 'string'));
  // x-kubernetes-int-or-string, as openApiToJsonSchema writes it
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2 && anyOf.every((b) => b.type === 'integer' || b.type === 'string')) return new Set(['integer', 'string']);
  return new Set();
}

/** Order within one type (strings by code point, as Go compares UTF-8 bytes); undefined otherwise. */
export function compare(a: CelValue, b: CelValue): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
      if (d) return d;
    }
    return x.length - y.length;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (isTagged(a, 'int') && isTagged(b, 'int')) return a.v - b.v;
  if (isTagged(a, 'double') && isTagged(b, 'double') && !Number.isNaN(a.v) && !Number.isNaN(b.v)) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  return undefined;
}

/** The length of a string as CEL counts it: in code points. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Whether a value is a CEL value of the tagged type `t`. */
export function isTagged<T extends 'int' | 'double' | 'list' | 'map' | 'object'>(value: unknown, t: T): value is Extract<CelValue, { t: T }> {
  return typeof value === 'object' && value !== null && (value as { t?: unknown }).t === t;
}
