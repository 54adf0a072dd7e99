import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema, SchemaBundle } from './schemaBundle';

const BUNDLE_ID = 'k8s';

/**
 * Compiled ajv validators for one schema bundle, compiled lazily per definition on first use (a
 * workspace rarely uses more than a dozen kinds, and compiling all of Kubernetes takes seconds).
 */
export class SchemaValidators {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Definition objects (and their direct anyOf branches) → definition name, to name the owner of an error. */
  private readonly owners = new Map<object, string>();

  constructor(readonly bundle: SchemaBundle) {
    this.ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, inlineRefs: true });
    this.ajv.addSchema({ $id: BUNDLE_ID, definitions: bundle.definitions as Record<string, object> });
    for (const [name, schema] of Object.entries(bundle.definitions)) {
      this.owners.set(schema, name);
      for (const branch of schema.anyOf ?? []) this.owners.set(branch, name);
    }
  }

  private readonly derivedData = new Map<string, unknown>();

  /** Data derived from this version's schemas (e.g. a rule's walk plan), computed once under `key`. */
  derived<T>(key: string, compute: (bundle: SchemaBundle) => T): T {
    let value = this.derivedData.get(key) as T | undefined;
    if (value === undefined) {
      value = compute(this.bundle);
      this.derivedData.set(key, value);
    }
    return value;
  }

  /** The definition a schema object belongs to (ajv's `parentSchema` of an error), if it is one. */
  ownerOf(schema: unknown): string | undefined {
    return schema !== null && typeof schema === 'object' ? this.owners.get(schema) : undefined;
  }

  /** Validates `value` against a definition; returns ajv's errors (empty when valid). */
  validate(definition: string, value: unknown): ErrorObject[] {
    let fn = this.compiled.get(definition);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${BUNDLE_ID}#/definitions/${definition}` });
      this.compiled.set(definition, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }

  definition(name: string): JsonSchema | undefined {
    return this.bundle.definitions[name];
  }

  /** Follows a `$ref` (`#/definitions/X`) to its schema. */
  deref(schema: JsonSchema | undefined): JsonSchema | undefined {
    let current = schema;
    for (let i = 0; current?.$ref && i < 8; i++) current = this.bundle.definitions[current.$ref.replace(/^.*#\/definitions\//, '')];
    return current;
  }
}

/** `V1DeploymentSpec` → `DeploymentSpec`, `CoreV1EventSeries` → `EventSeries`. */
export function displayDefinitionName(definition: string): string {
  return definition.replace(/^(?:[A-Z][a-z]+)*V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
}
