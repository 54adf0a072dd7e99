import { INLINE_DETAILS_BUDGET } from '../../server/src/dryRun/previewPods';
import type { DeploymentRollout, PodDetails, PreviewModel, PreviewNode, PreviewPod, PreviewRolloutPod, PreviewService, ReachMatrix } from '../../server/src/protocol/preview';

export interface LargeClusterSize {
  nodes: number;
  pods: number;
  /** Pods that fit nowhere, each with a filter verdict for every node. */
  pending: number;
}

const GIB = 1024 ** 3;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

/**
 * A deterministic synthetic simulation result of the requested size, shaped like the server's: pods
 * spread round-robin over the nodes, a few control-plane and cordoned nodes, taints, pending pods whose
 * filters name every node, and one scheduled pod scored on every node (the worst case for details).
 */
export function largeClusterModel(size: LargeClusterSize): PreviewModel {
  const random = lcg(42);
  const nodes: PreviewNode[] = [];
  for (let i = 0; i < size.nodes; i++) {
    const zone = ZONES[i % ZONES.length];
    const controlPlane = i < 3;
    const cordoned = !controlPlane && i % 97 === 0;
    const labels: Record<string, string> = {
      'kubernetes.io/hostname': `node-${pad(i)}`,
      'topology.kubernetes.io/zone': zone,
      'topology.kubernetes.io/region': zone.slice(0, -1),
      'node.kubernetes.io/instance-type': i % 3 === 0 ? 'm5.2xlarge' : 'm5.xlarge',
      pool: i % 10 === 0 ? 'batch' : 'general',
    };
    if (controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
    const taints = controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' }] : [];
    if (cordoned) taints.push({ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' });
    if (i % 10 === 0 && !controlPlane) taints.push({ key: 'dedicated', value: 'batch', effect: 'NoSchedule' });
    const cpu = i % 3 === 0 ? 8000 : 4000;
    nodes.push({ name: `node-${pad(i)}`, labels, taints, unschedulable: cordoned, allocatable: { cpu, memory: (cpu / 250) * GIB, pods: 110 }, requested: { cpu: 0, memory: 0, pods: 0 } });
  }
  const schedulable = nodes.filter((node) => node.taints.length === 0);
  const pods: PreviewPod[] = [];
  const placed = size.pods - size.pending;
  for (let i = 0; i < placed; i++) {
    const node = schedulable[i % schedulable.length];
    const app = `app-${pad(i % 400, 3)}`;
    const requests = { cpu: 100 + Math.floor(random() * 4) * 50, memory: GIB / 2 };
    node.requested.cpu += requests.cpu;
    node.requested.memory += requests.memory;
    node.requested.pods += 1;
    pods.push({
      namespace: `team-${i % 20}`,
      name: `${app}-7d9f8c-${pad(i, 5)}`,
      owner: { kind: 'ReplicaSet', name: `${app}-7d9f8c` },
      node: node.name,
      status: 'Scheduled',
      message: '',
      filters: {},
      scores: i === 0 ? scoresForAll(schedulable, random) : { [node.name]: { total: 300, plugins: { NodeResourcesFit: 80, TaintToleration: 300 } } },
      requests,
      source: { uri: 'file:///workspace/large/apps.yaml', line: (i % 400) * 40 },
    });
  }
  for (let i = 0; i < size.pending; i++) {
    const filters: PreviewPod['filters'] = {};
    for (const node of nodes) filters[node.name] = node.taints.length > 0 ? { plugin: 'TaintToleration', reason: 'node(s) had untolerated taint(s)' } : { plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' };
    pods.push({
      namespace: 'batch',
      name: `huge-job-${pad(i, 4)}`,
      owner: { kind: 'Job', name: 'huge-job' },
      node: null,
      status: 'Pending',
      message: `0/${size.nodes} nodes are available: ${size.nodes - schedulable.length} node(s) had untolerated taint(s), ${schedulable.length} Insufficient cpu.`,
      filters,
      scores: {},
      requests: { cpu: 16000, memory: 64 * GIB },
      source: { uri: 'file:///workspace/large/batch.yaml', line: 0 },
    });
  }
  return {
    source: { uri: 'file:///workspace/large/apps.yaml', scope: 'workspace' },
    kubernetesVersion: '1.36',
    simulation: { nodes, pods, services: services(pods), diagnostics: [] },
    rollout: { deployments: [rollout(schedulable)] },
    reach: { queries: [], matrix: matrix(400) },
  };
}

/**
 * The model as the language server would send it (`server/src/dryRun/previewPods.ts`): past the
 * inline budget the per-node filters and scores are left out, and `details` has what the server
 * answers to `drydock/podDetails` for each pod.
 */
export function largeClusterAsServed(size: LargeClusterSize): { model: PreviewModel; details: Map<string, PodDetails> } {
  const model = largeClusterModel(size);
  const details = new Map<string, PodDetails>();
  let entries = 0;
  for (const pod of model.simulation.pods) entries += Object.keys(pod.filters).length + Object.keys(pod.scores).length;
  if (entries <= INLINE_DETAILS_BUDGET) return { model, details };
  for (const pod of model.simulation.pods) {
    const key = `${pod.namespace}/${pod.name}`;
    details.set(key, { pod: key, filters: pod.filters, scores: pod.scores });
    pod.detailsOmitted = { filters: Object.keys(pod.filters).length, scores: Object.keys(pod.scores).length, bestTotal: pod.node ? (pod.scores[pod.node]?.total ?? null) : null };
    pod.filters = {};
    pod.scores = {};
  }
  return { model, details };
}

function scoresForAll(nodes: readonly PreviewNode[], random: () => number): PreviewPod['scores'] {
  const scores: PreviewPod['scores'] = {};
  for (const node of nodes) {
    const plugins = { NodeResourcesFit: Math.floor(random() * 100), NodeResourcesBalancedAllocation: Math.floor(random() * 100), TaintToleration: 300, PodTopologySpread: 200 * Math.floor(random() * 2) };
    scores[node.name] = { total: Object.values(plugins).reduce((a, b) => a + b, 0), plugins };
  }
  return scores;
}

function services(pods: readonly PreviewPod[]): PreviewService[] {
  const result: PreviewService[] = [];
  for (let s = 0; s < 200; s++) {
    const endpoints = pods.slice(s * 5, s * 5 + 5).map((pod, i) => ({ pod: `${pod.namespace}/${pod.name}`, port: 8080, ready: i !== 4 }));
    result.push({ namespace: `team-${s % 20}`, name: `svc-${pad(s, 3)}`, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, endpoints }] });
  }
  return result;
}

function rollout(nodes: readonly PreviewNode[]): DeploymentRollout {
  const replicas = 60;
  const steps = [];
  for (let step = 0, old = replicas, fresh = 0; old > 0 || fresh < replicas; step++) {
    fresh = Math.min(replicas, fresh + 15);
    old = Math.max(0, old - 15);
    const pods: PreviewRolloutPod[] = [];
    for (let i = 0; i < old; i++) pods.push({ pod: `web/web-old-${i}`, node: nodes[i % nodes.length].name, isNew: false, ready: true });
    for (let i = 0; i < fresh; i++) pods.push({ pod: `web/web-new-${i}`, node: nodes[(i + 7) % nodes.length].name, isNew: true, ready: i < fresh - 15 });
    steps.push({ step, oldReplicas: old, newReplicas: fresh, available: old + Math.max(0, fresh - 15), unavailable: Math.min(15, fresh), actions: [`Scaled up replica set web-new to ${fresh}`, `Scaled down replica set web-old to ${old}`], pending: [], pods });
  }
  return { namespace: 'web', name: 'web', strategy: 'RollingUpdate', maxSurge: 15, maxUnavailable: 15, replicas, outcome: 'complete', steps };
}

function matrix(size: number): ReachMatrix {
  const endpoints = Array.from({ length: size }, (_, i) => ({ label: `team-${i}/app`, kind: 'pods' as const, pods: [`team-${i}/app-0`] }));
  const connections = endpoints.map((_, r) => endpoints.map((__, c) => (r === c ? 'self' : (r + c) % 3 === 0 ? 'No connections' : 'All connections')));
  return { endpoints, connections };
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

/** A small deterministic generator (no Math.random: the same model every run). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
