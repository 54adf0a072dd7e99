import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DryRunParses, runFileDryRun, type FileText } from '../../../server/src/dryRun/fileDryRun';
import { MAX_SIMULATED_NODES, SINGLE_NODE_FAILURE_CODE } from '../../../server/src/dryRun/singleNodeFailure';

const URI = 'file:///ws/app.yaml';
const lines = (...l: string[]) => l.join('\n') + '\n';

/** A workload of `kind` (apps/v1 unless a ReplicationController); `podSpec` is the pod template's spec as flow YAML fields. */
function workload(kind: string, name: string, replicas: number | null, podSpec = '', extraSpec: string[] = []): string {
  const template = `{${podSpec ? `${podSpec}, ` : ''}containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: 100m}}}]}`;
  const selector = kind === 'ReplicationController' ? `{app: ${name}}` : `{matchLabels: {app: ${name}}}`;
  return lines(
    `apiVersion: ${kind === 'ReplicationController' ? 'v1' : 'apps/v1'}`,
    `kind: ${kind}`,
    `metadata: {name: ${name}}`,
    'spec:',
    ...(replicas === null ? [] : [`  replicas: ${replicas}`]),
    ...extraSpec.map((l) => `  ${l}`),
    `  selector: ${selector}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    `    spec: ${template}`,
  );
}
const deployment = (name: string, replicas: number | null, podSpec = '', extra: string[] = []) => workload('Deployment', name, replicas, podSpec, extra);
/** The pod template's spec over several lines, so a finding on `affinity` has a line of its own. */
function withAffinity(name: string, replicas: number): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec:',
    '      affinity:',
    '        nodeAffinity:',
    '          requiredDuringSchedulingIgnoredDuringExecution:',
    '            nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-2a]}]}]',
    '      containers: [{name: app, image: "nginx:1.27"}]',
  );
}
const pinned = (node: string) => `nodeSelector: {kubernetes.io/hostname: ${node}}`;
/** A cluster profile of Ready nodes named `names`, each in zone `zone-<name>`. */
function cluster(...names: string[]): FileText {
  const node = (name: string) =>
    lines(
      'apiVersion: v1',
      'kind: Node',
      `metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}, topology.kubernetes.io/zone: zone-${name}}}`,
      'status:',
      '  allocatable: {cpu: "4", memory: 16Gi, pods: "110"}',
      '  conditions: [{type: Ready, status: "True"}]',
    );
  return { uri: 'file:///ws/.drydock/cluster.yaml', text: names.map(node).join('---\n') };
}

/** `line: message` of each sim/single-node-failure the editor's dry run of `text` reports (1-based lines). */
function found(text: string, clusterFile: FileText | null = null, on = true): string[] {
  const job = { document: { uri: URI, text }, cluster: clusterFile, baseline: null, context: [], limits: {}, singleNodeFailure: on };
  return runFileDryRun(job, new DryRunParses())
    .filter((f) => f.sim.code === SINGLE_NODE_FAILURE_CODE)
    .map((f) => {
      assert.equal(f.sim.severity, 'warning');
      return `${(f.located?.range.start.line ?? -2) + 1}: ${f.sim.message}`;
    });
}

function otherCodes(text: string): string[] {
  const job = { document: { uri: URI, text }, cluster: null, baseline: null, context: [], limits: {}, singleNodeFailure: true };
  return [...new Set(runFileDryRun(job, new DryRunParses()).map((f) => f.sim.code))].filter((code) => code !== SINGLE_NODE_FAILURE_CODE);
}

const SIX_MIN = '(~6 min: node-monitor grace period 50 s + tolerationSeconds 300)';
const BACK = 'has no ready pod from 50 s after the failure (node-monitor grace period) until';

/** `otherCodes`: codes the same run reports besides (so an empty `expect` is about a run that did happen). */
const cases: Array<{ name: string; text: string; cluster?: FileText; on?: boolean; expect: string[] | RegExp; otherCodes?: string[] }> = [
  {
    name: 'one replica: on spec.replicas, replaced after the grace period and the default toleration',
    text: deployment('web', 1),
    expect: [`5: the only ready pod of Deployment web runs on worker-1c: if that node fails, web has no ready pod until a replacement is ready ${SIX_MIN}`],
  },
  {
    name: 'replicas left out (1): on the nearest field, spec',
    text: deployment('web', null),
    expect: [`4: the only ready pod of Deployment web runs on worker-1c: if that node fails, web has no ready pod until a replacement is ready ${SIX_MIN}`],
  },
  { name: 'the setting off: nothing', text: deployment('web', 1), on: false, expect: [] },
  { name: 'three replicas spread over nodes by the scheduler: nothing', text: deployment('web', 3), expect: [] },
  {
    name: 'three replicas forced onto one node by nodeSelector: on spec.replicas, the replacements stay Pending (the scheduler\'s words)',
    text: deployment('web', 3, pinned('worker-2b')),
    expect: [
      `5: all 3 ready pods of Deployment web run on worker-2b: if that node fails, web ${BACK} worker-2b is back: its replacements stay Pending: 0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.`,
    ],
  },
  {
    name: 'three replicas forced onto one node by a required node affinity: on the affinity',
    text: withAffinity('web', 3),
    expect: /^10: all 3 ready pods of Deployment web run on worker-2a: if that node fails, web has no ready pod from 50 s .* until worker-2a is back: its replacements stay Pending: 0\/6 nodes are available/,
  },
  {
    name: 'one replica with an affinity: on spec.replicas all the same',
    text: withAffinity('web', 1),
    expect: /^5: the only ready pod of Deployment web runs on worker-2a: /,
  },
  { name: 'a DaemonSet, even on one node only: per node by design, nothing', text: workload('DaemonSet', 'agent', null, pinned('worker-1a')), expect: [] },
  { name: 'a bare Pod: nothing', text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: a, image: "nginx:1.27"}]}'), expect: [] },
  {
    name: 'every pod Pending: no ready pod to lose, nothing (sim/unschedulable says why)',
    text: deployment('big', 2, '', []).replace('cpu: 100m', 'cpu: "64"'),
    expect: [],
    otherCodes: ['sim/unschedulable'],
  },
  {
    name: 'one pod placed, two Pending: the only ready pod is on one node',
    text: deployment('web', 3, pinned('worker-1a')).replace('cpu: 100m', 'cpu: "3"'),
    expect: /^5: the only ready pod of Deployment web runs on worker-1a \(2 more are Pending\): if that node fails, web has no ready pod from 50 s .* until worker-1a is back: its replacements stay Pending: /,
  },
  {
    name: 'a StatefulSet of one: no replacement until the old pod is gone',
    text: workload('StatefulSet', 'db', 1, '', ['serviceName: db']),
    expect: /^5: the only ready pod of StatefulSet db runs on worker-\w+: if that node fails, db has no ready pod from 50 s .* is back: a StatefulSet recreates a pod only once the old one is gone/,
  },
  {
    name: 'a ReplicaSet and a ReplicationController of one',
    text: workload('ReplicaSet', 'rs', 1) + '---\n' + workload('ReplicationController', 'rc', 1),
    expect: /^5: the only ready pod of ReplicaSet rs runs on worker-\w+: .*\n15: the only ready pod of ReplicationController rc runs on worker-\w+: .*replacement is ready \(~6 min/,
  },
  {
    name: 'a shorter unreachable toleration: replaced sooner',
    text: deployment('web', 1, 'tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]'),
    expect: /: if that node fails, web has no ready pod until a replacement is ready \(~80 s: node-monitor grace period 50 s \+ tolerationSeconds 30\)$/,
  },
  {
    name: 'a readiness probe delays the replacement',
    text: deployment('web', 1).replace('resources:', 'readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 15}, resources:'),
    expect: /until a replacement is ready \(~6 min: node-monitor grace period 50 s \+ tolerationSeconds 300 \+ 20 s to Ready\)$/,
  },
  {
    name: 'tolerating unreachable forever: never evicted',
    text: deployment('web', 1, 'tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}]'),
    expect: /is back: its pods tolerate node\.kubernetes\.io\/unreachable:NoExecute without tolerationSeconds, so they are never evicted$/,
  },
  {
    name: 'a one-node cluster: every zone fully disrupted, no eviction',
    text: deployment('web', 2),
    cluster: cluster('solo'),
    expect: [`5: all 2 ready pods of Deployment web run on solo: if that node fails, web ${BACK} solo is back: the node controller evicts no pod while every zone is fully disrupted`],
  },
];
for (const c of cases) {
  test(`single-node failure: ${c.name}`, () => {
    const result = found(c.text, c.cluster ?? null, c.on ?? true);
    if (c.otherCodes) assert.deepEqual(otherCodes(c.text), c.otherCodes);
    if (Array.isArray(c.expect)) assert.deepEqual(result, c.expect);
    else assert.match(result.join('\n'), c.expect);
  });
}

test(`single-node failure: past ${MAX_SIMULATED_NODES} nodes (in name order) the outage is a floor from the defaults`, () => {
  const names = Array.from({ length: MAX_SIMULATED_NODES + 1 }, (_, i) => `n${i}`);
  const text = names.map((n) => deployment(`app-${n}`, 1, pinned(n))).join('---\n');
  const result = found(text, cluster(...names));
  assert.equal(result.length, names.length);
  // The first ones are failed in the engine: their replacements, pinned to the failed node, stay Pending.
  assert.ok(result.slice(0, MAX_SIMULATED_NODES).every((m) => m.includes('is back: its replacements stay Pending: 0/9 nodes are available')), result.join('\n'));
  // The last one is not: the lifecycle's defaults give a floor, said to be one.
  assert.match(result[MAX_SIMULATED_NODES], /^85: the only ready pod of Deployment app-n8 runs on n8: .*until a replacement is ready \(at least ~6 min: node-monitor grace period 50 s \+ tolerationSeconds 300; not simulated: too many nodes to fail in one dry run\)$/);
});

test('single-node failure: deterministic (two runs, same findings)', () => {
  const text = deployment('a', 1) + '---\n' + deployment('b', 3, pinned('worker-1b')) + '---\n' + deployment('c', 3);
  assert.deepEqual(found(text), found(text));
  assert.equal(found(text).length, 2);
});
