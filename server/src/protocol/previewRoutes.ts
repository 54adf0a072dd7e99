/**
 * The preview model's Ingress routes and the answer to a URL (PreviewModel.routes, drydock/routeQuery).
 * Types only, plain JSON (see preview.ts).
 */

import type { SourceLocation } from './sourceLocation';
import type { ServiceEndpoint } from './previewServices';

/** Where an Ingress path (or default backend) sends traffic: the Service, the port as written, that port's endpoints. */
export interface PreviewRouteTarget {
  /** "namespace/name"; null for a `resource` backend. */
  service: string | null;
  /** The backend port as written: a number, or the Service port's name. */
  port: number | string | null;
  /** The Service port's endpoints, ready or not (at most a few dozen: see `endpointsOmitted`). */
  endpoints: ServiceEndpoint[];
  /** How many endpoints of the port `endpoints` leaves out (absent: none). */
  endpointsOmitted?: number;
  /** Why no ready endpoint carries traffic (or the backend is no Service); null when some does. */
  reason: string | null;
}

export type PreviewPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** One `rules[].http.paths[]` entry of an Ingress, with its rule's host. */
export interface PreviewRoute {
  /** As written (lowercase); null for a rule without host (any host). */
  host: string | null;
  path: string;
  pathType: PreviewPathType;
  target: PreviewRouteTarget;
  /** Why this path gets no traffic whatever its endpoints: another path takes it, or the API server rejects it. */
  issue: 'conflict' | 'shadowed' | 'invalid-path' | null;
}

export interface PreviewIngress {
  namespace: string;
  name: string;
  /** The IngressClass it is served in (field, annotation or the default class); null: none. */
  class: string | null;
  /** False when the manifests define IngressClasses and none is its class: no controller serves it. */
  served: boolean;
  routes: PreviewRoute[];
  defaultBackend: PreviewRouteTarget | null;
  /** `conflict`: an older Ingress of the class has the default backend. */
  defaultBackendIssue: 'conflict' | null;
  source?: SourceLocation | null;
}

/** The Ingress part of the model, in routing order (oldest first), bounded for big workspaces. */
export interface PreviewRoutes {
  ingresses: PreviewIngress[];
  /** Ingresses (and their paths) left out past the budget (absent: none). */
  omittedIngresses?: number;
  /** Paths of the listed Ingresses left out past the budget (absent: none). */
  omittedRoutes?: number;
}

/** Which Ingress path (or default backend) of one class answers a URL (`drydock/routeQuery`). */
export interface PreviewRouteAnswer {
  class: string | null;
  /** "namespace/name"; null when no class routes the URL (`reason` says why). */
  ingress: string | null;
  /** The matched rule's host as written; null for a host-less rule, a default backend or no route. */
  host: string | null;
  path: string | null;
  /** null: the default backend answered, or nothing did. */
  pathType: PreviewPathType | null;
  target: PreviewRouteTarget;
  /** Explains empty endpoints, ImplementationSpecific, a default backend, or why nothing routes the URL. */
  reason: string | null;
}

/** The answer to `drydock/routeQuery`: one answer per class that routes the URL, or why it is not a URL. */
export type PreviewRouteQueryResult = { ok: true; url: string; answers: PreviewRouteAnswer[] } | { ok: false; url: string; error: string };
