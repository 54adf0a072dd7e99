import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

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

/** Kubernetes versions with bundled schemas, newest first; the first is the default. */
export const SUPPORTED_VERSIONS = ['1.36', '1.34', '1.32'] as const;
export const DEFAULT_VERSION = SUPPORTED_VERSIONS[0];

export function isSupportedVersion(version: string): boolean {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}

/**
 * Where bundles live: next to the bundled server/CLI (`dist/schemas/k8s-X.json.gz`), or in the
 * source tree (`schemas/generated/k8s-X.json`) when run from sources by tests and tools.
 */
function candidatePaths(version: string): string[] {
  const name = `k8s-${version}.json`;
  return [
    join(__dirname, 'schemas', `${name}.gz`),
    join(__dirname, '..', 'schemas', `${name}.gz`),
    join(__dirname, '..', '..', '..', '..', 'schemas', 'generated', name),
    join(process.cwd(), 'schemas', 'generated', name),
  ];
}

export function loadSchemaBundle(version: string): SchemaBundle {
  for (const path of candidatePaths(version)) {
    if (!existsSync(path)) continue;
    const raw = readFileSync(path);
    const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    return JSON.parse(text) as SchemaBundle;
  }
  throw new Error(`No schemas bundled for Kubernetes ${version}`);
}

/**
 * Loads each version's bundle once, on first use. Owned by whoever needs schemas (one server, one
 * CLI run); not a module-level singleton.
 */
export class SchemaStore {
  private readonly bundles = new Map<string, SchemaBundle>();

  constructor(private readonly load: (version: string) => SchemaBundle = loadSchemaBundle) {}

  get(version: string): SchemaBundle {
    let bundle = this.bundles.get(version);
    if (!bundle) {
      bundle = this.load(version);
      this.bundles.set(version, bundle);
    }
    return bundle;
  }
}
