import { SeededRandom } from './seededRandom';

/** Values of a JSON Schema, generated deterministically (schemaInstances.ts's starting points), and the helpers its mutations share. */

export type Schema = Record<string, unknown>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, `__proto__` included, as JSON.parse and the YAML reader do. */
export function define<T extends object>(obj: T, key: string, value: unknown): T {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  return obj;
}

export function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (!isObject(v)) return v;
  const out = {};
  for (const k of Object.keys(v)) define(out, k, clone(v[k]));
  return out;
}

export const withKey = (o: Record<string, unknown>, key: string, value: unknown) => define(clone(o) as Record<string, unknown>, key, value);
export function withoutKeys(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = clone(o) as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out;
}

// Generation

export const STRINGS = ['a', 'abc', 'web-1', 'my-app', 'my.name', 'foo', 'Foo', 'A_B', 'x1', 'v1', 'v1.2.3', 'Always', 'TCP', 'HTTP', 'GET', '80', '8080', '0.5', '10s', '500ms', '1m30s', '1h', '5%', '100Mi', '2Gi', '100m', 'true', 'http://example.com/path', 'https://example.com', 'example.com', '*.example.com', 'example.com/foo', 'sha256:abc', '10.0.0.1', '10.0.0.0/8', '2001:db8::1', '/metrics', '/', 'a b', '', 'ünïcödé', '😀', '2024-01-01T00:00:00Z', 'x'.repeat(70)];
export const MAP_KEYS = ['a', 'b', 'c', 'name', 'key-1', 'app.kubernetes.io/name', '0', '10'];
export const ODD_KEYS = ['unknownField', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'a/b', 'a~b', '~1', '', 'ünï😀', 'a b', "it's", 'a"b', 'a\\b', '%41', '10'];
export const SAMPLES: unknown[] = ['text', 42, 1.5, true, false, null, {}, [], { x: 1 }, ['a', 2]];

export interface Ctx {
  r: SeededRandom;
  budget: number;
  sites: Array<{ path: string[]; schema: Schema }>;
}

export const requiredOf = (s: Schema): string[] => (Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === 'string') : []);
export const branches = (s: Schema, key: string): Schema[] => (Array.isArray(s[key]) ? (s[key] as unknown[]).filter(isObject) : []);
export const propsOf = (s: Schema): Record<string, unknown> => (isObject(s.properties) ? s.properties : {});
export const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function declaredTypes(s: Schema): string[] {
  const list = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : [];
  return list.length && s.nullable === true && !list.includes('null') ? [...list, 'null'] : list;
}
export function impliedTypes(s: Schema): string[] {
  const declared = declaredTypes(s);
  if (declared.length) return declared;
  const has = (...keys: string[]) => keys.some((k) => s[k] !== undefined);
  if (has('properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties')) return ['object'];
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return ['array'];
  if (has('pattern', 'minLength', 'maxLength')) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return ['number'];
  return [];
}
export function hasType(type: string, v: unknown): boolean {
  if (type === 'integer') return typeof v === 'number' && Number.isInteger(v);
  if (type === 'null') return v === null;
  if (type === 'array') return Array.isArray(v);
  if (type === 'object') return isObject(v);
  return typeof v === type;
}
/** ajv's string length: UCS-2 code units, a surrogate pair counting once. */
export function ucs2(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; n++) i += (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  return n;
}
const regExps = new Map<string, RegExp | undefined>();
export function regExpOf(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string') return undefined;
  if (!regExps.has(pattern)) {
    try {
      regExps.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regExps.set(pattern, undefined);
    }
  }
  return regExps.get(pattern);
}
/** The schema with one union branch's keywords laid over it (unions of types, as int-or-string). */
export function withBranch(s: Schema, branch: Schema): Schema {
  const { anyOf: _a, oneOf: _o, not: _n, ...rest } = s;
  return { ...rest, ...branch };
}

