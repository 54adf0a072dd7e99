import type { SchemaBundle } from './schemaBundle';
import { mergeDescriptions } from './schemaDescriptions';
import type { CompiledValidators } from './schemaValidators';

/**
 * Where a store gets a Kubernetes version's schemas. The language service does no IO: the server and
 * the CLI hand in the loader that reads the bundled files (server/src/schemaFiles.ts), a test may hand
 * in anything.
 */
export interface SchemaLoader {
  /** The generated schemas of a version (schemas/generated/k8s-<minor>.json); throws when there are none. */
  bundle(version: string): SchemaBundle;
  /** The validators compiled at build time for a version; empty: compiled at run time, on first use. */
  compiledValidators(version: string): CompiledValidators;
  /**
   * The descriptions a built bundle is shipped without (dist/schemas/k8s-<minor>.descriptions.json, see
   * scripts/schemaDescriptions.mjs); undefined when the bundle has its own.
   */
  descriptions?(version: string): unknown;
}

/**
 * Loads each version's bundle once, on first use. Owned by whoever needs schemas (one server, one
 * CLI run); not a module-level singleton.
 */
export class SchemaStore {
  private readonly bundles = new Map<string, SchemaBundle>();

  private readonly validators = new Map<string, CompiledValidators>();

  private readonly described = new Set<string>();

  constructor(private readonly loader: SchemaLoader) {}

  /** The build-time validators of a version (none: compiled at run time). */
  compiledValidators(version: string): CompiledValidators {
    let validators = this.validators.get(version);
    if (!validators) {
      validators = this.loader.compiledValidators(version);
      this.validators.set(version, validators);
    }
    return validators;
  }

  get(version: string): SchemaBundle {
    let bundle = this.bundles.get(version);
    if (!bundle) {
      bundle = this.loader.bundle(version);
      this.bundles.set(version, bundle);
    }
    return bundle;
  }

  /**
   * The version's bundle with its descriptions, merged into it the first time they are asked for:
   * validation reads none, hover and completion do (and one schema message, see ajvErrorToFinding.ts).
   */
  withDescriptions(version: string): SchemaBundle {
    const bundle = this.get(version);
    if (!this.described.has(version)) {
      this.described.add(version);
      const descriptions = this.loader.descriptions?.(version);
      if (descriptions !== undefined) mergeDescriptions(bundle, descriptions);
    }
    return bundle;
  }
}
