import * as l10n from '@vscode/l10n';
import { resolveBackend, type RouteTarget, type ServiceLookup } from './backendTarget';
import type { IngressPathType } from './ingressSpec';
import { comparePrecedence, hostMatch, parseRouteRequest, pathMatches, type HostMatch, type RouteRequest } from './pathMatch';
import { className, type RouteClass, type RouteEntry, type RoutedIngress, type RouteTable } from './routeTable';

/** Which Ingress path (or default backend) of a class answers a URL, and the pods behind it. */
export interface RouteAnswer {
  url: string;
  class: string | null;
  /** `ns/name`; null when no class routes the URL. */
  ingress: string | null;
  /** The rule's host as written; null for a host-less rule, a default-backend hit or no route. */
  host: string | null;
  path: string | null;
  pathType: IngressPathType | null;
  target: RouteTarget;
  /** Explains empty endpoints, ImplementationSpecific, or why nothing routes the URL. */
  reason: string | null;
}

export function implementationSpecificNote(): string {
  return l10n.t("pathType ImplementationSpecific: matched like Prefix here, but the IngressClass's controller decides (ingress-nginx also matches `/foo` to `/foobar`)");
}

export function nginxDefaultBackendNote(): string {
  return l10n.t('ingress-nginx differs here: the defaultBackend of an Ingress with rules serves only the unmatched paths of the hosts that Ingress is first to define, elsewhere its own 404 backend answers');
}

const HOST_ORDER: readonly HostMatch[] = ['exact', 'wildcard', 'any'];

/** The entries of a class that a request's host selects: exact host, else the one-label wildcard, else host-less. */
export function entriesForHost(routeClass: RouteClass, host: string): RouteEntry[] {
  for (const kind of HOST_ORDER) {
    const entries = routeClass.entries.filter((e) => hostMatch(e.spec.host, host) === kind);
    if (entries.length > 0) return entries;
  }
  return [];
}

/** The winning path: longest, then Exact > Prefix > ImplementationSpecific, then the older Ingress, then the earlier path. */
export function bestEntry(entries: readonly RouteEntry[], path: string): RouteEntry | null {
  let best: RouteEntry | null = null;
  for (const entry of entries) {
    if (!pathMatches(entry.spec.pathType, entry.spec.path, path)) continue;
    // Entries are in routing order, so only a strictly better precedence replaces the first match.
    if (best === null || comparePrecedence(entry.spec, best.spec) < 0) best = entry;
  }
  return best;
}

/** One answer per class that routes the URL; a single answer with `ingress: null` when none does. */
export function queryRoute(table: RouteTable, lookup: ServiceLookup, url: string): { ok: true; answers: RouteAnswer[] } | { ok: false; error: string } {
  const parsed = parseRouteRequest(url);
  if (!parsed.ok) return parsed;
  const answers = table.classes.flatMap((routeClass) => {
    const answer = answerInClass(routeClass, lookup, url, parsed.request);
    return answer ? [answer] : [];
  });
  if (answers.length > 0) return { ok: true, answers };
  const reason = table.classes.length === 0
    ? l10n.t('no served Ingress among the inputs')
    : l10n.t("no Ingress rule matches host `{0}` path `{1}` and no served Ingress has a defaultBackend: the controller's own default backend answers (usually 404)", parsed.request.host, parsed.request.path);
  const target: RouteTarget = { service: null, port: null, endpoints: [], problem: null, reason: null };
  return { ok: true, answers: [{ url, class: null, ingress: null, host: null, path: null, pathType: null, target, reason }] };
}

function answerInClass(routeClass: RouteClass, lookup: ServiceLookup, url: string, request: RouteRequest): RouteAnswer | null {
  const entry = bestEntry(entriesForHost(routeClass, request.host), request.path);
  if (entry) {
    const target = resolveBackend(entry.ingress.spec.namespace, entry.spec.backend, lookup);
    const notes = [target.reason, entry.spec.pathType === 'ImplementationSpecific' ? implementationSpecificNote() : null].filter((n) => n !== null);
    return { url, class: routeClass.name, ingress: entry.ingress.spec.key, host: entry.spec.host, path: entry.spec.path, pathType: entry.spec.pathType, target, reason: notes.length > 0 ? notes.join('; ') : null };
  }
  const fallback = routeClass.defaultBackends[0];
  if (!fallback?.spec.defaultBackend) return null;
  const target = resolveBackend(fallback.spec.namespace, fallback.spec.defaultBackend, lookup);
  const notes = [
    target.reason === null ? null : l10n.t('no rule of {0} matches: default backend of {1}; {2}', className(routeClass.name), fallback.spec.key, target.reason),
    nginxAgrees(routeClass, fallback, request.host) ? null : nginxDefaultBackendNote(),
  ].filter((n) => n !== null);
  const reason = notes.length > 0 ? notes.join('; ') : null;
  return { url, class: routeClass.name, ingress: fallback.spec.key, host: null, path: null, pathType: null, target, reason };
}

/**
 * Whether ingress-nginx would also send this host's unmatched request to `fallback`'s defaultBackend
 * (ingress.md §3.3): always for an Ingress without rules; else only on a host it is first to define.
 */
function nginxAgrees(routeClass: RouteClass, fallback: RoutedIngress, host: string): boolean {
  if (fallback.spec.paths.length === 0) return true;
  const chosen = entriesForHost(routeClass, host);
  const first = chosen[0];
  return first !== undefined && first.spec.host !== null && first.ingress === fallback;
}
