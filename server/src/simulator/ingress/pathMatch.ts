import * as l10n from '@vscode/l10n';
import type { IngressPathType } from './ingressSpec';

/**
 * The matching rules of the Ingress API (ingress.md §3), pure string functions.
 *
 * Host: exact, else a wildcard `*.S` for exactly one label before `.S`, else host-less rules.
 * Exact: byte-for-byte equality. Prefix: element-wise on `/`-separated elements, empty elements
 * dropped. ImplementationSpecific is up to the controller: Drydock matches it like Prefix.
 * Precedence: the longest rule path, then Exact > Prefix > ImplementationSpecific.
 */

export interface RouteRequest {
  /** Lowercase, port dropped. */
  host: string;
  /** The URL path without query or fragment; `/` when empty. */
  path: string;
}

/** A URL (a scheme is optional: `shop.example.com/api` is `http://shop.example.com/api`) → host and path. */
export function parseRouteRequest(url: string): { ok: true; request: RouteRequest } | { ok: false; error: string } {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return { ok: false, error: l10n.t('not a URL: {0}', url) };
  }
  if (parsed.hostname === '') return { ok: false, error: l10n.t('no host in {0}', url) };
  return { ok: true, request: { host: parsed.hostname.toLowerCase(), path: parsed.pathname === '' ? '/' : parsed.pathname } };
}

export type HostMatch = 'exact' | 'wildcard' | 'any';

/** How a rule host matches a request host, or null. A host-less rule (null) matches any host as `any`. */
export function hostMatch(ruleHost: string | null, requestHost: string): HostMatch | null {
  if (ruleHost === null) return 'any';
  if (ruleHost === requestHost) return 'exact';
  if (!ruleHost.startsWith('*.')) return null;
  const suffix = ruleHost.slice(1);
  if (!requestHost.endsWith(suffix)) return null;
  const label = requestHost.slice(0, requestHost.length - suffix.length);
  return label !== '' && !label.includes('.') ? 'wildcard' : null;
}

function elements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

export function pathMatches(pathType: IngressPathType, rulePath: string, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  const rule = elements(rulePath);
  const request = elements(requestPath);
  if (rule.length > request.length) return false;
  return rule.every((element, i) => element === request[i]);
}

/**
 * The path two rules are compared on: an Exact path as written, a Prefix (or ImplementationSpecific)
 * path as its elements (`/foo/` and `/foo` are the same Prefix).
 */
export function matchKey(pathType: IngressPathType, path: string): string {
  return pathType === 'Exact' ? path : `/${elements(path).join('/')}`;
}

const TYPE_RANK: Record<IngressPathType, number> = { Exact: 0, Prefix: 1, ImplementationSpecific: 2 };

/** < 0 when `a` takes a request both match before `b`: the longer path, then Exact, Prefix, ImplementationSpecific. */
export function comparePrecedence(a: { pathType: IngressPathType; path: string }, b: { pathType: IngressPathType; path: string }): number {
  const length = matchKey(b.pathType, b.path).length - matchKey(a.pathType, a.path).length;
  return length !== 0 ? length : TYPE_RANK[a.pathType] - TYPE_RANK[b.pathType];
}

/** Why the API server would reject this path (networking validation), or null. */
export function invalidPathReason(pathType: IngressPathType, path: string): string | null {
  if (pathType === 'ImplementationSpecific') return path === '' || path.startsWith('/') ? null : l10n.t('an ImplementationSpecific path must be empty or start with `/`');
  if (!path.startsWith('/')) return l10n.t('a {0} path must start with `/`', pathType);
  for (const bad of ['//', '/./', '/../', '%2f', '%2F']) if (path.includes(bad)) return l10n.t('a {0} path must not contain `{1}`', pathType, bad);
  for (const bad of ['/..', '/.']) if (path.endsWith(bad)) return l10n.t('a {0} path must not end with `{1}`', pathType, bad);
  return null;
}
