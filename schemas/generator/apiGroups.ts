// Derives the served built-in kinds (group / version / kind → model, namespaced or not) from the
// API classes' endpoints. Group and version come from the REST path the client calls
// (`/api/v1/…` is the core group "", `/apis/<group>/<version>/…` the others), the kind from the
// method name (`readNamespacedDeployment` → Deployment), the model from what the method returns.
//
// Only resource endpoints count: `/…/<plural>` and `/…/<plural>/{name}`, optionally under
// `namespaces/{namespace}/`. Subresources (`…/{name}/status`, `…/scale`, `…/eviction`) and the
// cluster-wide lists of namespaced kinds (`list…ForAllNamespaces`) are skipped, so kinds that are
// only ever a subresource payload (autoscaling/v1 Scale, policy/v1 Eviction, TokenRequest) are not
// manifest kinds here.
import type { ApiEndpoint } from './apiEndpoints';
import type { KindEntry } from './types';

export interface ResourcePath {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

const CORE_PATH = /^\/api\/(v\d+)\/(namespaces\/\{namespace\}\/)?([a-z0-9]+)(\/\{name\})?$/;
const GROUP_PATH = /^\/apis\/([a-z0-9.-]+)\/(v\d+(?:(?:alpha|beta)\d+)?)\/(namespaces\/\{namespace\}\/)?([a-z0-9]+)(\/\{name\})?$/;
const METHOD = /^(read|list|create)(Namespaced)?([A-Z]\w*)$/;

/** Group, version, plural and scope of a resource path; undefined for any other path. */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const core = CORE_PATH.exec(path);
  if (core) return { group: '', version: core[1], plural: core[3], namespaced: core[2] !== undefined };
  const grouped = GROUP_PATH.exec(path);
  if (grouped) return { group: grouped[1], version: grouped[2], plural: grouped[4], namespaced: grouped[3] !== undefined };
  return undefined;
}

export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

export function kindKey(entry: Pick<KindEntry, 'group' | 'version' | 'kind'>): string {
  return `${apiVersionOf(entry.group, entry.version)}/${entry.kind}`;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The kind an endpoint reads, lists or creates, or undefined when the endpoint is not a resource
 * endpoint. Throws when the model it returns does not look like `<Group?><Version><Kind>`.
 */
export function endpointKind(endpoint: ApiEndpoint): KindEntry | undefined {
  const resource = parseResourcePath(endpoint.path);
  const method = METHOD.exec(endpoint.method);
  if (!resource || !method || endpoint.method.endsWith('ForAllNamespaces')) return undefined;
  const [, operation, namespacedPrefix, name] = method;
  const kind = operation === 'list' ? `${name}List` : name;
  if ((namespacedPrefix !== undefined) !== resource.namespaced) {
    throw new Error(`${endpoint.apiClass}.${endpoint.method}: method name and path ${endpoint.path} disagree on scope`);
  }
  if (!endpoint.returns.endsWith(`${capitalize(resource.version)}${kind}`)) {
    throw new Error(`${endpoint.apiClass}.${endpoint.method}: returns ${endpoint.returns}, expected a model for ${kind}`);
  }
  return { group: resource.group, version: resource.version, kind, model: endpoint.returns, namespaced: resource.namespaced };
}

/** All kinds served by a release, sorted by key; a kind is namespaced if any of its paths is. */
export function collectKinds(endpoints: Iterable<ApiEndpoint>): KindEntry[] {
  const kinds = new Map<string, KindEntry>();
  for (const endpoint of endpoints) {
    const entry = endpointKind(endpoint);
    if (!entry) continue;
    const key = kindKey(entry);
    const known = kinds.get(key);
    if (!known) {
      kinds.set(key, entry);
    } else if (known.model !== entry.model || known.namespaced !== entry.namespaced) {
      throw new Error(`${key}: ${endpoint.apiClass}.${endpoint.method} disagrees with an earlier endpoint`);
    }
  }
  return [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

/**
 * Orders versions the way Kubernetes prefers them: GA before beta before alpha, and within each
 * level the higher number first (v2, v1, v1beta2, v1beta1, v1alpha1).
 */
export function compareVersions(a: string, b: string): number {
  const rank = (version: string): [number, number, number] => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) return [3, 0, 0];
    const stability = match[2] === undefined ? 0 : match[2] === 'beta' ? 1 : 2;
    return [stability, -Number(match[1]), -Number(match[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Group → versions served (those with at least one kind), versions in preference order. */
export function collectGroups(kinds: Iterable<KindEntry>): Record<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const { group, version } of kinds) {
    let versions = groups.get(group);
    if (!versions) groups.set(group, (versions = new Set()));
    versions.add(version);
  }
  const result: Record<string, string[]> = {};
  for (const group of [...groups.keys()].sort()) result[group] = [...(groups.get(group) ?? [])].sort(compareVersions);
  return result;
}
