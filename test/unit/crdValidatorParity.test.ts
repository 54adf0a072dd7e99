import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { openApiToJsonSchema } from '../../server/src/language/crd/openApiToJsonSchema';
import { DRYDOCK_CONFIG_SCHEMA } from '../../server/src/language/config/drydockConfigSchema';
import { CRD_AJV_OPTIONS } from '../../server/src/language/crd/validator/crdAjvOptions';
import { interpretedValidator } from '../../server/src/language/crd/validator/interpretSchema';
import { instancesFor, type InstanceOptions } from './support/schemaInstances';
import { seedOf, SeededRandom } from './support/seededRandom';
import { describeMismatch, EDITED_SCHEMA, errorDifference, SCHEMA_EDITS, schemaAt, subschemaPaths, SYNTHETIC, usesUninterpreted } from './support/crdParityCases';

/*
 * Differential test of interpretSchema.ts: for every schema, interpretedValidator(schema) gives exactly the
 * errors ajv (CRD_AJV_OPTIONS) gives — same length, and one by one the same instancePath, schemaPath, keyword,
 * message, params, schema and data, and the very parentSchema object ajv points to — on instances generated
 * from the schema and mutated to hit every kind of error (support/schemaInstances.ts, seeded: every run
 * checks the same ones). It refuses (null) exactly the schemas ajv refuses to compile, and leaves to ajv
 * (undefined) none of the catalog's.
 *
 * Run time: ajv alone takes about 10 s to compile the catalog's 199 schemas on a quiet 2-core machine, and the
 * whole comparison of all of them 25-40 s (the catalog, and ~700 schema edits each compiled by a fresh ajv), twice
 * that under `npm test`. So by default it checks every schema of the three groups below and every 5th of the others
 * (82 schemas), the edits at 4 places of a small schema and in 1 catalog schema: about 10-15 s.
 * DRYDOCK_FULL_PARITY=1 checks all of them, with more instances each.
 */
const FULL = process.env.DRYDOCK_FULL_PARITY === '1';
const ALWAYS_GROUPS = new Set(['gateway.networking.k8s.io', 'networking.istio.io', 'monitoring.coreos.com']);
const OPTIONS: InstanceOptions = FULL ? { bases: 4, perMutator: 3, combos: 16, budget: 400 } : { bases: 3, perMutator: 1, combos: 6, budget: 250 };
const SMALL: InstanceOptions = { bases: 1, perMutator: 1, combos: 2, budget: 40 };
const CATALOG_DIR = join(__dirname, '..', '..', 'schemas', 'crd-catalog');

interface Entry {
  key: string;
  group: string;
  schema: unknown;
}
const CATALOG: Entry[] = readdirSync(CATALOG_DIR)
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .sort()
  .flatMap((file) => {
    const kinds = JSON.parse(readFileSync(join(CATALOG_DIR, file), 'utf8')) as Record<string, unknown>;
    return Object.keys(kinds)
      .sort()
      .map((key) => ({ key, group: file.slice(0, -'.json'.length), schema: openApiToJsonSchema(kinds[key]) }));
  });
const CHECKED = CATALOG.filter((entry, i) => FULL || ALWAYS_GROUPS.has(entry.group) || i % 5 === 0);

let edits = { refused: 0, accepted: 0 };
const stats = { schemas: 0, instances: 0, invalid: 0, keywords: new Set<string>(), leftToAjv: [] as string[], refused: 0, accepted: 0, ajvThrows: [] as string[] };

function compile(schema: unknown): ValidateFunction | null {
  try {
    return new Ajv(CRD_AJV_OPTIONS).compile(schema as object);
  } catch {
    return null;
  }
}

function interpreted(schema: unknown): unknown {
  try {
    return interpretedValidator(schema);
  } catch (error) {
    return `an exception: ${String(error)}`;
  }
}

