import * as l10n from '@vscode/l10n';
import type { SimPod } from '../model/pod';
import { PodsByLabel } from '../model/podsByLabel';
import type { Manifest, SimFinding, SourceRef } from '../model/source';
import { findPort } from './findPort';
import { addressesOf, byPodKey, portEndpoints, selectPods, type EndpointAddress, type EndpointsOptions, type ServicePortEndpoints } from './endpoints';
import { readService, type ServiceModel } from './serviceSpec';

/** One Service and the endpoints kube-proxy would use for each of its ports. */
export interface ServiceEndpoints {
  namespace: string;
  name: string;
  type: string;
  headless: boolean;
  /** False when the endpoints controller ignores the Service (no or empty selector, ExternalName). */
  managed: boolean;
  selector: Record<string, string> | null;
  publishNotReadyAddresses: boolean;
  sessionAffinity: string;
  ports: ServicePortEndpoints[];
  /** All selected pods with an IP, port-less (the addresses headless DNS returns). */
  addresses: EndpointAddress[];
  /** Keys of every pod the selector picks, with or without an IP. */
  selectedPods: string[];
  notes: string[];
  source: SourceRef;
}

export interface ServicesResult {
  services: ServiceEndpoints[];
  findings: SimFinding[];
}

/**
 * Endpoints of every Service among `manifests`, over `pods` (already expanded and placed), plus
 * the findings:
 *   - `ref/service-no-pods` (warning): a managed Service whose selector matches no pod of its namespace;
 *   - `ref/target-port-not-found` (warning): a named targetPort that some selected pods do not define
 *     for the port's protocol (they get no traffic on that port);
 *   - `sim/service-no-ready-endpoints` (warning): pods are selected but none is a ready endpoint.
 * (A workload whose selector misses its own template is the validator `api/selector-mismatch`.)
 * Pure. Services are sorted by namespace/name; findings follow manifest order.
 */
