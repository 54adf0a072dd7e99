import { isRecord } from '../model/labelSelector';
import type { FieldPath, Manifest } from '../model/source';

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** What a path or the default backend sends traffic to (networking.k8s.io/v1). */
export interface IngressBackendSpec {
  /** The Service (in the Ingress's namespace) and its port as written: a number or a port name. */
  service: { name: string; port: number | string | null } | null;
  /** A `resource` backend (TypedLocalObjectReference), as `Kind name`. */
  resource: string | null;
  /** Where the backend is, in the Ingress object. */
  path: FieldPath;
}

/** One `rules[].http.paths[]` entry, with its rule's host. */
export interface IngressPathSpec {
  /** Lowercase as written; null for a rule without host. */
  host: string | null;
  path: string;
  pathType: IngressPathType;
  backend: IngressBackendSpec;
  /** `['spec', 'rules', r, 'http', 'paths', p]`. */
  fieldPath: FieldPath;
}

/** An Ingress as the routing model reads it (the v1 shape; other shapes yield no paths). */
export interface IngressSpecModel {
  manifest: Manifest;
  namespace: string;
  name: string;
  /** `ns/name`. */
  key: string;
  ingressClassName: string | null;
  classAnnotation: string | null;
  creationTimestamp: string | null;
  paths: IngressPathSpec[];
  defaultBackend: IngressBackendSpec | null;
}

export const PATH_TYPES: readonly IngressPathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

export function isIngress(manifest: Manifest): boolean {
  return manifest.object.kind === 'Ingress' && manifest.object.apiVersion === 'networking.k8s.io/v1';
}

export function readIngress(manifest: Manifest, defaultNamespace = 'default'): IngressSpecModel {
  const { object } = manifest;
  const metadata = object.metadata ?? {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : defaultNamespace;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const spec = isRecord(object.spec) ? object.spec : {};
  const annotation = metadata.annotations?.['kubernetes.io/ingress.class'];
  const paths: IngressPathSpec[] = [];
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  rules.forEach((rule, r) => {
    if (!isRecord(rule)) return;
    const host = typeof rule.host === 'string' && rule.host !== '' ? rule.host.toLowerCase() : null;
    const http = isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    http.forEach((entry, p) => {
      if (!isRecord(entry)) return;
      const pathType = PATH_TYPES.find((t) => t === entry.pathType);
      if (!pathType) return;
      const fieldPath: FieldPath = ['spec', 'rules', r, 'http', 'paths', p];
      paths.push({ host, path: typeof entry.path === 'string' ? entry.path : '', pathType, backend: readBackend(entry.backend, [...fieldPath, 'backend']), fieldPath });
    });
  });
  return {
    manifest,
    namespace,
    name,
    key: `${namespace}/${name}`,
    ingressClassName: typeof spec.ingressClassName === 'string' ? spec.ingressClassName : null,
    classAnnotation: typeof annotation === 'string' ? annotation : null,
    creationTimestamp: typeof metadata.creationTimestamp === 'string' ? metadata.creationTimestamp : null,
    paths,
    defaultBackend: isRecord(spec.defaultBackend) ? readBackend(spec.defaultBackend, ['spec', 'defaultBackend']) : null,
  };
}

function readBackend(value: unknown, path: FieldPath): IngressBackendSpec {
  const backend = isRecord(value) ? value : {};
  const service = isRecord(backend.service) && typeof backend.service.name === 'string' ? backend.service : null;
  const port = service && isRecord(service.port) ? service.port : {};
  const resource = isRecord(backend.resource) ? backend.resource : null;
  return {
    service: service ? { name: service.name as string, port: typeof port.number === 'number' ? port.number : typeof port.name === 'string' ? port.name : null } : null,
    resource: resource ? `${typeof resource.kind === 'string' ? resource.kind : '?'} ${typeof resource.name === 'string' ? resource.name : '?'}` : null,
    path,
  };
}
