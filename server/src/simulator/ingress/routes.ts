import * as l10n from '@vscode/l10n';
import type { ServiceEndpoints } from '../controllers/services';
import type { FieldPath, Manifest, SimFinding } from '../model/source';
import { resolveBackend, serviceLookup, type RouteTarget, type ServiceLookup } from './backendTarget';
import type { IngressBackendSpec, IngressPathType } from './ingressSpec';
import { buildRouteTable, type RoutedIngress, type RouteIssueKind, type RouteTable } from './routeTable';

/** One path of an Ingress, resolved to the pods behind it. */
export interface IngressRoute {
  host: string | null;
  path: string;
  pathType: IngressPathType;
  target: RouteTarget;
  /** Why this path gets no traffic whatever its endpoints (another path takes it, or it is rejected). */
  issue: RouteIssueKind | null;
}

/** An Ingress, its class, whether a controller serves it, and its resolved paths and default backend. */
export interface IngressRoutes {
  ingress: string;
  class: string | null;
  served: boolean;
  rules: IngressRoute[];
  defaultBackend: RouteTarget | null;
  /** `conflict` when an older Ingress of the class has the default backend. */
  defaultBackendIssue: RouteIssueKind | null;
  routed: RoutedIngress;
}

export interface RoutesResult {
  table: RouteTable;
  lookup: ServiceLookup;
  ingresses: IngressRoutes[];
  /**
   * `sim/ingress-no-ready-endpoints`: a served route whose Service selects pods but none is a ready
   * endpoint on the port. A selector matching no pod is the Service's `ref/service-no-pods` (which the
   * editor explains with the other files, as it dry-runs each file on its own), not repeated here.
   */
  findings: SimFinding[];
  /**
   * `ingress/no-class` (information): an Ingress without class, routed in a class of its own. Shown by
   * `drydock routes` only: in the editor most Ingresses' classes live in the cluster, not the files.
   */
  notes: SimFinding[];
}

export interface RoutesInput {
  manifests: readonly Manifest[];
  /** Services with their endpoints, from the dry run. */
  services: readonly ServiceEndpoints[];
  /** More IngressClasses (the cluster profile's). */
  classManifests?: readonly Manifest[];
  defaultNamespace?: string;
}

/** The routes of every Ingress, in routing order, over the dry run's endpoints. Pure. */
export function computeRoutes(input: RoutesInput): RoutesResult {
  const table = buildRouteTable(input.manifests, input.classManifests, input.defaultNamespace);
  const lookup = serviceLookup(input.services);
  const findings: SimFinding[] = [];
  // A path (or default backend) that loses to another, or is rejected, gets no traffic: its endpoints do
  // not matter. An issue is on `…paths[p].path` or `spec.defaultBackend`, a backend at `…paths[p].backend`
  // or `spec.defaultBackend`: both less their last key name the same entry.
  const entryOf = (key: string, path: FieldPath): string => `${key}\u0000${path.slice(0, -1).join('.')}`;
  const losers = new Map(table.issues.map((issue) => [entryOf(issue.ingress.spec.key, issue.path), issue.kind]));
  const ingresses = table.ingresses.map((routed): IngressRoutes => {
    const { spec, ingressClass } = routed;
    const resolve = (backend: IngressBackendSpec): RouteTarget => {
      const target = resolveBackend(spec.namespace, backend, lookup);
      if (ingressClass.served && !losers.has(entryOf(spec.key, backend.path)) && target.problem === 'no-ready' && target.reason !== null) {
        findings.push({ source: spec.manifest.source, path: [...backend.path, 'service', 'name'], severity: 'warning', code: 'sim/ingress-no-ready-endpoints', message: l10n.t('{0}: requests routed here get 503 from the controller', target.reason) });
      }
      return target;
    };
    const rules = spec.paths.map((path): IngressRoute => {
      const target = resolve(path.backend);
      return { host: path.host, path: path.path, pathType: path.pathType, target, issue: losers.get(entryOf(spec.key, path.backend.path)) ?? null };
    });
    return { ingress: spec.key, class: ingressClass.name, served: ingressClass.served, rules, defaultBackend: spec.defaultBackend ? resolve(spec.defaultBackend) : null, defaultBackendIssue: spec.defaultBackend ? losers.get(entryOf(spec.key, spec.defaultBackend.path)) ?? null : null, routed };
  });
  const notes = table.ingresses.filter((i) => i.ingressClass.source === 'none').map((i): SimFinding => ({
    source: i.spec.manifest.source, path: ['spec'], severity: 'information', code: 'ingress/no-class',
    message: l10n.t('No `ingressClassName`, no `kubernetes.io/ingress.class` annotation and no default IngressClass: ingress-nginx ignores this Ingress unless started with `--watch-ingress-without-class`, other controllers take it; routed here in a class of its own (class null)'),
  }));
  return { table, lookup, ingresses, findings, notes };
}