export function computeServices(manifests: readonly Manifest[], pods: readonly SimPod[], options: EndpointsOptions = {}): ServicesResult {
  const findings: SimFinding[] = [];
  const services: ServiceEndpoints[] = [];
  const index = new PodsByLabel(pods);
  for (const manifest of manifests) {
    if (!isCoreService(manifest)) continue;
    const service = readService(manifest);
    const selected = selectPods(service, index);
    const result = endpointsOf(service, [...selected].sort(byPodKey), options);
    services.push(result);
    findings.push(...serviceFindings(service, result, selected));
  }
  services.sort((a, b) => compare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
  return { services, findings };
}

/**
 * Only the findings of `computeServices` that depend on which pods a selector picks, not on their
 * endpoints (`ref/service-no-pods`, `ref/target-port-not-found`), in the same order: what `drydock
 * check` reports without a dry run. `replicasOf(pod)`: how many identical pods `pod` stands for (see
 * `ExpansionOptions.representatives`); the counts in the messages are of those. Pure.
 */
export function servicePodReferenceFindings(manifests: readonly Manifest[], pods: readonly SimPod[], replicasOf: (pod: SimPod) => number = ONE_EACH): SimFinding[] {
  const index = new PodsByLabel(pods);
  const findings: SimFinding[] = [];
  for (const manifest of manifests) {
    if (!isCoreService(manifest)) continue;
    const service = readService(manifest);
    findings.push(...selectedPodFindings(service, selectPods(service, index), replicasOf));
  }
  return findings;
}

const ONE_EACH = (): number => 1;

function isCoreService(manifest: Manifest): boolean {
  return manifest.object.kind === 'Service' && (manifest.object.apiVersion ?? 'v1') === 'v1';
}

function endpointsOf(service: ServiceModel, selected: readonly SimPod[], options: EndpointsOptions): ServiceEndpoints {
  const managed = service.selector !== null;
  const notes: string[] = [];
  if (service.type === 'ExternalName') notes.push(l10n.t('ExternalName: DNS returns a CNAME; no endpoints are managed'));
  else if (!managed) notes.push(l10n.t('no selector: endpoints are not managed (EndpointSlices must be created by hand)'));
  if (service.headless) notes.push(l10n.t('headless: no virtual IP; DNS returns the ready endpoints directly'));
  if (service.sessionAffinity === 'ClientIP') notes.push(l10n.t('sessionAffinity ClientIP: each client IP sticks to one ready endpoint'));
  if (service.publishNotReadyAddresses) notes.push(l10n.t('publishNotReadyAddresses: not-ready pods are published as ready'));
  return {
    namespace: service.namespace,
    name: service.name,
    type: service.type,
    headless: service.headless,
    managed,
    selector: service.selector,
    publishNotReadyAddresses: service.publishNotReadyAddresses,
    sessionAffinity: service.sessionAffinity,
    ports: service.ports.map((port) => portEndpoints(service, port, selected, options)),
    addresses: addressesOf(service, selected, options),
    selectedPods: selected.map((pod) => pod.key),
    notes,
    source: service.manifest.source,
  };
}

/** `selected`: the pods the selector picks, in the run's pod order. */
function serviceFindings(service: ServiceModel, result: ServiceEndpoints, selected: readonly SimPod[]): SimFinding[] {
  const { source } = service.manifest;
  const findings = selectedPodFindings(service, selected);
  if (!result.managed || selected.length === 0) return findings;
  // Already explained by ref/target-port-not-found when every port lost all its pods to the lookup.
  const explained = result.ports.length > 0 && result.ports.every((port) => port.endpoints.length === 0 && port.missingTargetPort.length > 0);
  const anyReady = explained || result.ports.some((port) => port.endpoints.some((e) => e.ready)) || (result.ports.length === 0 && result.addresses.some((a) => a.ready));
  if (!anyReady) {
    findings.push({ source, path: ['spec', 'selector'], severity: 'warning', code: 'sim/service-no-ready-endpoints', message: l10n.t('{0} pod(s) are selected but none is a ready endpoint (not scheduled, not ready, or no matching port): connections to the Service are refused', result.selectedPods.length) });
  }
  return findings;
}

/**
 * A managed Service's findings about the pods its selector picks (`selected`, in the run's pod
 * order, each standing for `replicasOf(pod)` pods): none picked, or a named targetPort that some of
 * them do not define for the port's protocol.
 */
function selectedPodFindings(service: ServiceModel, selected: readonly SimPod[], replicasOf: (pod: SimPod) => number = ONE_EACH): SimFinding[] {
  const { source } = service.manifest;
  const findings: SimFinding[] = [];
  if (service.selector === null) return findings;
  if (selected.length === 0) {
    const message = l10n.t('selector {0} matches no pod in namespace {1}: the Service has no endpoints', selectorText(service.selector), service.namespace);
    findings.push({ source, path: ['spec', 'selector'], severity: 'warning', code: 'ref/service-no-pods', message });
    return findings;
  }
  for (const port of service.ports) {
    if (typeof port.targetPort !== 'string') continue;
    const missing = selected.filter((pod) => findPort(pod.spec, port.targetPort, port.protocol) === null);
    if (missing.length === 0) continue;
    const selectedCount = podCount(selected, replicasOf);
    const missingCount = podCount(missing, replicasOf);
    const message =
      missingCount === selectedCount
        ? l10n.t('targetPort "{0}" is not a {1} container port name of any of the {2} selected pod(s): they get no traffic on port {3}', port.targetPort, port.protocol, selectedCount, port.port)
        : l10n.t('targetPort "{0}" is not a {1} container port name of {2} of the {3} selected pods (e.g. {4}): they get no traffic on port {5}', port.targetPort, port.protocol, missingCount, selectedCount, missing[0].key, port.port);
    findings.push({ source, path: ['spec', 'ports', port.index, 'targetPort'], severity: 'warning', code: 'ref/target-port-not-found', message });
  }
  return findings;
}

function podCount(pods: readonly SimPod[], replicasOf: (pod: SimPod) => number): number {
  let count = 0;
  for (const pod of pods) count += replicasOf(pod);
  return count;
}

/** A Service's selector as its findings show it: `app=web,tier=front`. */
export function selectorText(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
