import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompiledValidators } from './schemaValidators';

/** A JSON Schema (draft-07) node as the generator writes it. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
  pattern?: string;
  enum?: unknown[];
  [key: string]: unknown;
}

/** The generated schemas of one Kubernetes minor version (see schemas/README.md for the shape). */
export interface SchemaBundle {
  kubernetesVersion: string;
  provenance: Record<string, string>;
  /** `apiVersion/kind` (e.g. `apps/v1/Deployment`, `v1/Pod`) → definition name. */
  kinds: Record<string, string>;
  namespaced: Record<string, boolean>;
  /** Built-in API group (`""` for core) → versions served. */
  groups: Record<string, string[]>;
  definitions: Record<string, JsonSchema>;
}

/**
 * Where bundles live: next to the bundled server/CLI (`dist/schemas/k8s-X.json`), or in the
 * source tree (`schemas/generated/k8s-X.json`) when run from sources by tests and tools.
 */
function candidatePaths(version: string): string[] {
  const name = `k8s-${version}.json`;
  return [
    join(__dirname, 'schemas', name),
    join(__dirname, '..', 'schemas', name),
    join(__dirname, '..', '..', '..', '..', 'schemas', 'generated', name),
    join(process.cwd(), 'schemas', 'generated', name),
  ];
}

export function loadSchemaBundle(version: string): SchemaBundle {
  for (const path of candidatePaths(version)) {
    if (!existsSync(path)) continue;
    return JSON.parse(readFileSync(path, 'utf8')) as SchemaBundle;
  }
  throw new Error(`No schemas bundled for Kubernetes ${version}`);
}

/**
 * The validators compiled at build time (dist/validators/k8s-X.js, next to the bundled server and CLI);
 * empty when run from sources (the validators are then compiled on first use).
 */
export function loadCompiledValidators(version: string): CompiledValidators {
  const path = join(__dirname, 'validators', `k8s-${version}.js`);
  if (!existsSync(path)) return {};
  return createRequire(__filename)(path) as CompiledValidators;
}

/**
 * Loads each version's bundle once, on first use. Owned by whoever needs schemas (one server, one
 * CLI run); not a module-level singleton.
 */
export class SchemaStore {
  private readonly bundles = new Map<string, SchemaBundle>();

  private readonly validators = new Map<string, CompiledValidators>();

  constructor(
    private readonly load: (version: string) => SchemaBundle = loadSchemaBundle,
    private readonly loadValidators: (version: string) => CompiledValidators = loadCompiledValidators,
  ) {}

  /** The build-time validators of a version (none: compiled at run time). */
  compiledValidators(version: string): CompiledValidators {
    let validators = this.validators.get(version);
    if (!validators) {
      validators = this.loadValidators(version);
      this.validators.set(version, validators);
    }
    return validators;
  }

  get(version: string): SchemaBundle {
    let bundle = this.bundles.get(version);
    if (!bundle) {
      bundle = this.load(version);
      this.bundles.set(version, bundle);
    }
    return bundle;
  }
}
