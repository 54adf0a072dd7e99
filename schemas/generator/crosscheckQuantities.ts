// Dev-time only: checks the Quantity facts table against a swagger document, both ways — every
// swagger property typed resource.Quantity has a matching entry, and every entry that applies to
// this release (its model exists in the client) points at a Quantity property of that shape.
import { QUANTITY_FIELDS, quantityShape, type QuantityShape } from './quantityFields';
import { QUANTITY_KEY, clientModelName, refOf, type SwaggerDocument, type SwaggerSchema } from './swaggerDocument';

export interface QuantityReport {
  swaggerQuantityFields: number;
  differences: string[];
  /** Table entries for models or fields this release does not have (used by other releases). */
  unusedEntries: string[];
}

/** How a swagger property holds a Quantity, if it does. */
export function swaggerQuantityShape(schema: SwaggerSchema): QuantityShape | undefined {
  if (refOf(schema) === QUANTITY_KEY) return 'value';
  if (typeof schema.additionalProperties === 'object' && refOf(schema.additionalProperties) === QUANTITY_KEY) return 'map';
  if (schema.items && refOf(schema.items) === QUANTITY_KEY) return 'list';
  return undefined;
}

export function crosscheckQuantities(swagger: SwaggerDocument, clientModels: ReadonlySet<string>): QuantityReport {
  const report: QuantityReport = { swaggerQuantityFields: 0, differences: [], unusedEntries: [] };
  const swaggerKeyOfModel = new Map<string, string>();
  for (const [key, definition] of Object.entries(swagger.definitions)) {
    const model = clientModelName(key, clientModels);
    if (model) swaggerKeyOfModel.set(model, key);
    for (const [field, schema] of Object.entries(definition.properties ?? {})) {
      const shape = swaggerQuantityShape(schema);
      if (!shape) continue;
      report.swaggerQuantityFields++;
      if (!model) report.differences.push(`${key}.${field}: Quantity (${shape}) in a definition the client has no model for`);
      else if (quantityShape(model, field) !== shape) {
        report.differences.push(`${model}.${field}: swagger has a Quantity ${shape}, table says ${quantityShape(model, field) ?? 'nothing'}`);
      }
    }
  }
  for (const [model, fields] of Object.entries(QUANTITY_FIELDS)) {
    const key = swaggerKeyOfModel.get(model);
    for (const [field, shape] of Object.entries(fields)) {
      if (!clientModels.has(model) || !key) {
        report.unusedEntries.push(`${model}.${field}`);
        continue;
      }
      const schema = swagger.definitions[key].properties?.[field];
      if (!schema) {
        report.unusedEntries.push(`${model}.${field}`);
        continue;
      }
      const actual = swaggerQuantityShape(schema);
      if (actual !== shape) report.differences.push(`${model}.${field}: table says Quantity ${shape}, swagger ${key} has ${actual ?? 'no Quantity there'}`);
    }
  }
  return report;
}
