import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asQuantity } from '../../../schemas/generator/buildDefinitions';
import type { QuantityShape } from '../../../schemas/generator/quantityFields';
import { referencedDefinitions, typeToSchema } from '../../../schemas/generator/typeToSchema';
import type { SchemaNode } from '../../../schemas/generator/types';

const MODELS = new Set(['V1PodSpec', 'V1Container', 'V1JSONSchemaProps']);
const isModel = (name: string): boolean => MODELS.has(name);

describe('typeToSchema', () => {
  const cases: { name: string; type: string; format?: string; expected: SchemaNode }[] = [
    { name: 'string', type: 'string', expected: { type: 'string' } },
    { name: 'string with byte format is base64', type: 'string', format: 'byte', expected: { $ref: '#/definitions/Base64' } },
    { name: 'Date is a string', type: 'Date', format: 'date-time', expected: { type: 'string' } },
    { name: 'V1MicroTime is a string', type: 'V1MicroTime', format: 'date-time-micro', expected: { type: 'string' } },
    { name: 'number int32 is an integer', type: 'number', format: 'int32', expected: { type: 'integer' } },
    { name: 'number int64 is an integer', type: 'number', format: 'int64', expected: { type: 'integer' } },
    { name: 'number double is a number', type: 'number', format: 'double', expected: { type: 'number' } },
    { name: 'number without format is a number', type: 'number', expected: { type: 'number' } },
    { name: 'boolean', type: 'boolean', expected: { type: 'boolean' } },
    { name: 'any is anything', type: 'any', expected: {} },
    { name: 'object is anything', type: 'object', expected: {} },
    { name: 'IntOrString', type: 'IntOrString', format: 'int-or-string', expected: { $ref: '#/definitions/IntOrString' } },
    { name: 'model reference', type: 'V1PodSpec', expected: { $ref: '#/definitions/V1PodSpec' } },
    {
      name: 'array of models',
      type: 'Array<V1Container>',
      expected: { type: 'array', items: { $ref: '#/definitions/V1Container' } },
    },
    {
      name: 'array of int64 numbers takes the format for its items',
      type: 'Array<number>',
      format: 'int64',
      expected: { type: 'array', items: { type: 'integer' } },
    },
    {
      name: 'string map',
      type: '{ [key: string]: string; }',
      expected: { type: 'object', additionalProperties: { type: 'string' } },
    },
    {
      name: 'map of byte strings is a map of base64',
      type: '{ [key: string]: string; }',
      format: 'byte',
      expected: { type: 'object', additionalProperties: { $ref: '#/definitions/Base64' } },
    },
    {
      name: 'map of string arrays',
      type: '{ [key: string]: Array<string>; }',
      expected: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
    {
      name: 'map of models',
      type: '{ [key: string]: V1JSONSchemaProps; }',
      expected: { type: 'object', additionalProperties: { $ref: '#/definitions/V1JSONSchemaProps' } },
    },
    {
      name: 'map of any',
      type: '{ [key: string]: any; }',
      expected: { type: 'object', additionalProperties: {} },
    },
    {
      name: 'map of dates',
      type: '{ [key: string]: Date; }',
      format: 'date-time',
      expected: { type: 'object', additionalProperties: { type: 'string' } },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(typeToSchema(c.type, c.format ?? '', isModel), c.expected);
    });
  }

  const failures: { name: string; type: string }[] = [
    { name: 'unknown model name', type: 'V1Unknown' },
    { name: 'unknown model inside an array', type: 'Array<V9Nope>' },
    { name: 'union types are not a client type', type: 'string | number' },
  ];
  for (const c of failures) {
    test(`rejects ${c.name}`, () => {
      assert.throws(() => typeToSchema(c.type, '', isModel), /unsupported attribute type/);
    });
  }
});

describe('referencedDefinitions', () => {
  test('collects references through items, maps, properties and anyOf', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        a: { $ref: '#/definitions/A' },
        b: { type: 'array', items: { $ref: '#/definitions/B' } },
        c: { type: 'object', additionalProperties: { $ref: '#/definitions/C' } },
        d: { anyOf: [{ $ref: '#/definitions/D' }, { type: 'string' }] },
      },
    };
    assert.deepEqual([...referencedDefinitions(schema)].sort(), ['A', 'B', 'C', 'D']);
  });
});

describe('asQuantity', () => {
  const quantity = { $ref: '#/definitions/Quantity' };
  const cases: { name: string; schema: SchemaNode; shape: QuantityShape; expected?: SchemaNode }[] = [
    { name: 'plain string becomes a Quantity', schema: { type: 'string' }, shape: 'value', expected: quantity },
    {
      name: 'string map becomes a map of Quantities',
      schema: { type: 'object', additionalProperties: { type: 'string' } },
      shape: 'map',
      expected: { type: 'object', additionalProperties: quantity },
    },
    {
      name: 'string array becomes an array of Quantities',
      schema: { type: 'array', items: { type: 'string' } },
      shape: 'list',
      expected: { type: 'array', items: quantity },
    },
    { name: 'a map is not a value', schema: { type: 'object', additionalProperties: { type: 'string' } }, shape: 'value' },
    { name: 'a string is not a map', schema: { type: 'string' }, shape: 'map' },
    { name: 'a map of models is not a map of strings', schema: { type: 'object', additionalProperties: { $ref: '#/definitions/X' } }, shape: 'map' },
    { name: 'an integer is not a quantity string', schema: { type: 'integer' }, shape: 'value' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      if (c.expected) assert.deepEqual(asQuantity(c.schema, c.shape, 'M.f'), c.expected);
      else assert.throws(() => asQuantity(c.schema, c.shape, 'M.f'), /M\.f: listed as a quantity/);
    });
  }
});
