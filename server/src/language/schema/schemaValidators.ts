import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { ajvClass } from './ajvLibrary';
import { AJV_OPTIONS } from './ajvOptions';
import type { JsonSchema, SchemaBundle } from './schemaBundle';
import { locateError, type ErrorLocation } from './schemaLocation';

const BUNDLE_ID = 'k8s';

/** A validate function as ajv compiles it (at build time or at run time): true, or false with `errors`. */
export interface CompiledValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Definition name → its validator, as scripts/buildValidators.mjs writes them (dist/validators/k8s-<version>.js). */
export type CompiledValidators = Readonly<Record<string, CompiledValidator>>;

/**
 * The validators of one schema bundle: compiled at build time when the owner hands them in, else
 * compiled by ajv on first use per definition (tests run from sources; compiling all of Kubernetes at
 * run time takes seconds). Both use AJV_OPTIONS, so both report the same errors.
 */
export class SchemaValidators {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<string, CompiledValidator>();

  constructor(
    /** The schemas, possibly without their descriptions (see `withDescriptions`). */
    readonly bundle: SchemaBundle,
    private readonly precompiled: CompiledValidators = {},
    private readonly describe: () => SchemaBundle = () => bundle,
  ) {}

  /** `bundle` with its descriptions (a built bundle ships them apart; they are merged in on first use). */
  withDescriptions(): SchemaBundle {
    return this.describe();
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

  /** Where an error of `validate(definition, value)` points: the value, its schema and the definition that owns it. */
  locate(definition: string, value: unknown, error: ErrorObject): ErrorLocation {
    return locateError(this.bundle, definition, value, error.instancePath, error.schemaPath);
  }

  /** Validates `value` against a definition; returns ajv's errors (empty when valid). */
  validate(definition: string, value: unknown): ErrorObject[] {
    let fn = this.compiled.get(definition) ?? this.precompiled[definition];
    if (!fn) {
      fn = this.runtimeAjv().compile({ $ref: `${BUNDLE_ID}#/definitions/${definition}` });
      this.compiled.set(definition, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }

  private runtimeAjv(): Ajv {
    if (!this.ajv) {
      this.ajv = new (ajvClass())(AJV_OPTIONS);
      this.ajv.addSchema({ $id: BUNDLE_ID, definitions: this.bundle.definitions as Record<string, object> });
    }
    return this.ajv;
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
