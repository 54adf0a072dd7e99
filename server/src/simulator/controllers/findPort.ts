import type { ContainerPort, PodSpec } from '../model/pod';

/**
 * Upstream `FindPort` (pkg/api/v1/pod/util.go): the container port a Service port's `targetPort`
 * means on one particular pod.
 *   - a number is used as is (the pod need not declare it);
 *   - a name is looked up in the regular containers, then in sidecar init containers
 *     (`restartPolicy: Always`); a port matches when its name equals the targetPort AND its protocol
 *     equals the Service port's protocol (both default to TCP). The first match wins. Ordinary init
 *     containers are never searched.
 * Returns null when the name is not found: the pod is then left out for that Service port only.
 *
 * Worked examples (upstream `TestFindPort`, Service protocol TCP): 93 with no ports → 93; "q" in a
 * container with [11/UDP, p:22/TCP, q:33/TCP] → 33; "q" when p and q both map to 22 → 22; "a" whose only
 * port has protocol "snmp" → not found; a hostPort beside the name does not matter → the containerPort.
 */
export function findPort(spec: PodSpec, targetPort: number | string, protocol: string): number | null {
  if (typeof targetPort === 'number') return targetPort;
  for (const port of namedPortsOf(spec)) {
    if (port.name === targetPort && (port.protocol ?? 'TCP') === protocol && typeof port.containerPort === 'number') {
      return port.containerPort;
    }
  }
  return null;
}

/** Container ports in lookup order: regular containers, then sidecar (restartable) init containers. */
export function namedPortsOf(spec: PodSpec): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const container of spec.containers ?? []) ports.push(...(container.ports ?? []));
  for (const container of spec.initContainers ?? []) {
    if (container.restartPolicy === 'Always') ports.push(...(container.ports ?? []));
  }
  return ports;
}