/** Compares the interpreter with ajv on `schema` and its instances: the mismatches, described (none: they agree). */
function compare(key: string, schema: unknown, options: InstanceOptions, mayBeUninterpreted = false): string[] {
  const before = JSON.stringify(schema);
  const ours = interpreted(schema);
  const instances = typeof ours === 'function' ? instancesFor(schema, seedOf(key), options) : [];
  // The interpreter answers first, on the schema as given: ajv's compile changes some (it pushes 'null' onto a
  // `type` array with `nullable: true`), and its errors are those of the schema as given. Each answer is
  // copied but for `data` and `parentSchema` (compared by reference), as compiling may change what it points to.
  const answers = typeof ours === 'function' ? instances.map(({ value }) => answer(ours as (v: unknown) => unknown, value)) : [];
  const changed = JSON.stringify(schema) !== before;
  const validate = compile(schema);
  const gives = `the interpreter gives ${typeof ours === 'function' ? 'a validator' : String(ours)}`;
  if (!validate) {
    stats.refused++;
    // What the interpreter leaves to ajv (undefined), ajv refuses then.
    return ours === null || (ours === undefined && mayBeUninterpreted) ? [] : [`${key}: ajv refuses to compile it, ${gives}`];
  }
  stats.accepted++;
  if (ours === undefined && mayBeUninterpreted) {
    stats.leftToAjv.push(key);
    return [];
  }
  if (typeof ours !== 'function') return [`${key}: ajv compiles it, ${gives}`];
  const mismatches: string[] = changed ? [`${key}: the interpreter changed the schema`] : [];
  stats.schemas++;
  instances.forEach(({ label, value }, i) => {
    let expected: ErrorObject[];
    try {
      expected = validate(value) ? [] : [...(validate.errors ?? [])];
    } catch (error) {
      // ajv's own failure (its deep equality calls a `toString` key of an object, in uniqueItems or enum): nothing to compare.
      stats.ajvThrows.push(`${key}, ${label}: ajv throws ${String(error)}, the interpreter gives ${Array.isArray(answers[i]) ? `${answers[i].length} errors` : answers[i]}`);
      return;
    }
    stats.instances++;
    if (expected.length) stats.invalid++;
    for (const e of expected) stats.keywords.add(e.keyword);
    const difference = errorDifference(expected, answers[i]);
    if (difference) mismatches.push(describeMismatch(key, label, value, expected, answers[i], difference));
  });
  return mismatches;
}

function answer(validate: (v: unknown) => unknown, value: unknown): unknown {
  try {
    const errors = validate(value);
    if (!Array.isArray(errors)) return errors;
    return errors.map((e: ErrorObject) => (typeof e === 'object' && e !== null ? { ...e, ...('params' in e ? { params: structuredClone(e.params) } : {}), ...('schema' in e ? { schema: structuredClone(e.schema) } : {}) } : e));
  } catch (error) {
    return `an exception: ${String(error)}`;
  }
}

