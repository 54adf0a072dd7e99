import type { PreviewIngress, PreviewRouteAnswer, PreviewRouteQueryResult, PreviewRoutes, PreviewRouteTarget, ServiceEndpoint } from '../protocol/preview';
import type { ServiceEndpoints } from '../simulator/controllers/services';
import { queryRoute, type RoutesResult, type RouteTarget } from '../simulator/ingress';
import type { Locator } from './previewModel';

/**
 * The routes part of the preview (the Routes tab) and the answers to its URL box, from the dry run's
 * Ingress stage (server/src/simulator/ingress). Bounded like the other lists of the model: a
 * workspace with thousands of Ingress paths, each in front of hundreds of pods, would otherwise grow
 * as paths × pods.
 */

/** Paths listed in the model, over every Ingress; past it the Ingresses are cut (and counted). */
export const MAX_PREVIEW_ROUTES = 2_000;
/** Endpoints listed per route target; the rest are counted in `endpointsOmitted`. */
export const MAX_ROUTE_ENDPOINTS = 50;

type ServiceByKey = ReadonlyMap<string, ServiceEndpoints>;

function servicesByKey(services: readonly ServiceEndpoints[]): ServiceByKey {
  return new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
}

/** Every Ingress of the run in routing order, each path with its Service port's endpoints (ready or not), and where the Ingress is written. */
export function previewRoutes(routes: RoutesResult, services: readonly ServiceEndpoints[], locate: Locator, maxRoutes = MAX_PREVIEW_ROUTES): PreviewRoutes {
  const byKey = servicesByKey(services);
  const ingresses: PreviewIngress[] = [];
  let budget = maxRoutes;
  let omittedIngresses = 0;
  let omittedRoutes = 0;
  for (const ingress of routes.ingresses) {
    if (budget <= 0) {
      omittedIngresses++;
      continue;
    }
    const listed = ingress.rules.slice(0, budget);
    budget -= listed.length;
    omittedRoutes += ingress.rules.length - listed.length;
    const { spec } = ingress.routed;
    ingresses.push({
      namespace: spec.namespace,
      name: spec.name,
      class: ingress.class,
      served: ingress.served,
      routes: listed.map((rule) => ({ host: rule.host, path: rule.path, pathType: rule.pathType, target: previewTarget(rule.target, byKey), issue: rule.issue })),
      defaultBackend: ingress.defaultBackend ? previewTarget(ingress.defaultBackend, byKey) : null,
      defaultBackendIssue: ingress.defaultBackendIssue === 'conflict' ? 'conflict' : null,
      source: locate(spec.manifest.source),
    });
  }
  return { ingresses, ...(omittedIngresses > 0 ? { omittedIngresses } : {}), ...(omittedRoutes > 0 ? { omittedRoutes } : {}) };
}

/** Which path of each class answers `url`, from the same routes the preview lists (the engine's `queryRoute`). */
export function previewRouteQuery(routes: RoutesResult, services: readonly ServiceEndpoints[], url: string): PreviewRouteQueryResult {
  const result = queryRoute(routes.table, routes.lookup, url);
  if (!result.ok) return { ok: false, url, error: result.error };
  const byKey = servicesByKey(services);
  const answers = result.answers.map((a): PreviewRouteAnswer => ({ class: a.class, ingress: a.ingress, host: a.host, path: a.path, pathType: a.pathType, target: previewTarget(a.target, byKey), reason: a.reason }));
  return { ok: true, url, answers };
}

/**
 * The engine's target (its ready endpoints as `ns/pod:port`) with the whole Service port's endpoints,
 * ready or not, as the Services tab lists them: the port as the Ingress API resolves it (a number is
 * the Service's `port`, a name the Service port's `name`).
 */
function previewTarget(target: RouteTarget, services: ServiceByKey): PreviewRouteTarget {
  const service = target.service === null ? undefined : services.get(target.service);
  const port = target.port === null || !service || service.type === 'ExternalName' ? undefined : service.ports.find((p) => (typeof target.port === 'number' ? p.port === target.port : p.name === target.port));
  const all = (port?.endpoints ?? []).flatMap((e): ServiceEndpoint[] => (e.port === null ? [] : [{ pod: e.pod, port: e.port, ready: e.ready }]));
  // Ready ones first, so that the cut keeps the endpoints that carry traffic.
  const ordered = [...all.filter((e) => e.ready), ...all.filter((e) => !e.ready)];
  const endpoints = ordered.slice(0, MAX_ROUTE_ENDPOINTS);
  const omitted = ordered.length - endpoints.length;
  return { service: target.service, port: target.port, endpoints, ...(omitted > 0 ? { endpointsOmitted: omitted } : {}), reason: target.reason };
}
