/**
 * Ingress routing (ingress.md), pure: which Ingress path, Service, port and ready pods answer a URL.
 *
 *   computeRoutes({manifests, services, classManifests?}): RoutesResult
 *     every Ingress (routing order, class, served), its paths resolved to endpoints, the finding
 *     `sim/ingress-no-ready-endpoints`;
 *   queryRoute(table, lookup, url): one answer per class that routes the URL (else one with ingress null);
 *   buildRouteTable(manifests, classManifests?): the merged routes by class and their issues
 *     (conflict, shadowed, invalid-path), which the cross-resource rules report.
 */
export { computeRoutes, type IngressRoute, type IngressRoutes, type RoutesInput, type RoutesResult } from './routes';
export { queryRoute, implementationSpecificNote, type RouteAnswer } from './routeQuery';
export { buildRouteTable, className, type RouteClass, type RouteEntry, type RouteIssue, type RouteIssueKind, type RouteTable, type RoutedIngress } from './routeTable';
export { resolveBackend, serviceLookup, type BackendProblem, type RouteTarget, type ServiceLookup } from './backendTarget';
export { readIngress, isIngress, type IngressBackendSpec, type IngressPathSpec, type IngressPathType, type IngressSpecModel } from './ingressSpec';
export { resolveIngressClass, defaultIngressClass, readIngressClasses, DEFAULT_CLASS_ANNOTATION, type ResolvedIngressClass, type IngressClassInfo } from './ingressClasses';
export { hostMatch, pathMatches, parseRouteRequest, comparePrecedence, invalidPathReason, type RouteRequest } from './pathMatch';
