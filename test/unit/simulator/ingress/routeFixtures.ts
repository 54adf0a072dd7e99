import { computeServices } from '../../../../server/src/simulator/controllers/services';
import { computeRoutes, queryRoute, type RouteAnswer, type RoutesResult } from '../../../../server/src/simulator/ingress';
import { makeSimPod } from '../../../../server/src/simulator/model/podFromObject';
import { toLabels } from '../../../../server/src/simulator/model/labelSelector';
import type { ContainerPort, SimPod } from '../../../../server/src/simulator/model/pod';
import { manifests } from '../yaml';

/** A scheduled pod of namespace shop (ready unless told). */
function pod(name: string, labels: Record<string, string>, ports: ContainerPort[], ready = true): SimPod {
  const sim = makeSimPod({
    name, namespace: 'shop', labels: toLabels(labels), annotations: toLabels({}),
    spec: { containers: [{ name: 'c', ports }] }, source: { file: 'pods.yaml', document: 0, path: [] }, specPath: ['spec'], owner: null, origin: 'manifest',
  });
  sim.nodeName = 'node-1';
  sim.ready = ready;
  return sim;
}

/** web-1 and web-2 name their port `http` on different numbers; web-3 is not ready; api-1 serves 3000. */
export const PODS: readonly SimPod[] = [
  pod('web-1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]),
  pod('web-2', { app: 'web' }, [{ name: 'http', containerPort: 9090 }]),
  pod('web-3', { app: 'web' }, [{ name: 'http', containerPort: 8080 }], false),
  pod('api-1', { app: 'api' }, [{ containerPort: 3000 }]),
  pod('slow-1', { app: 'slow' }, [{ containerPort: 80 }], false),
];

export const SERVICES = `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: rest, port: 8080, targetPort: 3000}]}
---
apiVersion: v1
kind: Service
metadata: {name: slow, namespace: shop}
spec: {selector: {app: slow}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: nobody, namespace: shop}
spec: {selector: {app: nobody}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: shop.example.net}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: other}
spec: {selector: {app: api}, ports: [{name: rest, port: 8080, targetPort: 3000}]}
`;

export const WEB = ['shop/web-1:8080', 'shop/web-2:9090'];
export const API = ['shop/api-1:3000'];

/** An Ingress of namespace shop; `spec` is its spec's YAML (a list of rules when it starts with `-`). */
export function ingress(name: string, spec: string, metadata = ''): string {
  if (spec.startsWith('-')) spec = `rules:\n${spec}`;
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: shop${metadata ? `, ${metadata}` : ''}}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

export function ingressClass(name: string, options: { isDefault?: boolean; created?: string } = {}): string {
  const annotations = options.isDefault ? `, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}` : '';
  const created = options.created ? `, creationTimestamp: "${options.created}"` : '';
  return `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ${name}${annotations}${created}}\nspec: {controller: example.com/${name}}\n`;
}

/** `path: pathType → service:port` as one YAML path entry. */
export function path(p: string, pathType: string, service: string, port: number | string): string {
  const ref = typeof port === 'number' ? `{number: ${port}}` : `{name: ${port}}`;
  return `{path: "${p}", pathType: ${pathType}, backend: {service: {name: ${service}, port: ${ref}}}}`;
}

export function rule(host: string | null, ...paths: string[]): string {
  return `- ${host === null ? '' : `host: "${host}"\n  `}http:\n    paths: [${paths.join(', ')}]`;
}

export function routesOf(...documents: string[]): RoutesResult {
  const all = manifests([SERVICES, ...documents].join('---\n'));
  return computeRoutes({ manifests: all, services: computeServices(all, PODS).services });
}

export function ask(routes: RoutesResult, url: string): RouteAnswer[] {
  const result = queryRoute(routes.table, routes.lookup, url);
  if (!result.ok) throw new Error(result.error);
  return result.answers;
}
