import { branches, clone, declaredTypes, define, fresh, hasType, impliedTypes, int, isObject, MAP_KEYS, ODD_KEYS, propsOf, regExpOf, requiredOf, SAMPLES, withBranch, withKey, withoutKeys, type Ctx, type Schema } from './schemaValues';

// Mutations: `when` is a cheap test of a site, `make` the replacement values for it.

export interface Mutator {
  name: string;
  when(s: Schema, v: unknown): boolean;
  make(s: Schema, v: unknown, c: Ctx): unknown[];
}

const unions = (s: Schema) => [...branches(s, 'oneOf'), ...branches(s, 'anyOf')];
const hasNumber = (...v: unknown[]) => v.some((x) => typeof x === 'number');
const isMember = (members: unknown[], v: unknown) => members.some((m) => JSON.stringify(m) === JSON.stringify(v) && typeof m === typeof v);

export const MUTATORS: Mutator[] = [
  { name: 'wrong type', when: () => true, make: (s) => SAMPLES.filter((v) => !impliedTypes(s).some((t) => hasType(t, v))) },
  {
    name: 'float for integer',
    when: (s) => [s, ...unions(s)].some((b) => declaredTypes(b).includes('integer')),
    make: () => [1.5, -0.5, 1e21, 2 ** 53, NaN, Infinity, -0],
  },
  { name: 'unknown field', when: (_s, v) => isObject(v), make: (_s, v, c) => ODD_KEYS.map((k) => withKey(v as Schema, k, c.r.pick(SAMPLES))) },
  {
    name: 'odd keys in a map',
    when: (s, v) => isObject(v) && isObject(s.additionalProperties),
    make: (s, v, c) => ODD_KEYS.map((k) => withKey(v as Schema, k, fresh(s.additionalProperties, c))),
  },
  {
    name: 'missing required',
    when: (s, v) => isObject(v) && requiredOf(s).some((k) => Object.hasOwn(v, k)),
    make: (s, v) => requiredOf(s).filter((k) => Object.hasOwn(v as Schema, k)).map((k) => withoutKeys(v as Schema, [k])),
  },
  {
    name: 'enum miss',
    when: (s) => Array.isArray(s.enum),
    make: (s) => {
      const members = s.enum as unknown[];
      const near = members.flatMap((m): unknown[] => (typeof m === 'string' ? [m.toUpperCase(), m.toLowerCase(), `${m} `, m + '😀'] : typeof m === 'number' ? [m + 1, -m] : []));
      return [...near, 'not-a-member', 0, false, null, {}, ['x']].filter((v) => !isMember(members, v));
    },
  },
  {
    name: 'string length',
    when: (s) => int(s.minLength) !== undefined || int(s.maxLength) !== undefined,
    make: (s) => {
      const [min, max] = [int(s.minLength), int(s.maxLength)];
      const out: string[] = [];
      if (max !== undefined && max <= 5000) out.push('x'.repeat(max + 1), '😀'.repeat(max), '😀'.repeat(max + 1), '\uD800'.repeat(max + 1), 'x'.repeat(Math.max(0, max - 1)) + '😀');
      if (min !== undefined && min > 0 && min <= 5000) out.push('x'.repeat(min - 1), '😀'.repeat(min - 1), '😀'.repeat(Math.ceil(min / 2)), '');
      return out;
    },
  },
  {
    name: 'pattern miss',
    when: (s) => regExpOf(s.pattern) !== undefined,
    make: (s) => ['', ' ', 'UPPER CASE', '-bad-', 'a b', '!!', '😀', '\n', 'a\nb', 'ünï', '../..', 'x'.repeat(300)].filter((x) => !regExpOf(s.pattern)!.test(x)),
  },
  {
    name: 'non-ASCII string',
    when: (s, v) => typeof v === 'string' || impliedTypes(s).includes('string'),
    make: () => ['ünïcödé', '😀😀', 'a\uD800', '\uDC00b', '\uD83D\uD83D', '日本語', 'e\u0301', '\u0000'],
  },
  {
    name: 'number bounds',
    when: (s) => hasNumber(s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum),
    make: (s) => {
      const out: number[] = [NaN, Infinity, -Infinity];
      if (typeof s.minimum === 'number') out.push(s.minimum - 1, s.minimum - 0.5, s.minimum);
      if (typeof s.maximum === 'number') out.push(s.maximum + 1, s.maximum + 0.5, s.maximum);
      if (typeof s.exclusiveMinimum === 'number') out.push(s.exclusiveMinimum, s.exclusiveMinimum - 1, s.exclusiveMinimum + 0.5);
      if (typeof s.exclusiveMaximum === 'number') out.push(s.exclusiveMaximum, s.exclusiveMaximum + 1, s.exclusiveMaximum - 0.5);
      return out;
    },
  },
  {
    name: 'not a multiple',
    when: (s) => typeof s.multipleOf === 'number',
    make: (s) => {
      const m = s.multipleOf as number;
      return [m * 3, m * 3 + m / 2, 0.3, 0.7, 1e21, m * 1e20, -7 * m, 0, 7, 1 / 3, -0];
    },
  },
  {
    name: 'array length',
    when: (s, v) => (int(s.minItems) !== undefined || int(s.maxItems) !== undefined) && (Array.isArray(v) || impliedTypes(s).includes('array')),
    make: (s, v, c) => {
      const items = Array.isArray(v) ? v : [];
      const make = (n: number) => Array.from({ length: n }, (_, i) => (i < items.length ? items[i] : fresh(s.items ?? {}, c)));
      const [min, max] = [int(s.minItems), int(s.maxItems)];
      const out: unknown[][] = [];
      if (max !== undefined && max <= 50) out.push(make(max + 1), make(max));
      if (min !== undefined && min > 0 && min <= 50) out.push(make(min - 1), make(min));
      return out;
    },
  },
  {
    name: 'duplicate items',
    when: (s, v) => Array.isArray(v) && (s.uniqueItems !== undefined || s['x-kubernetes-list-type'] === 'set'),
    make: (s, v, c) => {
      const items = v as unknown[];
      const item = items.length ? items[0] : fresh(s.items ?? {}, c);
      const out: unknown[][] = [[...items, clone(item)], [item, clone(item)], [1, 1.0, '1'], [null, null], [[1, 2], [1, 2]], [{ a: 1, b: [1] }, { b: [1], a: 1 }], ['a', 'b', 'a', 'b'], [1, 2, 3, 1], [{}, []], ['__proto__', 'x', '__proto__'], ['constructor', 'constructor'], [NaN, NaN], [0, -0], [true, 'true', true]];
      if (isObject(item)) out.push([item, Object.fromEntries(Object.entries(item).reverse())]);
      return out;
    },
  },
  {
    name: 'property count',
    when: (s) => int(s.minProperties) !== undefined || int(s.maxProperties) !== undefined,
    make: (s, v, c) => {
      const base = isObject(v) ? v : {};
      const [min, max] = [int(s.minProperties), int(s.maxProperties)];
      const out: unknown[] = [];
      if (max !== undefined && max <= 50) {
        const big = clone(base) as Schema;
        for (const k of [...Object.keys(propsOf(s)), ...MAP_KEYS, 'k1', 'k2', 'k3']) if (Object.keys(big).length <= max && !Object.hasOwn(big, k)) define(big, k, fresh(propsOf(s)[k] ?? s.additionalProperties ?? {}, c));
        out.push(big);
      }
      if (min !== undefined && min > 0) out.push(withoutKeys(base, Object.keys(base).slice(min - 1)), {});
      return out;
    },
  },
  {
    name: 'several branches',
    when: (s) => unions(s).length > 0,
    make: (s, v, c) => {
      const out: unknown[] = unions(s).slice(0, 4).map((b) => fresh(withBranch(s, b), c));
      if (isObject(v)) {
        const all = clone(v) as Schema;
        for (const k of unions(s).slice(0, 3).flatMap(requiredOf)) if (!Object.hasOwn(all, k)) define(all, k, fresh(propsOf(s)[k] ?? {}, c));
        out.push(all);
      }
      return out;
    },
  },
  {
    name: 'no branch',
    when: (s) => unions(s).length > 0,
    make: (s, v) => [...(isObject(v) ? [withoutKeys(v, unions(s).flatMap(requiredOf))] : []), true, [], {}, 1.5, 'x'],
  },
  {
    name: 'not matched',
    when: (s) => isObject(s.not),
    make: (s, v, c) => {
      const not = s.not as Schema;
      const out: unknown[] = [fresh(withBranch(s, not), c)];
      for (const keys of [requiredOf(not), ...unions(not).map(requiredOf)]) {
        if (!isObject(v) || !keys.length) continue;
        const hit = clone(v) as Schema;
        for (const k of keys) if (!Object.hasOwn(hit, k)) define(hit, k, fresh(propsOf(s)[k] ?? {}, c));
        out.push(hit);
      }
      return out;
    },
  },
];
