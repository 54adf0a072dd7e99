import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDefinitions, modelSchema } from '../../../schemas/generator/buildDefinitions';
import { NOT_REQUIRED_BY_SERVER } from '../../../schemas/generator/notRequiredByServer';
import { quantityShape } from '../../../schemas/generator/quantityFields';
import { BASE64_PATTERN, QUANTITY_PATTERN } from '../../../schemas/generator/sharedDefinitions';
import { stableStringify } from '../../../schemas/generator/stableJson';
import type { ModelInfo } from '../../../schemas/generator/types';

const model = (name: string, properties: ModelInfo['properties'], description?: string): ModelInfo => ({
  name,
  ...(description ? { description } : {}),
  properties,
});

// Synthetic models; V1ResourceRequirements.limits is in the real Quantity table.
const MODELS = new Map<string, ModelInfo>([
  [
    'V1Thing',
    model(
      'V1Thing',
      [
        { jsonName: 'name', type: 'string', format: '', required: true, description: 'The name.' },
        { jsonName: 'resources', type: 'V1ResourceRequirements', format: '', required: false },
        { jsonName: 'port', type: 'IntOrString', format: 'int-or-string', required: false },
      ],
      'A thing.',
    ),
  ],
  ['V1ResourceRequirements', model('V1ResourceRequirements', [{ jsonName: 'limits', type: '{ [key: string]: string; }', format: '', required: false }])],
  ['V1Unused', model('V1Unused', [])],
]);
const isModel = (name: string): boolean => MODELS.has(name);

describe('modelSchema', () => {
  test('closed object with required, descriptions and references', () => {
    assert.deepEqual(modelSchema(MODELS.get('V1Thing') as ModelInfo, isModel), {
      type: 'object',
      description: 'A thing.',
      properties: {
        name: { type: 'string', description: 'The name.' },
        resources: { $ref: '#/definitions/V1ResourceRequirements' },
        port: { $ref: '#/definitions/IntOrString' },
      },
      required: ['name'],
      additionalProperties: false,
    });
  });
  test('quantity table turns a string map into a map of Quantities', () => {
    assert.deepEqual(modelSchema(MODELS.get('V1ResourceRequirements') as ModelInfo, isModel).properties?.limits, {
      type: 'object',
      additionalProperties: { $ref: '#/definitions/Quantity' },
    });
  });
});

describe('fields the API server does not require', () => {
  test('a field the server defaults is left out of required (RoleRef.apiGroup: SetDefaults_RoleBinding)', () => {
    const roleRef = model('V1RoleRef', [
      { jsonName: 'apiGroup', type: 'string', format: '', required: true },
      { jsonName: 'kind', type: 'string', format: '', required: true },
      { jsonName: 'name', type: 'string', format: '', required: true },
    ]);
    assert.deepEqual(modelSchema(roleRef, () => false).required, ['kind', 'name']);
  });
  test('every entry of the table says why', () => {
    for (const [name, fields] of Object.entries(NOT_REQUIRED_BY_SERVER)) for (const [field, why] of Object.entries(fields)) assert.ok(why.length > 20, `${name}.${field}`);
  });
});

describe('buildDefinitions', () => {
  test('emits exactly what the roots reach, shared definitions included', () => {
    assert.deepEqual(Object.keys(buildDefinitions(MODELS, ['V1Thing'])).sort(), ['IntOrString', 'Quantity', 'V1ResourceRequirements', 'V1Thing']);
  });
  test('throws for an unknown root', () => {
    assert.throws(() => buildDefinitions(MODELS, ['V1Missing']), /no model or shared definition named V1Missing/);
  });
});

describe('quantity table lookups', () => {
  const cases: { name: string; model: string; field: string; expected: string | undefined }[] = [
    { name: 'container limits', model: 'V1ResourceRequirements', field: 'limits', expected: 'map' },
    { name: 'emptyDir sizeLimit', model: 'V1EmptyDirVolumeSource', field: 'sizeLimit', expected: 'value' },
    { name: 'not a quantity', model: 'V1ResourceRequirements', field: 'claims', expected: undefined },
    { name: 'inherited object keys are not fields', model: 'V1PodSpec', field: 'toString', expected: undefined },
  ];
  for (const c of cases) test(c.name, () => assert.equal(quantityShape(c.model, c.field), c.expected));
});

describe('QUANTITY_PATTERN', () => {
  const quantity = new RegExp(QUANTITY_PATTERN, 'u');
  const valid = ['500m', '1', '0.5', '1.', '.5', '+1', '-1', '2Gi', '1Ki', '1Ei', '1k', '1M', '1E', '100n', '10u', '1e3', '1E3', '1e-3', '1.5e+2'];
  const invalid = ['', '1Gb', '1K', '1gi', 'Gi', '.', '1e', '1e1.5', '1 Gi', '1Mi ', 'one', '1.2.3', '--1', '1mi'];
  for (const text of valid) test(`accepts "${text}"`, () => assert.match(text, quantity));
  for (const text of invalid) test(`rejects "${text}"`, () => assert.doesNotMatch(text, quantity));
});

describe('BASE64_PATTERN', () => {
  const base64 = new RegExp(BASE64_PATTERN, 'u');
  const valid = ['', 'aGVsbG8=', 'aGVsbA==', 'aGVs', 'aGVs\nbG8=\n', 'YWJj\r\nZGVm'];
  const invalid = ['not base64!', 'aGVsbG8', 'aGVsbA=', 'a===', 'aGVs bG8=', '=aGVs'];
  for (const text of valid) test(`accepts ${JSON.stringify(text)}`, () => assert.match(text, base64));
  for (const text of invalid) test(`rejects ${JSON.stringify(text)}`, () => assert.doesNotMatch(text, base64));
});

describe('stableStringify', () => {
  const cases: { name: string; value: unknown; expected: string }[] = [
    { name: 'sorts keys at every level', value: { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, expected: '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}' },
    { name: 'drops undefined members', value: { a: undefined, b: 'x' }, expected: '{"b":"x"}' },
    { name: 'escapes strings like JSON', value: { 'k"': 'line\nbreak' }, expected: '{"k\\"":"line\\nbreak"}' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(stableStringify(c.value), c.expected));
});
