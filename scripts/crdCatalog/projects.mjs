// The projects of the offline CRD catalog (docs/crd-catalog.md): their API groups in CRDs-catalog,
// the kinds kept where a group is shared or holds more than the project (else every kind), the
// cluster-scoped kinds (CRDs-catalog's schemas do not say), and the upstream release the catalog's
// schemas were last regenerated from, as its commit messages name it (checked when regenerating).
export const PROJECTS = [
  { name: 'Argo CD', upstream: 'v3.5.0', groups: ['argoproj.io'], kinds: ['Application', 'ApplicationSet', 'AppProject'] },
  { name: 'Argo Rollouts', upstream: 'v1.9.0', groups: ['argoproj.io'], kinds: ['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment'], clusterScoped: ['ClusterAnalysisTemplate'] },
  { name: 'cert-manager', upstream: 'not named (updated 2026-08-20)', groups: ['cert-manager.io', 'acme.cert-manager.io'], clusterScoped: ['ClusterIssuer'] },
  { name: 'Gateway API', upstream: 'v1.6.1 (experimental channel)', groups: ['gateway.networking.k8s.io'], clusterScoped: ['GatewayClass'] },
  { name: 'Istio', upstream: 'not named (updated 2025-05-11)', groups: ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'] },
  { name: 'KEDA', upstream: 'not named (updated 2025-08-03)', groups: ['keda.sh'], clusterScoped: ['ClusterTriggerAuthentication'] },
  { name: 'Knative', upstream: 'v1.22.0', groups: ['serving.knative.dev', 'eventing.knative.dev', 'messaging.knative.dev', 'sources.knative.dev'] },
  { name: 'Prometheus Operator', upstream: 'v0.89.0', groups: ['monitoring.coreos.com'] },
  {
    name: 'Flux',
    upstream: 'v2.9.4',
    groups: ['source.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'notification.toolkit.fluxcd.io', 'image.toolkit.fluxcd.io'],
  },
  {
    name: 'External Secrets Operator',
    upstream: 'v2.5.0',
    groups: ['external-secrets.io', 'generators.external-secrets.io'],
    clusterScoped: ['ClusterSecretStore', 'ClusterExternalSecret', 'ClusterPushSecret', 'ClusterGenerator'],
  },
  { name: 'Sealed Secrets', upstream: 'v0.32.2', groups: ['bitnami.com'] },
  { name: 'Traefik', upstream: 'v3.6', groups: ['traefik.io'] },
  { name: 'Karpenter', upstream: 'v1.14.0', groups: ['karpenter.sh', 'karpenter.k8s.aws'], clusterScoped: ['NodePool', 'NodeClaim', 'NodeOverlay', 'Provisioner', 'Machine', 'EC2NodeClass', 'AWSNodeTemplate'] },
];

/** CRDs-catalog's index names some kinds in lower case; their CRDs' `names.kind`. A lower-case kind not here is left out. */
export const KIND_NAMES = {
  virtualservice: 'VirtualService',
  destinationrule: 'DestinationRule',
  gateway: 'Gateway',
  serviceentry: 'ServiceEntry',
  sidecar: 'Sidecar',
  workloadentry: 'WorkloadEntry',
  workloadgroup: 'WorkloadGroup',
  envoyfilter: 'EnvoyFilter',
  proxyconfig: 'ProxyConfig',
  peerauthentication: 'PeerAuthentication',
  authorizationpolicy: 'AuthorizationPolicy',
  requestauthentication: 'RequestAuthentication',
  telemetry: 'Telemetry',
  wasmplugin: 'WasmPlugin',
  pushsecret: 'PushSecret',
  clusterpushsecret: 'ClusterPushSecret',
  nodeoverlay: 'NodeOverlay',
  eventpolicy: 'EventPolicy',
  requestreply: 'RequestReply',
  eventtransform: 'EventTransform',
  grafana: 'Grafana',
  generatorstate: 'GeneratorState',
  vaultdynamicsecret: 'VaultDynamicSecret',
};
