import { SeededRandom } from './seededRandom';
import { define, gen, isObject, ODD_KEYS, SAMPLES, withKey, type Ctx, type Schema } from './schemaValues';
import { MUTATORS, type Mutator } from './schemaMutators';

/**
 * Deterministic instances of a JSON Schema (draft-07, as openApiToJsonSchema makes them) for differential
 * tests: a few generated from the schema (required and some optional properties, enum members, arrays of
 * 0-3 items, maps, a branch of each union), then copies with one or more seeded mutations, each aimed at a
 * kind of error (wrong types, unknown and odd keys, missing required fields, enum misses, lengths and
 * patterns, bounds and multiples, array and object sizes, duplicates, unions matched by several or no
 * branches, `not`, non-ASCII strings). Nothing here knows what the validator will say.
 */

export interface Instance {
  label: string;
  value: unknown;
}
export interface InstanceOptions {
  /** Instances generated from the schema; the mutations start from them. */
  bases: number;
  /** Sites each mutation is applied to (one instance per site and replacement, two replacements at most; Infinity: all). */
  perMutator: number;
  /** Instances with 2-4 random mutations. */
  combos: number;
  /** Values per generated instance, about (optional properties stop when it runs out). */
  budget: number;
}

const MISSING = Symbol('missing');
function getAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const k of path) {
    if (Array.isArray(v) ? !(Number(k) < v.length) : !isObject(v) || !Object.hasOwn(v, k)) return MISSING;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
/** A copy of `root` with the value at `path` replaced (the containers on the path are copied, the rest shared). */
function setAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (!path.length) return value;
  const [k, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, i) => (String(i) === k ? setAt(item, rest, value) : item));
  const out = {};
  for (const key of Object.keys(root as object)) define(out, key, key === k ? setAt((root as Record<string, unknown>)[key], rest, value) : (root as Record<string, unknown>)[key]);
  return out;
}
const pointer = (path: readonly string[]) => (path.length ? '/' + path.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : 'the root');

/** The instances of `schema` for one seed: generated ones, then mutated copies of them (each with a label saying what changed where). */
export function instancesFor(schema: unknown, seed: number, o: InstanceOptions): Instance[] {
  const r = new SeededRandom(seed);
  const c: Ctx = { r, budget: 0, sites: [] };
  const bases = Array.from({ length: o.bases }, () => {
    const ctx: Ctx = { r, budget: o.budget, sites: [] };
    return { value: gen(schema, [], ctx, 0), sites: ctx.sites };
  });
  const out: Instance[] = bases.map((b, i) => ({ label: `generated #${i}`, value: b.value }));
  if (isObject(bases[0].value)) out.push({ label: 'odd unknown fields at the root', value: ODD_KEYS.reduce((v, k) => withKey(v, k, r.pick(SAMPLES)), bases[0].value) });
  const pairs = bases.map(() => [] as Array<{ m: Mutator; path: string[]; schema: Schema }>);
  for (const m of MUTATORS) {
    const applicable = bases.flatMap((b, i) => b.sites.filter((site) => m.when(site.schema, getAt(b.value, site.path))).map((site) => ({ i, site })));
    for (const { i, site } of applicable) pairs[i].push({ m, ...site });
    for (const { i, site } of r.sample(applicable, o.perMutator)) {
      for (const replacement of r.sample(m.make(site.schema, getAt(bases[i].value, site.path), c), 2)) {
        out.push({ label: `${m.name} at ${pointer(site.path)}`, value: setAt(bases[i].value, site.path, replacement) });
      }
    }
  }
  for (let n = 0; n < o.combos; n++) {
    const i = r.int(bases.length);
    if (!pairs[i].length) break;
    let value = bases[i].value;
    const labels: string[] = [];
    for (const { m, path, schema: s } of r.sample(pairs[i], 2 + r.int(3))) {
      const current = getAt(value, path);
      if (current === MISSING || !m.when(s, current)) continue;
      const options = m.make(s, current, c);
      if (!options.length) continue;
      value = setAt(value, path, r.pick(options));
      labels.push(`${m.name} at ${pointer(path)}`);
    }
    if (labels.length) out.push({ label: labels.join(' + '), value });
  }
  return out;
}
