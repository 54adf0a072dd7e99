import { performance } from 'node:perf_hooks';
import { toLabels } from '../server/src/simulator/model/labelSelector';
import type { Manifest } from '../server/src/simulator/model/source';
import { computeReachability } from '../server/src/simulator/network/reachability';
import type { NetworkPod } from '../server/src/simulator/network/types';

/**
 * `npm run bench network`: the reachability matrix for 2,000 pods in 50 namespaces under 500
 * NetworkPolicies (target ≤ 2 s), in two shapes: pods as replicas of 400 workloads (what manifests
 * give), and 2,000 pods that every policy can tell apart (worst case for the class cache). Plus 100
 * explained queries. Inputs are generated deterministically.
 */
export async function benchNetwork(): Promise<Record<string, number | string>> {
  const manifests = policyManifests(50, 10);
  const replicas = pods(50, 40, 5, false);
  const distinct = pods(50, 40, 5, true);
  const cpu: Record<string, number> = {};
  /** Wall-clock ms; the CPU ms of the same run go to `cpu` (wall time suffers on a busy machine). */
  const time = (fn: () => unknown, label: string) => {
    const start = performance.now();
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    cpu[label] = Math.round((used.user + used.system) / 1000);
    return Math.round(performance.now() - start);
  };
  let cells = 0;
  const replicasMs = time(() => {
    const result = computeReachability({ manifests, pods: replicas, matrix: true });
    cells = (result.matrix?.endpoints.length ?? 0) ** 2;
  }, 'replicas');
  const distinctMs = time(() => computeReachability({ manifests, pods: distinct, matrix: true }), 'distinct');
  const queries = Array.from({ length: 100 }, (_, i) => ({ from: distinct[(i * 37) % distinct.length].key, to: distinct[(i * 91 + 5) % distinct.length].key, port: 8080, protocol: 'TCP' as const }));
  const queriesMs = time(() => computeReachability({ manifests, pods: distinct, queries }), 'queries');
  return {
    pods: replicas.length,
    namespaces: 50,
    policies: manifests.filter((m) => m.object.kind === 'NetworkPolicy').length,
    'matrix, 400 workloads × 5 replicas (ms)': replicasMs,
    'matrix, 400 workloads × 5 replicas (cpu ms)': cpu.replicas,
    'matrix cells shown (grouped)': cells,
    'matrix, 2,000 distinct pods (ms)': distinctMs,
    'matrix, 2,000 distinct pods (cpu ms)': cpu.distinct,
    'target (ms)': 2000,
    '100 explained queries (ms)': queriesMs,
    '100 explained queries (cpu ms)': cpu.queries,
  };
}

/** 40 pods per namespace: 8 apps × 5 replicas; `distinct` adds a per-pod label. */
function pods(namespaces: number, perNamespace: number, replicas: number, distinct: boolean): NetworkPod[] {
  const out: NetworkPod[] = [];
  for (let n = 0; n < namespaces; n++) {
    for (let i = 0; i < perNamespace; i++) {
      const a = Math.floor(i / replicas);
      const app = `app-${a}`;
      const labels: Record<string, string> = { app, tier: a % 3 === 0 ? 'front' : 'back', ...(distinct ? { pod: `p${i}` } : {}) };
      out.push({
        key: `ns-${n}/${app}-${i}`, namespace: `ns-${n}`, name: `${app}-${i}`, labels: toLabels(labels),
        ports: [{ name: 'http', containerPort: 8080 + (a % 2) }, { name: 'metrics', containerPort: 9100 }],
        ips: [], hostNetwork: false, workload: `ns-${n}/${app}`,
      });
    }
  }
  return out;
}

/** Per namespace: a Namespace and `perNamespace` policies of the usual kinds. */
function policyManifests(namespaces: number, perNamespace: number): Manifest[] {
  const out: Manifest[] = [];
  let document = 0;
  const add = (object: Manifest['object']) => out.push({ source: { file: 'bench.yaml', document: document++, path: [] }, object });
  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${n}`;
    add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: `team-${n % 7}`, env: n % 2 ? 'prod' : 'dev' } } });
    const specs: Array<Record<string, unknown>> = [
      { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ns-0' } }, podSelector: { matchLabels: { app: 'app-0' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }] },
      { podSelector: { matchLabels: { tier: 'front' } }, ingress: [{ ports: [{ port: 'http' }] }] },
      { podSelector: { matchLabels: { tier: 'back' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'front' } } }], ports: [{ port: 'http' }] }] },
      { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `team-${(n + 1) % 7}` } } }], ports: [{ port: 9100, endPort: 9102 }] }] },
      { podSelector: { matchLabels: { app: `app-${n % 8}` } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] }] },
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['app-1', 'app-2'] }] }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }] }] },
      { podSelector: { matchLabels: { app: 'app-3' } }, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'app-5' } } }] }] },
      { podSelector: { matchLabels: { tier: 'back' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { tier: 'back' } } }], ports: [{ port: 8080, endPort: 8081 }] }] },
      { podSelector: { matchLabels: { app: 'app-7' } }, ingress: [{ from: [{ ipBlock: { cidr: `10.${n}.0.0/16`, except: [`10.${n}.1.0/24`] } }] }] },
    ];
    specs.slice(0, perNamespace).forEach((spec, i) => add({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `p-${i}`, namespace: ns }, spec }));
  }
  return out;
}
