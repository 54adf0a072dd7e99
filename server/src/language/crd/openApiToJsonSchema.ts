import { isPlainObject } from '../manifests';
import type { JsonSchema } from '../schema/schemaBundle';

/** Keywords copied as they are (value validations and annotations of a structural schema). */
const COPIED = ['type', 'description', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'default', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-validations', 'format'];
const MAX_DEPTH = 64;

/**
 * Turns a CRD's `openAPIV3Schema` (OpenAPI 3.0, structural) into a draft-07 JSON Schema that ajv
 * validates the way the API server does with strict field validation:
 *   - objects with `properties` reject unknown fields unless `x-kubernetes-preserve-unknown-fields`;
 *   - `nullable` adds `null`; `x-kubernetes-int-or-string` is integer or string;
 *   - OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 *   - `format` is kept but not checked (the API server checks few formats, and not strictly; CEL
 *     rules need it to tell strings from bytes, durations and timestamps);
 *   - `x-kubernetes-validations` (CEL rules) are kept for validationRules.ts;
 *   - at the root, `apiVersion`, `kind` and `metadata` are always allowed.
 */
export function openApiToJsonSchema(openApi: unknown): JsonSchema {
  const schema = convert(openApi, 0);
  const properties = { ...(schema.properties ?? {}) };
  properties.apiVersion ??= { type: 'string' };
  properties.kind ??= { type: 'string' };
  properties.metadata ??= { type: 'object' };
  return { ...schema, type: 'object', properties };
}

function convert(raw: unknown, depth: number): JsonSchema {
  if (!isPlainObject(raw) || depth > MAX_DEPTH) return {};
  const schema: JsonSchema = {};
  for (const key of COPIED) if (raw[key] !== undefined) schema[key] = raw[key];
  if (raw.exclusiveMinimum === true && typeof raw.minimum === 'number') {
    schema.exclusiveMinimum = raw.minimum;
    delete schema.minimum;
  }
  if (raw.exclusiveMaximum === true && typeof raw.maximum === 'number') {
    schema.exclusiveMaximum = raw.maximum;
    delete schema.maximum;
  }
  if (raw['x-kubernetes-int-or-string'] === true) {
    delete schema.type;
    schema.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (raw.nullable === true && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (isPlainObject(raw.properties)) {
    schema.properties = {};
    for (const [name, child] of Object.entries(raw.properties)) schema.properties[name] = convert(child, depth + 1);
  }
  if (Array.isArray(raw.required)) schema.required = raw.required.filter((r): r is string => typeof r === 'string');
  if (isPlainObject(raw.items)) schema.items = convert(raw.items, depth + 1);
  const preserve = raw['x-kubernetes-preserve-unknown-fields'] === true || raw['x-kubernetes-embedded-resource'] === true;
  if (isPlainObject(raw.additionalProperties)) schema.additionalProperties = convert(raw.additionalProperties, depth + 1);
  else if (raw.additionalProperties === false || (schema.properties && !preserve && raw.additionalProperties !== true)) schema.additionalProperties = false;
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = raw[combinator];
    if (Array.isArray(branches)) schema[combinator] = branches.map((b) => convert(b, depth + 1));
  }
  if (isPlainObject(raw.not)) schema.not = convert(raw.not, depth + 1);
  return schema;
}
