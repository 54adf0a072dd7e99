import type { SimPod } from '../model/pod';
import { namedPortsOf } from '../controllers/findPort';
import type { NetworkPod } from './types';

/**
 * SimPods as reachability sees them. `ipsOf` supplies pod IPs when they are known (a cluster
 * profile's `status.podIPs`); pods from manifests have none, so no ipBlock matches them (netpol.md
 * §12.11). `workload` names the owning workload ("ns/web" for the pods of ReplicaSet web-<hash>
 * owned by Deployment web), used to group replicas and to resolve `ns/web` in queries.
 */
export function networkPodsOf(pods: readonly SimPod[], ipsOf: (pod: SimPod) => readonly string[] = () => []): NetworkPod[] {
  return pods.map((pod) => ({
    key: pod.key,
    namespace: pod.namespace,
    name: pod.name,
    labels: pod.labels,
    ports: namedPortsOf(pod.spec),
    ips: ipsOf(pod),
    hostNetwork: pod.spec.hostNetwork === true,
    workload: workloadOf(pod),
  }));
}

function workloadOf(pod: SimPod): string | null {
  if (pod.workload) return `${pod.namespace}/${pod.workload.name}`;
  if (!pod.owner) return null;
  const hash = pod.labels['pod-template-hash'];
  if (pod.owner.kind === 'ReplicaSet' && hash && pod.owner.name.endsWith(`-${hash}`)) {
    return `${pod.namespace}/${pod.owner.name.slice(0, -hash.length - 1)}`;
  }
  return `${pod.namespace}/${pod.owner.name}`;
}
