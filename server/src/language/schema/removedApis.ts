/**
 * Facts from the Kubernetes deprecated-API migration guide: API versions that were once built in and
 * were removed, with the release that removed them and what replaces them. Used to explain why a
 * document's apiVersion has no schema (and, later, to offer the replacement as a quick fix).
 */
export interface RemovedApi {
  apiVersion: string;
  /** Kinds it served; `*` for every kind. */
  kinds: string[] | '*';
  removedIn: string;
  /** Replacement apiVersion per kind, or null when the kind itself is gone. */
  replacement: Record<string, string | null>;
}

export const REMOVED_APIS: RemovedApi[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'NetworkPolicy', 'PodSecurityPolicy'],
    removedIn: '1.16',
    replacement: { Deployment: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', NetworkPolicy: 'networking.k8s.io/v1', PodSecurityPolicy: null },
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: { Ingress: 'networking.k8s.io/v1' } },
  { apiVersion: 'apps/v1beta1', kinds: '*', removedIn: '1.16', replacement: { '*': 'apps/v1' } },
  { apiVersion: 'apps/v1beta2', kinds: '*', removedIn: '1.16', replacement: { '*': 'apps/v1' } },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', replacement: { '*': 'networking.k8s.io/v1' } },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: { '*': 'rbac.authorization.k8s.io/v1' } },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: { '*': 'apiextensions.k8s.io/v1' } },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removedIn: '1.22', replacement: { '*': 'admissionregistration.k8s.io/v1' } },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: { '*': 'apiregistration.k8s.io/v1' } },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: { '*': 'certificates.k8s.io/v1' } },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: { '*': 'coordination.k8s.io/v1' } },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: { '*': 'batch/v1' } },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget', 'PodSecurityPolicy'], removedIn: '1.25', replacement: { PodDisruptionBudget: 'policy/v1', PodSecurityPolicy: null } },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', replacement: { '*': 'autoscaling/v2' } },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: { '*': 'autoscaling/v2' } },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', replacement: { '*': 'discovery.k8s.io/v1' } },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: { '*': 'events.k8s.io/v1' } },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: { '*': 'node.k8s.io/v1' } },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', replacement: { '*': 'storage.k8s.io/v1' } },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: '*', removedIn: '1.29', replacement: { '*': 'flowcontrol.apiserver.k8s.io/v1' } },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: '*', removedIn: '1.32', replacement: { '*': 'flowcontrol.apiserver.k8s.io/v1' } },
];

export function findRemovedApi(apiVersion: string, kind: string): { removedIn: string; replacement: string | null } | undefined {
  for (const api of REMOVED_APIS) {
    if (api.apiVersion !== apiVersion) continue;
    if (api.kinds !== '*' && !api.kinds.includes(kind)) continue;
    const replacement = kind in api.replacement ? api.replacement[kind] : (api.replacement['*'] ?? null);
    return { removedIn: api.removedIn, replacement };
  }
  return undefined;
}

/** Groups that were built in once and are gone entirely (so an unknown kind there is not a CRD). */
export const REMOVED_GROUPS = new Set(['extensions']);