function assertAgree(mismatches: string[]): void {
  const schemas = new Set(mismatches.map((m) => /^(.*?)(?:, |: )/.exec(m)?.[1] ?? m.slice(0, 80)));
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches, in ${[...schemas].slice(0, 8).join('; ')}${schemas.size > 8 ? '; …' : ''}. The first ones:\n\n${mismatches.slice(0, 4).join('\n\n')}`);
}

test('crd validator parity: the comparison tells every kind of difference, and the instances are the same on every run', () => {
  const schema = { type: 'object', properties: { a: { type: 'integer', maximum: 3 }, b: { enum: ['x'] } }, additionalProperties: false };
  const validate = compile(schema)!;
  assert.equal(validate({ a: 4.5, b: 'y', c: 1 }), false);
  const errors = [...validate.errors!];
  assert.equal(errors.length, 4);
  assert.equal(errorDifference(errors, errors.map((e) => ({ ...e }))), undefined);
  const tampered: Array<(e: ErrorObject[]) => unknown> = [
    (e) => e.slice(1),
    (e) => [...e, e[0]],
    (e) => [e[1], e[0], ...e.slice(2)],
    (e) => [{ ...e[0], message: 'must be a number' }, ...e.slice(1)],
    (e) => [{ ...e[0], instancePath: '/b' }, ...e.slice(1)],
    (e) => [{ ...e[0], schemaPath: '#/type' }, ...e.slice(1)],
    (e) => [{ ...e[0], params: { type: 'number' } }, ...e.slice(1)],
    (e) => [{ ...e[0], data: 4 }, ...e.slice(1)],
    (e) => [{ ...e[0], schema: 'number' }, ...e.slice(1)],
    (e) => [{ ...e[0], parentSchema: structuredClone(e[0].parentSchema) }, ...e.slice(1)],
    (e) => [{ ...e[0], propertyName: 'a' }, ...e.slice(1)],
    () => undefined,
  ];
  for (const tamper of tampered) assert.equal(typeof errorDifference(errors, tamper(errors)), 'string', String(tamper));
  const key = CATALOG[0].key;
  assert.ok(isDeepStrictEqual(instancesFor(CATALOG[0].schema, seedOf(key), OPTIONS), instancesFor(CATALOG[0].schema, seedOf(key), OPTIONS)));
});

for (const group of new Set(CHECKED.map((entry) => entry.group))) {
  const entries = CHECKED.filter((entry) => entry.group === group);
  test(`crd validator parity: ${group} (${entries.length} of ${CATALOG.filter((e) => e.group === group).length} kinds)`, () => {
    assertAgree(entries.flatMap(({ key, schema }) => compare(key, schema, OPTIONS)));
  });
}

test('crd validator parity: the .drydock.yaml schema', () => {
  assertAgree(compare('.drydock.yaml', DRYDOCK_CONFIG_SCHEMA, FULL ? { ...OPTIONS, combos: 60 } : { ...OPTIONS, perMutator: 3, combos: 20 }));
});

test('crd validator parity: hand-made schemas (uniqueItems, multipleOf, exclusive bounds, nullable, unions, odd names, …)', () => {
  const options = { ...OPTIONS, bases: 4, perMutator: Infinity, combos: FULL ? 60 : 20 }; // every site of these small schemas
  assertAgree(SYNTHETIC.flatMap(({ name, schema, mayBeUninterpreted }) => compare(name, schema, options, mayBeUninterpreted)));
});

test('crd validator parity: refuses exactly the schemas ajv refuses to compile, and agrees on the others', () => {
  const r = new SeededRandom(20261207);
  const targets = FULL ? EDITED_SCHEMA.targets : EDITED_SCHEMA.targets.slice(0, 4);
  const cases: Array<{ name: string; schema: unknown; target: string[] }> = targets.map((target) => ({ name: 'the small schema', schema: EDITED_SCHEMA.schema, target }));
  for (const key of ['telemetry.istio.io/v1/Telemetry', 'security.istio.io/v1/AuthorizationPolicy', 'traefik.io/v1alpha1/IngressRoute'].slice(0, FULL ? 3 : 1)) {
    const schema = CATALOG.find((entry) => entry.key === key)!.schema;
    cases.push({ name: key, schema, target: r.pick(subschemaPaths(schema).filter((p) => p.length > 2)) });
  }
  const [refused, accepted] = [stats.refused, stats.accepted];
  const mismatches = cases.flatMap(({ name, schema, target }) =>
    SCHEMA_EDITS.flatMap(([edit, apply]) => {
      const edited = structuredClone(schema);
      apply(schemaAt(edited, target));
      return compare(`${name} with ${edit} at /${target.join('/')}`, edited, SMALL, usesUninterpreted(edited));
    }),
  );
  edits = { refused: stats.refused - refused, accepted: stats.accepted - accepted };
  assertAgree(mismatches);
  // Both answers occur: the edits are no use if ajv refuses them all, or none.
  assert.ok(edits.refused > 50 && edits.accepted > 50, JSON.stringify(edits));
});

test('crd validator parity: the instances reached every kind of error', (t) => {
  if (!stats.instances) return t.skip('the other tests did not run');
  const expected = ['type', 'additionalProperties', 'required', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'anyOf', 'oneOf', 'not'];
  assert.deepEqual(expected.filter((k) => !stats.keywords.has(k)), [], 'keywords no instance made ajv report');
  t.diagnostic(`${stats.schemas} schemas and ${stats.instances} instances compared (${stats.invalid} invalid); ${CHECKED.length} of ${CATALOG.length} catalog schemas${FULL ? '' : ' (DRYDOCK_FULL_PARITY=1: all)'}; left to ajv: ${stats.leftToAjv.join(', ') || 'none'}; schema edits: ${edits.refused} refused, ${edits.accepted} compiled`);
  if (stats.ajvThrows.length) t.diagnostic(`ajv itself threw on ${stats.ajvThrows.length} instances, not compared: ${stats.ajvThrows.slice(0, 3).join('; ')}`);
  // Neither all valid nor all invalid: both ways of being wrong are exercised.
  assert.ok(stats.invalid > stats.instances * 0.3 && stats.invalid < stats.instances * 0.97, `${stats.invalid} of ${stats.instances} instances invalid`);
});
