import type { KubeObject, Manifest } from '../model/source';

/**
 * The cluster simulated when no profile is given: a small kubeadm-style cluster, as
 * `kubectl get nodes,pods -A -o yaml` would print it.
 *
 *   control-plane-1   us-east-1a   2 cpu / 8Gi    tainted node-role.kubernetes.io/control-plane:NoSchedule
 *   worker-1a, -2a    us-east-1a   4 cpu / 16Gi
 *   worker-1b, -2b    us-east-1b   4 cpu / 16Gi
 *   worker-1c         us-east-1c   4 cpu / 16Gi
 *
 * with the control-plane static pods, kube-proxy on every node and two CoreDNS replicas running.
 * Objects are built fresh on every call (callers may keep them).
 */
export const DEFAULT_CLUSTER_FILE = '<default cluster>';

const REGION = 'us-east-1';

export function defaultClusterManifests(): Manifest[] {
  const objects: KubeObject[] = [
    node('control-plane-1', 'a', 'm5.large', { cpu: '1930m', memory: '7484652Ki' }, true),
    node('worker-1a', 'a', 'm5.xlarge', WORKER),
    node('worker-2a', 'a', 'm5.xlarge', WORKER),
    node('worker-1b', 'b', 'm5.xlarge', WORKER),
    node('worker-2b', 'b', 'm5.xlarge', WORKER),
    node('worker-1c', 'c', 'm5.xlarge', WORKER),
    staticPod('etcd', '100m', '100Mi'),
    staticPod('kube-apiserver', '250m', undefined),
    staticPod('kube-controller-manager', '200m', undefined),
    staticPod('kube-scheduler', '100m', undefined),
    ...['control-plane-1', 'worker-1a', 'worker-2a', 'worker-1b', 'worker-2b', 'worker-1c'].map(kubeProxy),
    coreDns('coredns-5d78c9869d-7xq2p', 'worker-1a'),
    coreDns('coredns-5d78c9869d-m4kzt', 'worker-1b'),
  ];
  return objects.map((object, index) => ({ source: { file: DEFAULT_CLUSTER_FILE, document: 0, path: ['items', index] }, object }));
}

const WORKER = { cpu: '3920m', memory: '15896724Ki' };

function node(name: string, zone: string, instanceType: string, allocatable: { cpu: string; memory: string }, controlPlane = false): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': instanceType,
    'topology.kubernetes.io/region': REGION,
    'topology.kubernetes.io/zone': `${REGION}${zone}`,
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: {
      capacity: { cpu: controlPlane ? '2' : '4', memory: controlPlane ? '7996652Ki' : '16408724Ki', pods: '110', 'ephemeral-storage': '83873772Ki' },
      allocatable: { ...allocatable, pods: '110', 'ephemeral-storage': '77298068Ki' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      images: [
        { names: ['registry.k8s.io/kube-proxy:v1.34.1'], sizeBytes: 31_705_632 },
        { names: ['registry.k8s.io/pause:3.10.1'], sizeBytes: 320_448 },
        ...(controlPlane ? [{ names: ['registry.k8s.io/etcd:3.6.4-0'], sizeBytes: 58_938_593 }] : [{ names: ['registry.k8s.io/coredns/coredns:v1.12.1'], sizeBytes: 20_392_204 }]),
      ],
    },
  };
}

function runningPod(name: string, nodeName: string, labels: Record<string, string>, spec: Record<string, unknown>, owner?: { kind: string; name: string }, priorityClass = 'system-node-critical'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels,
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, controller: true }] } : {}),
    },
    spec: { ...spec, nodeName, priorityClassName: priorityClass, priority: priorityClass === 'system-node-critical' ? 2000001000 : 2000000000 },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function staticPod(component: string, cpu: string, memory: string | undefined): KubeObject {
  const requests: Record<string, string> = { cpu };
  if (memory) requests.memory = memory;
  return runningPod(`${component}-control-plane-1`, 'control-plane-1', { component, tier: 'control-plane' }, {
    hostNetwork: true,
    containers: [{ name: component, image: `registry.k8s.io/${component}:v1.34.1`, resources: { requests } }],
    tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
  });
}

function kubeProxy(nodeName: string, index: number): KubeObject {
  const suffix = ['b7x2k', 'c9p4m', 'd2q8v', 'f5w3n', 'g8z6r', 'h4j9t'][index] ?? String(index);
  return runningPod(`kube-proxy-${suffix}`, nodeName, { 'k8s-app': 'kube-proxy', 'controller-revision-hash': '7c5f8d9b6' }, {
    hostNetwork: true,
    containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.1' }],
    tolerations: [{ operator: 'Exists' }],
  }, { kind: 'DaemonSet', name: 'kube-proxy' });
}

function coreDns(name: string, nodeName: string): KubeObject {
  return runningPod(name, nodeName, { 'k8s-app': 'kube-dns', 'pod-template-hash': '5d78c9869d' }, {
    containers: [{
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.12.1',
      resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
      ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }],
    }],
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  }, { kind: 'ReplicaSet', name: 'coredns-5d78c9869d' }, 'system-cluster-critical');
}
