import { isPlainObject } from '../manifests';
import type { CustomResourceSchema } from './customResourceSchema';
import { openApiToJsonSchema } from './openApiToJsonSchema';

/** The catalog's index: every `group/version/Kind` it has, with its API group. */
export interface CrdCatalogIndex {
  kinds: Record<string, { group: string; namespaced: boolean }>;
}

/** Reads the catalog's files (server/src/crdCatalogFiles.ts); undefined when a file is missing or unreadable. */
export interface CrdCatalogFiles {
  index(): CrdCatalogIndex | undefined;
  /** One kind's `openAPIV3Schema` (`key`: `group/version/Kind` of API group `group`), undefined when it is missing or unreadable. */
  schema(group: string, key: string): unknown;
}

/** Where the catalog's schemas say they come from (hover, completion). */
export const CATALOG_FILE = 'drydock:crd-catalog';

/**
 * The offline CRD catalog (docs/crd-catalog.md): schemas of widely used custom resources, bundled at
 * build time. The index is read on the first lookup, a kind's schema on the first lookup of that kind,
 * and each schema is converted like a workspace CRD's (openApiToJsonSchema) once. Owned by
 * its server or CLI run; CrdRegistry consults it after the workspace's CRDs.
 */
export class CrdCatalog {
  private index: CrdCatalogIndex | null | undefined;
  private readonly schemas = new Map<string, CustomResourceSchema | null>();

  constructor(private readonly files: CrdCatalogFiles) {}

  lookup(apiVersion: string, kind: string): CustomResourceSchema | undefined {
    const key = `${apiVersion}/${kind}`;
    const entry = this.entry(key);
    if (!entry) return undefined; // nothing cached for it: a document being typed asks for many such keys
    let schema = this.schemas.get(key);
    if (schema === undefined) {
      schema = this.load(key, entry, apiVersion, kind);
      this.schemas.set(key, schema);
    }
    return schema ?? undefined;
  }

  /** Every apiVersion/kind of the catalog, from its index (no schema is read), for completion. */
  kinds(): Array<{ apiVersion: string; kind: string; crdName: string }> {
    return Object.entries(this.kindsIndex() ?? {}).map(([key, { group }]) => {
      const slash = key.lastIndexOf('/');
      const kind = key.slice(slash + 1);
      return { apiVersion: key.slice(0, slash), kind, crdName: `${pluralOf(kind)}.${group}` };
    });
  }

  /** Whether the catalog has `apiVersion`/`kind`, without reading its schema. */
  has(apiVersion: string, kind: string): boolean {
    return this.entry(`${apiVersion}/${kind}`) !== undefined;
  }

  private kindsIndex(): CrdCatalogIndex['kinds'] | undefined {
    if (this.index === undefined) this.index = this.files.index() ?? null;
    return this.index?.kinds;
  }

  private entry(key: string): CrdCatalogIndex['kinds'][string] | undefined {
    const kinds = this.kindsIndex();
    return kinds && Object.hasOwn(kinds, key) ? kinds[key] : undefined;
  }

  private load(key: string, entry: CrdCatalogIndex['kinds'][string], apiVersion: string, kind: string): CustomResourceSchema | null {
    const openApi = this.files.schema(entry.group, key);
    if (!isPlainObject(openApi)) return null;
    return { apiVersion, kind, namespaced: entry.namespaced, crdName: `${pluralOf(kind)}.${entry.group}`, file: CATALOG_FILE, schema: openApiToJsonSchema(openApi) };
  }
}

/** The resource name Kubernetes conventions give a kind (`Certificate` → `certificates`), for the CRD's name. */
function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}
