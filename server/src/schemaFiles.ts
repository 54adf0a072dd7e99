import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireWithCodeCache } from './codeCache';
import { readUtf8FileSync } from './textFiles';
import type { SchemaBundle } from './language/schema/schemaBundle';
import { SchemaStore, type SchemaLoader } from './language/schema/schemaStore';
import type { CompiledValidators } from './language/schema/schemaValidators';

/**
 * Reads the schema files: the generated bundles and the validators compiled at build time. The
 * language service does no IO; the server, the CLI and the tests build its `SchemaStore` on this.
 */

/**
 * Where bundles live: next to the bundled server/CLI (`dist/schemas/k8s-X.json`), or in the
 * source tree (`schemas/generated/k8s-X.json`) when run from sources by tests and tools.
 */
function candidatePaths(version: string): string[] {
  const name = `k8s-${version}.json`;
  return [
    join(__dirname, 'schemas', name),
    join(__dirname, '..', 'schemas', name),
    join(__dirname, '..', '..', 'schemas', 'generated', name),
    join(process.cwd(), 'schemas', 'generated', name),
  ];
}

function bundlePath(version: string): string {
  const path = candidatePaths(version).find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`No schemas bundled for Kubernetes ${version}`);
  return path;
}

export function loadSchemaBundle(version: string): SchemaBundle {
  return JSON.parse(readUtf8FileSync(bundlePath(version))) as SchemaBundle;
}

/**
 * The descriptions of a built bundle, kept in `k8s-X.descriptions.json` beside it (scripts/build.mjs);
 * undefined for a bundle of the source tree, which has its own.
 */
export function loadSchemaDescriptions(version: string): unknown {
  const path = bundlePath(version).replace(/\.json$/, '.descriptions.json');
  return existsSync(path) ? JSON.parse(readUtf8FileSync(path)) : undefined;
}

/**
 * The validators compiled at build time (dist/validators/k8s-X.js, next to the bundled server and CLI);
 * empty when run from sources (the validators are then compiled on first use).
 */
export function loadCompiledValidators(version: string): CompiledValidators {
  const path = join(__dirname, 'validators', `k8s-${version}.js`);
  if (!existsSync(path)) return {};
  return requireWithCodeCache(path) as CompiledValidators;
}

/** The schema files, as a `SchemaStore` reads them. */
export const SCHEMA_FILES: SchemaLoader = { bundle: loadSchemaBundle, compiledValidators: loadCompiledValidators, descriptions: loadSchemaDescriptions };

/** A store over the schema files: what the server and the CLI validate with. */
export function schemaStoreFromFiles(): SchemaStore {
  return new SchemaStore(SCHEMA_FILES);
}
