import type { SimPod } from '../model/pod';
import type { PodsByLabel } from '../model/podsByLabel';
import { findPort } from './findPort';
import type { ServiceModel, ServicePortSpec } from './serviceSpec';

/**
 * The EndpointSlice controller for one Service (services.md §2–4):
 *   - selection: pods of the Service's namespace whose labels contain every selector pair;
 *   - `ShouldPodBeInEndpoints`: a pod without an IP (not scheduled) or in a terminal phase is left out;
 *   - conditions: serving = Ready; terminating = being deleted (never, in a simulation);
 *     ready = publishNotReadyAddresses OR (serving AND NOT terminating);
 *   - ports: per Service port and per pod, `findPort`; a pod whose named targetPort does not resolve
 *     is left out for that port only.
 * Ordering: endpoints sorted by pod key (namespace/name), ports in spec order.
 */
export interface EndpointAddress {
  pod: string;
  /** The resolved container port; null for a port-less (headless) address. */
  port: number | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  node: string | null;
}

export interface ServicePortEndpoints {
  name: string;
  port: number;
  protocol: string;
  targetPort: number | string;
  appProtocol: string | null;
  endpoints: EndpointAddress[];
  /** Selected pods with an IP whose named targetPort did not resolve. */
  missingTargetPort: string[];
}

export interface EndpointsOptions {
  /** Whether a pod has an IP. Default: it is bound to a node and not in a terminal phase. */
  podHasIp?: (pod: SimPod) => boolean;
}

export function defaultPodHasIp(pod: SimPod): boolean {
  return pod.nodeName !== null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** Pods the selector picks (ignoring IPs), in the order of the run's pods. */
export function selectPods(service: ServiceModel, pods: PodsByLabel<SimPod>): SimPod[] {
  return service.selector ? pods.selectedBy(service.namespace, service.selector) : [];
}

export function byPodKey(a: SimPod, b: SimPod): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The selected pods that become endpoints, as port-less addresses (what headless DNS serves). */
export function addressesOf(service: ServiceModel, selected: readonly SimPod[], options: EndpointsOptions = {}): EndpointAddress[] {
  const hasIp = options.podHasIp ?? defaultPodHasIp;
  return selected.filter(hasIp).map((pod) => address(service, pod, null));
}

export function portEndpoints(service: ServiceModel, port: ServicePortSpec, selected: readonly SimPod[], options: EndpointsOptions = {}): ServicePortEndpoints {
  const hasIp = options.podHasIp ?? defaultPodHasIp;
  const endpoints: EndpointAddress[] = [];
  const missingTargetPort: string[] = [];
  for (const pod of selected) {
    if (!hasIp(pod)) continue;
    const resolved = findPort(pod.spec, port.targetPort, port.protocol);
    if (resolved === null) missingTargetPort.push(pod.key);
    else endpoints.push(address(service, pod, resolved));
  }
  return { name: port.name, port: port.port, protocol: port.protocol, targetPort: port.targetPort, appProtocol: port.appProtocol, endpoints, missingTargetPort };
}

function address(service: ServiceModel, pod: SimPod, port: number | null): EndpointAddress {
  const serving = pod.ready;
  const terminating = pod.terminating === true;
  return { pod: pod.key, port, ready: service.publishNotReadyAddresses || (serving && !terminating), serving, terminating, node: pod.nodeName };
}
