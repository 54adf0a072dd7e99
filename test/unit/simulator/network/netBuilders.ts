import type { Manifest } from '../../../../server/src/simulator/model/source';
import { toLabels } from '../../../../server/src/simulator/model/labelSelector';
import type { NetworkPod } from '../../../../server/src/simulator/network/types';

let documentIndex = 0;
const source = (file: string) => ({ file, document: documentIndex++, path: [] as Array<string | number> });

export function namespace(name: string, labels: Record<string, string> = {}): Manifest {
  return { source: source('ns.yaml'), object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } } };
}

export function policy(ns: string, name: string, spec: Record<string, unknown>): Manifest {
  return { source: source('policies.yaml'), object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec } };
}

export function service(ns: string, name: string, spec: Record<string, unknown>): Manifest {
  return { source: source('svc.yaml'), object: { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec } };
}

/** A pod as reachability sees it; no ports, no IPs unless asked. */
export function netPod(key: string, options: { labels?: Record<string, string>; ports?: NetworkPod['ports']; ips?: string[]; workload?: string; hostNetwork?: boolean } = {}): NetworkPod {
  const [ns, name] = key.split('/');
  return { key, namespace: ns, name, labels: toLabels(options.labels ?? {}), ports: options.ports ?? [], ips: options.ips ?? [], hostNetwork: options.hostNetwork ?? false, workload: options.workload ?? null };
}