export function gen(schema: unknown, path: string[], c: Ctx, depth: number): unknown {
  if (!isObject(schema)) return c.r.pick(['x', 1, true]);
  c.budget--;
  c.sites.push({ path, schema });
  if (Array.isArray(schema.enum) && schema.enum.length && c.r.chance(0.9)) return clone(c.r.pick(schema.enum));
  if (schema.default !== undefined && c.r.chance(0.15)) return clone(schema.default);
  const union = [...branches(schema, 'anyOf'), ...branches(schema, 'oneOf')];
  const s = union.length && !declaredTypes(schema).length && c.r.chance(0.9) ? { ...schema, ...c.r.pick(union) } : schema;
  let types = impliedTypes(s);
  if (types.length > 1 && types.includes('null') && c.r.chance(0.8)) types = types.filter((t) => t !== 'null');
  if (!types.length) types = depth > 5 || c.budget <= 0 ? ['string', 'integer', 'boolean'] : ['string', 'integer', 'number', 'boolean', 'object', 'array'];
  switch (c.r.pick(types)) {
    case 'object':
      return genObject(s, path, c, depth);
    case 'array': {
      const n = Math.min(Math.max(c.budget > 0 ? c.r.int(4) : 0, int(s.minItems) ?? 0), int(s.maxItems) ?? Infinity);
      return Array.from({ length: n }, (_, i) => gen(s.items ?? {}, [...path, String(i)], c, depth + 1));
    }
    case 'string': {
      const [min, max, re] = [int(s.minLength) ?? 0, int(s.maxLength) ?? Infinity, regExpOf(s.pattern)];
      const fits = STRINGS.filter((x) => ucs2(x) >= min && ucs2(x) <= max && (!re || re.test(x)));
      return fits.length ? c.r.pick(fits) : 'a'.repeat(Math.min(Math.max(min, 1), max, 300));
    }
    case 'integer':
    case 'number':
      return genNumber(s, declaredTypes(s).includes('integer') || !declaredTypes(s).includes('number'), c.r);
    case 'boolean':
      return c.r.chance(0.5);
    default:
      return null;
  }
}

function genNumber(s: Schema, integer: boolean, r: SeededRandom): number {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const lo = n(s.minimum) ?? (n(s.exclusiveMinimum) !== undefined ? n(s.exclusiveMinimum)! + (integer ? 1 : 0.5) : r.pick([0, -10]));
  const hi = Math.max(lo, n(s.maximum) ?? (n(s.exclusiveMaximum) !== undefined ? n(s.exclusiveMaximum)! - (integer ? 1 : 0.5) : lo + 100));
  let v = lo + (integer ? r.int(Math.min(hi - lo, 1000) + 1) : r.int(Math.min(hi - lo, 250) * 4 + 1) / 4);
  if (integer) v = Math.ceil(v);
  const m = n(s.multipleOf);
  return m && m > 0 ? Math.ceil(v / m) * m : v;
}

function genObject(s: Schema, path: string[], c: Ctx, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = propsOf(s);
  const want = new Set([...requiredOf(s), ...branches(s, 'allOf').flatMap(requiredOf)]);
  const avoid = new Set<string>();
  for (const key of ['oneOf', 'anyOf']) {
    const bs = branches(s, key);
    if (!bs.length) continue;
    const chosen = c.r.pick(bs);
    for (const k of requiredOf(chosen)) want.add(k);
    if (key === 'oneOf') for (const b of bs) if (b !== chosen) for (const k of requiredOf(b)) avoid.add(k);
  }
  if (isObject(s.not)) {
    const notRequired = requiredOf(s.not);
    if (notRequired.length) avoid.add(c.r.pick(notRequired));
    for (const b of [...branches(s.not, 'anyOf'), ...branches(s.not, 'oneOf')]) for (const k of requiredOf(b)) avoid.add(k);
  }
  const optional = depth === 0 ? 0.9 : Math.max(0.15, 0.55 - depth * 0.08);
  for (const [k, sub] of Object.entries(props)) {
    if (want.has(k) || (!avoid.has(k) && c.budget > 0 && c.r.chance(optional))) define(out, k, gen(sub, [...path, k], c, depth + 1));
  }
  for (const k of want) if (!Object.hasOwn(out, k)) define(out, k, gen({}, [...path, k], c, depth + 1));
  const extra = s.additionalProperties;
  const addExtra = (k: string) => define(out, k, isObject(extra) ? gen(extra, [...path, k], c, depth + 1) : c.r.pick(STRINGS));
  if (isObject(extra) && c.budget > 0) {
    for (let i = c.r.int(4); i > 0; i--) addExtra(c.r.chance(0.2) ? c.r.pick(ODD_KEYS) : c.r.pick(MAP_KEYS));
  } else if (!isObject(s.properties) && extra === undefined && c.budget > 0 && c.r.chance(0.5)) {
    for (let i = c.r.int(3); i > 0; i--) addExtra(c.r.pick(MAP_KEYS));
  }
  const max = int(s.maxProperties) ?? Infinity;
  for (const k of Object.keys(out).slice(max)) if (!want.has(k)) delete out[k];
  const min = Math.min(int(s.minProperties) ?? 0, 50);
  for (const k of Object.keys(props)) if (Object.keys(out).length < min && !Object.hasOwn(out, k)) define(out, k, gen(props[k], [...path, k], c, depth + 1));
  for (let i = 0; Object.keys(out).length < min; i++) addExtra(`key${i}`);
  return out;
}

export const fresh = (schema: unknown, c: Ctx) => gen(schema, [], { r: c.r, budget: 40, sites: [] }, 3);
