import * as l10n from '@vscode/l10n';
import type { ServiceEndpoints } from '../controllers/services';
import type { IngressBackendSpec } from './ingressSpec';

/**
 * Why a backend has no endpoints (ingress.md §4); null when it has some. `no-pods`: the selector
 * matches no pod of the run (the Service's own `ref/service-no-pods`); `no-ready`: pods are selected but
 * none is a ready endpoint on the port.
 */
export type BackendProblem = 'resource' | 'service-missing' | 'no-port' | 'port-missing' | 'not-managed' | 'no-pods' | 'no-ready';

/** Where a backend sends traffic: the Service, the port as written, the ready endpoints `ns/pod:port`. */
export interface RouteTarget {
  /** `ns/name`; null for a resource backend. */
  service: string | null;
  port: number | string | null;
  endpoints: string[];
  problem: BackendProblem | null;
  /** Explains empty endpoints; null when there are some. */
  reason: string | null;
}

export type ServiceLookup = (namespace: string, name: string) => ServiceEndpoints | undefined;

export function serviceLookup(services: readonly ServiceEndpoints[]): ServiceLookup {
  const byKey = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
  return (namespace, name) => byKey.get(`${namespace}/${name}`);
}

/**
 * The Service in the Ingress's namespace; `port.number` selects the Service port whose `port`
 * equals it, `port.name` the one whose `name` equals it; then that port's ready endpoints, each
 * with its container port resolved per pod (a named targetPort may differ between pods).
 */
export function resolveBackend(namespace: string, backend: IngressBackendSpec, lookup: ServiceLookup): RouteTarget {
  if (!backend.service) {
    const reason = backend.resource
      ? l10n.t('resource backend {0}: not a Service, the controller decides what answers', backend.resource)
      : l10n.t('backend without service: not a Service, the controller decides what answers');
    return { service: null, port: null, endpoints: [], problem: 'resource', reason };
  }
  const key = `${namespace}/${backend.service.name}`;
  const port = backend.service.port;
  const none = (problem: BackendProblem, reason: string): RouteTarget => ({ service: key, port, endpoints: [], problem, reason });
  const service = lookup(namespace, backend.service.name);
  if (!service) return none('service-missing', l10n.t('Service {0} is not among the inputs (most controllers answer 503)', key));
  if (service.type === 'ExternalName') return none('not-managed', l10n.t('Service {0} is of type ExternalName: no pods (some controllers proxy to the external name)', key));
  if (port === null) return none('no-port', l10n.t('the backend names no port (port.number or port.name)'));
  const servicePort = service.ports.find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  if (!servicePort) return none('port-missing', typeof port === 'number' ? l10n.t('Service {0} has no port {1}', key, port) : l10n.t('Service {0} has no port named `{1}`', key, port));
  if (!service.managed) return none('not-managed', l10n.t('Service {0} has no selector: its endpoints are not managed, no pods are known', key));
  const endpoints = servicePort.endpoints.filter((e) => e.ready && e.port !== null).map((e) => `${e.pod}:${e.port}`);
  if (endpoints.length > 0) return { service: key, port, endpoints, problem: null, reason: null };
  const selected = service.selectedPods.length;
  if (selected === 0) return none('no-pods', l10n.t('Service {0} has no ready endpoint on port {1}: its selector matches no pod', key, servicePort.port));
  const why = servicePort.missingTargetPort.length === selected
      ? l10n.t('targetPort `{0}` resolves on none of its {1} pod(s)', String(servicePort.targetPort), selected)
      : l10n.t('none of its {0} selected pod(s) is scheduled and ready', selected);
  return none('no-ready', l10n.t('Service {0} has no ready endpoint on port {1}: {2}', key, servicePort.port, why));
}
