import type Ajv from 'ajv';
import type { JsonSchema } from '../../schema/schemaBundle';
import { interpretedValidator, type CrdValidate } from './interpretSchema';

/**
 * The validator of a CRD's converted schema: interpreted (interpretSchema.ts) when the schema keeps
 * to the keywords CRD schemas use, which is every schema openApiToJsonSchema writes; else compiled by
 * ajv (`ajv`: the owner's instance, made on first need). Null when ajv refuses the schema: it then
 * validates nothing, as before.
 */
export function crdValidator(schema: JsonSchema, ajv: () => Ajv): CrdValidate | null {
  const interpreted = interpretedValidator(schema);
  if (interpreted !== undefined) return interpreted;
  try {
    const compiled = ajv().compile(schema);
    return (value) => (compiled(value) ? [] : [...(compiled.errors ?? [])]);
  } catch {
    return null;
  }
}
