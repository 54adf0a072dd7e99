// Turns client models into JSON Schema definitions: closed objects (`additionalProperties: false`),
// `required` from the non-optional properties (less what the API server defaults or accepts empty:
// notRequiredByServer.ts), descriptions from the doc comments, quantities from
// the facts table. Only definitions reachable from the given roots (the kinds) are emitted.
import { requiredByServer } from './notRequiredByServer';
import { quantityShape, type QuantityShape } from './quantityFields';
import { QUANTITY, ref, sharedDefinitions } from './sharedDefinitions';
import { referencedDefinitions, typeToSchema } from './typeToSchema';
import type { SchemaNode, ModelInfo, ModelProperty } from './types';

/** Replaces the string leaf of a (possibly array / map) property schema by a Quantity reference. */
export function asQuantity(schema: SchemaNode, shape: QuantityShape, where: string): SchemaNode {
  const expectString = (leaf: SchemaNode | boolean | undefined): SchemaNode => {
    if (typeof leaf !== 'object' || leaf.type !== 'string' || leaf.pattern !== undefined || leaf.$ref !== undefined) {
      throw new Error(`${where}: listed as a quantity (${shape}) but the client type is not a ${shape} of strings`);
    }
    return ref(QUANTITY);
  };
  switch (shape) {
    case 'value':
      return expectString(schema);
    case 'map':
      if (schema.type !== 'object') expectString(undefined);
      return { type: 'object', additionalProperties: expectString(schema.additionalProperties) };
    case 'list':
      if (schema.type !== 'array') expectString(undefined);
      return { type: 'array', items: expectString(schema.items) };
  }
}

export function propertySchema(model: string, property: ModelProperty, isModel: (name: string) => boolean): SchemaNode {
  const where = `${model}.${property.jsonName}`;
  let schema = typeToSchema(property.type, property.format, isModel);
  const shape = quantityShape(model, property.jsonName);
  if (shape) schema = asQuantity(schema, shape, where);
  return property.description !== undefined ? { ...schema, description: property.description } : schema;
}

export function modelSchema(model: ModelInfo, isModel: (name: string) => boolean): SchemaNode {
  const properties: Record<string, SchemaNode> = {};
  for (const property of model.properties) {
    properties[property.jsonName] = propertySchema(model.name, property, isModel);
  }
  const required = model.properties.filter((p) => p.required && requiredByServer(model.name, p.jsonName)).map((p) => p.jsonName).sort();
  return {
    type: 'object',
    ...(model.description !== undefined ? { description: model.description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** Definitions for `roots` and everything they reference (models and shared value types). */
export function buildDefinitions(models: ReadonlyMap<string, ModelInfo>, roots: Iterable<string>): Record<string, SchemaNode> {
  const isModel = (name: string): boolean => models.has(name);
  const shared = sharedDefinitions();
  const definitions: Record<string, SchemaNode> = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (Object.hasOwn(definitions, name)) continue;
    const model = models.get(name);
    const schema = model ? modelSchema(model, isModel) : shared[name];
    if (!schema) throw new Error(`no model or shared definition named ${name}`);
    definitions[name] = schema;
    for (const next of referencedDefinitions(schema)) if (!Object.hasOwn(definitions, next)) queue.push(next);
  }
  return definitions;
}
