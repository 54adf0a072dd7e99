import type { CrdRegistry } from '../crd/crdRegistry';
import { splitApiVersion } from '../schema/resolveKind';
import type { SchemaBundle } from '../schema/schemaBundle';

export interface CatalogKind {
  apiVersion: string;
  kind: string;
  /** The CRD that defines it, for custom resources. */
  crdName?: string;
}

/**
 * The apiVersion/kind pairs a document can start with, for one Kubernetes version plus the
 * workspace's CRDs and the CRD catalog: list kinds left out, each kind's preferred version first (GA before beta).
 */
export function kindCatalog(bundle: SchemaBundle, crds: CrdRegistry | undefined): CatalogKind[] {
  const entries: CatalogKind[] = [];
  for (const key of Object.keys(bundle.kinds)) {
    const slash = key.lastIndexOf('/');
    const apiVersion = key.slice(0, slash);
    const kind = key.slice(slash + 1);
    if (kind.endsWith('List')) continue;
    entries.push({ apiVersion, kind });
  }
  const rank = (apiVersion: string): number => {
    const { group, version } = splitApiVersion(apiVersion);
    const index = bundle.groups[group]?.indexOf(version) ?? -1;
    return index === -1 ? 99 : index;
  };
  entries.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : rank(a.apiVersion) - rank(b.apiVersion)));
  for (const crd of crds?.kinds() ?? []) entries.push(crd);
  return entries;
}
