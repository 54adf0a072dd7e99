import { closestMatches } from '../suggest';
import { findRemovedApi, REMOVED_GROUPS } from './removedApis';
import type { SchemaBundle } from './schemaBundle';

/** What the schema bundle knows of an `apiVersion` + `kind` pair. */
export type KindResolution =
  | { status: 'known'; definition: string; namespaced: boolean }
  /** A built-in group/version that does not serve this kind: an error (the API server says "no matches for kind"). */
  | { status: 'unknown-kind'; group: string; version: string; suggestions: string[]; elsewhere: string[] }
  /** A built-in group whose version is not served by this Kubernetes version (removed, or never existed). */
  | { status: 'unserved-version'; group: string; version: string; servedAs: string[]; removedIn?: string; replacement?: string | null }
  /** A group Kubernetes does not build in: a custom resource (CRD), validated elsewhere or not at all. */
  | { status: 'custom'; group: string; version: string };

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Pure GVK → schema lookup. `kinds` keys are `apiVersion/kind`, so a lookup is one map access; the
 * slower explanations are computed only for documents that miss.
 */
export function resolveKind(bundle: SchemaBundle, apiVersion: string, kind: string): KindResolution {
  const key = `${apiVersion}/${kind}`;
  const definition = bundle.kinds[key];
  if (definition) return { status: 'known', definition, namespaced: bundle.namespaced[key] ?? true };

  const { group, version } = splitApiVersion(apiVersion);
  const versions = bundle.groups[group];
  const removed = findRemovedApi(apiVersion, kind);
  if (!versions && !REMOVED_GROUPS.has(group) && !removed) return { status: 'custom', group, version };

  const sameGroupElsewhere = Object.keys(bundle.kinds).some((k) => k.endsWith(`/${kind}`) && splitApiVersion(k.slice(0, -kind.length - 1)).group === group);
  if (versions && versions.includes(version) && !sameGroupElsewhere) {
    const prefix = `${apiVersion}/`;
    const kindsHere = Object.keys(bundle.kinds)
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length));
    const elsewhere = Object.keys(bundle.kinds)
      .filter((k) => k.endsWith(`/${kind}`))
      .map((k) => k.slice(0, -kind.length - 1));
    return { status: 'unknown-kind', group, version, suggestions: closestMatches(kind, kindsHere), elsewhere };
  }

  const servedAs = Object.keys(bundle.kinds)
    .filter((k) => k.endsWith(`/${kind}`))
    .map((k) => k.slice(0, -kind.length - 1))
    .filter((av) => splitApiVersion(av).group === group || (removed?.replacement ?? '') === av);
  return { status: 'unserved-version', group, version, servedAs, removedIn: removed?.removedIn, replacement: removed?.replacement };
}
