import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaValidators } from '../../../../server/src/language/schema/schemaValidators';
import type { SchemaBundle } from '../../../../server/src/language/schema/schemaBundle';
import { walkWithSchema, type FieldInterest } from '../../../../server/src/language/rules/objects/schemaWalk';

/**
 * A small "field of type" graph: Root → Spec (itself recursive, through `self` and through
 * Wrapper), Spec → Item by list and by map, Root → Meta (which leads to no wanted field).
 */
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const BUNDLE = {
  definitions: {
    IoV1Root: { properties: { spec: ref('IoV1Spec'), meta: ref('IoV1Meta') } },
    IoV1Spec: { properties: { items: { type: 'array', items: ref('IoV1Item') }, byName: { type: 'object', additionalProperties: ref('IoV1Item') }, self: ref('IoV1Spec'), wrapped: ref('IoV1Wrapper') } },
    IoV1Wrapper: { properties: { inner: ref('IoV1Spec'), note: { type: 'string' } } },
    IoV1Item: { properties: { op: { type: 'string' }, other: { type: 'integer' } } },
    IoV1Meta: { properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } } },
  },
} as unknown as SchemaBundle;

const VALUE = {
  spec: {
    items: [{ op: 'a' }, { other: 1 }],
    byName: { k: { op: 'b' } },
    self: { items: [{ op: 'c' }] },
    wrapped: { inner: { byName: { deep: { op: 'd' } } }, note: 'x' },
  },
  meta: { labels: { op: 'not an Item' } },
};

const ITEM_OP: FieldInterest = { id: 'test/item-op', wants: (owner, field) => owner === 'Item' && field === 'op' };

/** The wanted fields a walk visits, as `path=value`. */
function visits(schemas: SchemaValidators, definition: string, value: unknown, interest: FieldInterest): string[] {
  const seen: string[] = [];
  walkWithSchema(schemas, definition, value, interest, (field) => seen.push(`${field.path.join('.')}=${String(field.value)}`));
  return seen;
}

const ROOT_VISITS = ['spec.items.0.op=a', 'spec.byName.k.op=b', 'spec.self.items.0.op=c', 'spec.wrapped.inner.byName.deep.op=d'];

const cases: Array<{ name: string; walks: Array<[definition: string, value: unknown, expected: string[]]> }> = [
  { name: 'from the root: lists, maps and both recursions are followed', walks: [['IoV1Root', VALUE, ROOT_VISITS]] },
  { name: 'a definition deep in the graph first, then the root (plans decided on an earlier walk are reused)', walks: [['IoV1Item', { op: 'z' }, ['op=z']], ['IoV1Root', VALUE, ROOT_VISITS]] },
  { name: 'the recursive definition first, then the root', walks: [['IoV1Spec', VALUE.spec, ROOT_VISITS.map((v) => v.slice('spec.'.length))], ['IoV1Root', VALUE, ROOT_VISITS]] },
  { name: 'the wrapper (in the cycle) first, then the root', walks: [['IoV1Wrapper', VALUE.spec.wrapped, ['inner.byName.deep.op=d']], ['IoV1Root', VALUE, ROOT_VISITS]] },
  { name: 'a definition that leads to no wanted field is not walked', walks: [['IoV1Meta', VALUE.meta, []], ['IoV1Root', VALUE, ROOT_VISITS]] },
  { name: 'an unknown definition is not walked', walks: [['IoV1Nope', VALUE, []], ['IoV1Root', VALUE, ROOT_VISITS]] },
];

for (const { name, walks } of cases) {
  test(`walkWithSchema: ${name}`, () => {
    const schemas = new SchemaValidators(BUNDLE);
    for (const [definition, value, expected] of walks) assert.deepEqual(visits(schemas, definition, value, ITEM_OP), expected, definition);
  });
}

test('walkWithSchema: each interest has its own plans over the same bundle', () => {
  const schemas = new SchemaValidators(BUNDLE);
  const wrapperNote: FieldInterest = { id: 'test/wrapper-note', wants: (owner, field) => owner === 'Wrapper' && field === 'note' };
  assert.deepEqual(visits(schemas, 'IoV1Root', VALUE, ITEM_OP), ROOT_VISITS);
  assert.deepEqual(visits(schemas, 'IoV1Root', VALUE, wrapperNote), ['spec.wrapped.note=x']);
  assert.deepEqual(visits(schemas, 'IoV1Item', { op: 'z' }, wrapperNote), []);
  assert.deepEqual(visits(schemas, 'IoV1Item', { op: 'z' }, ITEM_OP), ['op=z']);
});
