import * as l10n from '@vscode/l10n';
import type { Manifest, SimFinding } from '../model/source';
import { PodsByLabel } from '../model/podsByLabel';
import { readService } from '../controllers/serviceSpec';
import { egressVector, ingressVector } from './matrix';
import { namedPortNumbers, type PolicyIndex } from './policyIndex';
import { ALL_ID, hasPort, intersectIds } from './portSet';
import type { NetworkPod, Protocol } from './types';

/** Above this many pod classes the per-Service check is skipped (a note says so). */
export const MAX_CLASSES_FOR_SERVICE_CHECK = 20_000;

/**
 * `net/service-unreachable` (warning): for a Service port, no pod at all may open a connection to
 * any of the Service's pods on its target port — every caller is denied by NetworkPolicy (ingress
 * of the backends, or egress of every would-be client). A pod reaching itself does not count.
 * Services without a selector or without selected pods, and models of a single pod, are skipped.
 */
export function serviceReachabilityFindings(index: PolicyIndex, manifests: readonly Manifest[]): SimFinding[] {
  const findings: SimFinding[] = [];
  const egressCache = new Map<string, Int32Array>();
  const ingressCache = new Map<string, Int32Array>();
  const verdicts = new Map<string, boolean>();
  const pods = new PodsByLabel(index.model.pods);
  for (const manifest of manifests) {
    if (manifest.object.kind !== 'Service' || (manifest.object.apiVersion ?? 'v1') !== 'v1') continue;
    const service = readService(manifest);
    if (!service.selector) continue;
    const backends = pods.selectedBy(service.namespace, service.selector);
    if (backends.length === 0 || index.model.pods.length < 2) continue;
    for (const port of service.ports) {
      const protocol = port.protocol as Protocol;
      if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') continue;
      let tried = false;
      let reachable = false;
      for (const pod of backends) {
        const target = targetPortOn(pod, port.targetPort, protocol);
        if (target === null) continue;
        tried = true;
        const classId = index.classOfPod.get(pod.key) as number;
        const key = `${classId}/${protocol}/${target}`;
        let ok = verdicts.get(key);
        if (ok === undefined) verdicts.set(key, (ok = reachableFromSomePod(index, classId, protocol, target, egressCache, ingressCache)));
        if (ok) { reachable = true; break; }
      }
      if (tried && !reachable) {
        findings.push({
          source: manifest.source, path: ['spec', 'ports', port.index], severity: 'warning', code: 'net/service-unreachable',
          message: l10n.t(
            'no pod may connect to the pods of Service {0}/{1} on {2} {3} (port {4}): NetworkPolicies deny every caller',
            service.namespace,
            service.name,
            protocol,
            typeof port.targetPort === 'number' ? port.targetPort : `"${port.targetPort}"`,
            port.port,
          ),
        });
      }
    }
  }
  return findings;
}

function targetPortOn(pod: NetworkPod, targetPort: number | string, protocol: Protocol): number | null {
  if (typeof targetPort === 'number') return targetPort;
  return namedPortNumbers(pod, targetPort, protocol)[0] ?? null;
}

function reachableFromSomePod(index: PolicyIndex, destination: number, protocol: Protocol, port: number, egressCache: Map<string, Int32Array>, ingressCache: Map<string, Int32Array>): boolean {
  const ingress = ingressVector(index, destination, ingressCache);
  for (let source = 0; source < index.classes.length; source++) {
    if (source === destination && index.classes[source].pods.length < 2) continue;
    const egress = egressVector(index, source, egressCache);
    const cell = intersectIds(index.table, egress ? egress[destination] : ALL_ID, ingress ? ingress[source] : ALL_ID);
    if (hasPort(index.table.sets[cell], protocol, port)) return true;
  }
  return false;
}
