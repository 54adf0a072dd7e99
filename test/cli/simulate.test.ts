import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runSimulate } from '../../server/src/cli/simulate';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../helpers/runCli';

/** Runs `drydock simulate` in-process with a CliIo that captures the output. */
async function simulate(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; writes: number }> {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const io: CliIo = { cwd, stdout: (t) => ((stdout += t), writes++), stderr: (t) => (stderr += t) };
  const code = await runSimulate(args, io);
  return { code, stdout, stderr, writes };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-simulate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CLUSTER = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {kubernetes.io/hostname: n1, topology.kubernetes.io/zone: a}}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
- apiVersion: v1
  kind: Node
  metadata: {name: n2, labels: {kubernetes.io/hostname: n2, topology.kubernetes.io/zone: b}}
  spec: {taints: [{key: dedicated, value: db, effect: NoSchedule}]}
  status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}
`;

const APPS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests: {cpu: "1", memory: 1Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "4"
`;

describe('drydock simulate', () => {
  const dir = workspace({ 'cluster.yaml': CLUSTER, 'apps/apps.yaml': APPS });

  it('JSON: the contract shape, in one write', async () => {
    const run = await simulate(['--cluster', 'cluster.yaml', '--format', 'json', 'apps'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.writes, 1);
    const out = JSON.parse(run.stdout);
    assert.deepEqual(out.nodes.map((n: { name: string }) => n.name), ['n1', 'n2']);
    assert.deepEqual(out.nodes[0].allocatable, { cpu: '2', memory: '4Gi', pods: '110' });
    assert.deepEqual(out.nodes[1].taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    assert.deepEqual(out.nodes[0].requested, { cpu: '2', memory: '2Gi', pods: '2' });
    const web = out.pods.filter((p: { owner: { kind: string } | null }) => p.owner?.kind === 'ReplicaSet');
    assert.equal(web.length, 2);
    assert.ok(web.every((p: { node: string; status: string }) => p.node === 'n1' && p.status === 'Scheduled'));
    assert.deepEqual(web[0].filters, { n2: { plugin: 'TaintToleration', reason: 'node(s) had untolerated taint(s)' } });
    const big = out.pods.find((p: { name: string }) => p.name === 'big');
    assert.equal(big.status, 'Pending');
    assert.equal(big.node, null);
    assert.equal(big.owner, null);
    assert.equal(big.message, '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.');
    assert.deepEqual(big.filters.n1, { plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' });
    const [diagnostic] = out.diagnostics;
    assert.equal(diagnostic.path, join('apps', 'apps.yaml'));
    assert.equal(diagnostic.code, 'sim/unschedulable');
    assert.equal(diagnostic.severity, 'warning');
    assert.deepEqual(diagnostic.range.start, { line: 24, character: 13 }, 'on the cpu request of the second document');
  });

  it('JSON: scores per node when several nodes were feasible, with the weighted plugin scores', async () => {
    const dir2 = workspace({ 'c.yaml': CLUSTER.replace('spec: {taints: [{key: dedicated, value: db, effect: NoSchedule}]}', 'spec: {}'), 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {cpu: 500m, memory: 1Gi}}}]}\n' });
    const out = JSON.parse((await simulate(['--cluster', 'c.yaml', '--format', 'json', 'p.yaml'], dir2)).stdout);
    const [pod] = out.pods;
    assert.deepEqual(Object.keys(pod.scores), ['n1', 'n2']);
    const n2 = pod.scores.n2;
    assert.equal(n2.plugins.TaintToleration, 300);
    assert.equal(n2.total, Object.values(n2.plugins as Record<string, number>).reduce((a, b) => a + b, 0));
    assert.equal(pod.node, n2.total >= pod.scores.n1.total ? 'n2' : 'n1');
  });

  it('text: identical pending pods of one workload are one entry, led by the cause', async () => {
    const cache = `apiVersion: apps/v1
kind: Deployment
metadata: {name: cache}
spec:
  replicas: 4
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      containers:
      - name: app
        image: redis
        resources:
          requests: {cpu: "64"}
`;
    const run = await simulate(['--cluster', 'cluster.yaml', 'cache.yaml'], workspace({ 'cluster.yaml': CLUSTER, 'cache.yaml': cache }));
    const section = run.stdout.slice(run.stdout.indexOf('PENDING PODS'), run.stdout.indexOf('\n\n', run.stdout.indexOf('PENDING PODS'))).split('\n');
    assert.equal(section.length, 4, section.join('\n'));
    assert.equal(section[0], 'PENDING PODS (4)');
    assert.match(section[1], /^  4 pods of Deployment cache \(default\/cache-\S+, default\/cache-\S+, default\/cache-\S+, …\)$/);
    assert.equal(section[2], '    Asks 64 CPU; the largest node has 8 CPU allocatable - lower the request to at most 8 CPU.', 'a request beyond every node leads, whatever else rejects the nodes');
    assert.match(section[3], /^    0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint\(s\)\./);
    const json = JSON.parse((await simulate(['--cluster', 'cluster.yaml', '--format', 'json', 'cache.yaml'], workspace({ 'cluster.yaml': CLUSTER, 'cache.yaml': cache }))).stdout);
    assert.equal(json.pods[0].lead, section[2].trim().replace(/^A/, 'a').replace(/\.$/, ''), 'JSON carries the same lead, as a field of its own');
    assert.match(json.pods[0].message, /^0\/2 nodes are available: /, 'and the message unchanged');
  });

  it('text: nodes with their pods, then the pending pods and the diagnostics', async () => {
    const run = await simulate(['--cluster', 'cluster.yaml', 'apps'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Cluster: cluster\.yaml \(2 nodes\)$/m);
    assert.match(run.stdout, /^n1 +a +2\/2 \(100%\) +2Gi\/4Gi \(50%\) +2\/110$/m);
    // Each pending pod: the lead sentence (the cause in plain words), then the scheduler's message verbatim.
    assert.match(run.stdout, /^PENDING PODS \(1\)\n  default\/big\n    Untolerated taint dedicated=db:NoSchedule - add a toleration for dedicated=db:NoSchedule; on the other node: asks 4 CPU; every node's CPU is already requested \(largest: n1, 2 CPU allocatable\)\.\n    0\/2 nodes are available: /m);
    assert.match(run.stdout, /^apps\/apps\.yaml:25:14: warning sim\/unschedulable Pod big cannot be scheduled: /m);
  });

  it('.drydock/cluster.yaml is the default profile; without one the embedded cluster is used', async () => {
    const withProfile = workspace({ '.drydock/cluster.yaml': CLUSTER, 'a.yaml': APPS });
    assert.match((await simulate(['a.yaml'], withProfile)).stdout, /^Cluster: \.drydock\/cluster\.yaml \(2 nodes\)/m);
    const without = workspace({ 'a.yaml': APPS });
    assert.match((await simulate(['a.yaml'], without)).stdout, /^Cluster: embedded default cluster \(6 nodes\)/m);
  });

  it('the cluster file is not read twice when it sits among the inputs', async () => {
    const out = JSON.parse((await simulate(['--cluster', 'cluster.yaml', '--format', 'json', '.'], dir)).stdout);
    assert.ok(!out.diagnostics.some((d: { code: string }) => d.code === 'sim/node-in-manifests'));
  });

  it('findings about the profile point into the profile file', async () => {
    const bad = workspace({ 'c.yaml': 'apiVersion: v1\nkind: Node\nmetadata: {name: x}\nstatus:\n  allocatable: {cpu: "4"}\n', 'a.yaml': APPS });
    const out = JSON.parse((await simulate(['--cluster', 'c.yaml', '--format', 'json', 'a.yaml'], bad)).stdout);
    const finding = out.diagnostics.find((d: { code: string }) => d.code === 'sim/node-without-allocatable');
    assert.equal(finding.path, 'c.yaml');
    assert.equal(finding.range.start.line, 4);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no input', [], /no file or directory given/],
    ['a bad format', ['--format', 'xml', 'apps'], /unknown format xml/],
    ['a missing cluster file', ['--cluster', 'nope.yaml', 'apps'], /nope\.yaml: no such file/],
    ['a missing input', ['missing.yaml'], /missing\.yaml: no such file/],
    ['a bad percentage', ['--percentage-of-nodes-to-score', '200', 'apps'], /integer from 0 to 100/],
  ];
  for (const [name, args, stderr] of usage) {
    it(`exits 2 on ${name}`, async () => {
      const run = await simulate(args, dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, stderr);
    });
  }

  it('error-level findings exit 1', async () => {
    const rejected = workspace({ 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {priorityClassName: nope, containers: [{name: c}]}\n' });
    const run = await simulate(['p.yaml'], rejected);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /p\.yaml:4:27: error sim\/admission-rejected /);
  });

  it('the built CLI dispatches `simulate` (dist/cli.js)', async (t) => {
    const run = await runCli(['simulate', '--cluster', join(dir, 'cluster.yaml'), '--format', 'json', join(dir, 'apps')]).catch(() => undefined);
    if (!run || /Cannot find module/.test(run.stderr)) {
      t.skip('dist/cli.js is not built');
      return;
    }
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).pods.length, 3);
  });
});

describe('drydock simulate: the same object in several files (issue #13)', () => {
  const speaker = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: speaker, namespace: metallb-system}
spec:
  selector: {matchLabels: {app: speaker}}
  template:
    metadata: {labels: {app: speaker}}
    spec:
      hostNetwork: true
      tolerations: [{operator: Exists}]
      containers: [{name: speaker, image: "speaker:1", ports: [{containerPort: 7472, hostPort: 7472}]}]
`;
  it('simulates one DaemonSet, as kubectl apply -f <dir> keeps the last copy, with one note', async () => {
    const dir = workspace({ 'native.yaml': speaker, 'frr.yaml': speaker, 'frr-k8s.yaml': speaker });
    const run = await simulate(['--format', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    const speakers = report.pods.filter((p: { namespace: string }) => p.namespace === 'metallb-system');
    assert.equal(speakers.length, report.nodes.length, 'one speaker pod per node, not three');
    assert.deepEqual(speakers.filter((p: { status: string }) => p.status === 'Pending'), []);
    const notes = report.diagnostics.filter((d: { code: string }) => d.code === 'sim/duplicate-object');
    assert.deepEqual(notes.map((d: { path: string; severity: string; message: string }) => [d.path, d.severity, d.message]), [
      ['native.yaml', 'information', 'DaemonSet metallb-system/speaker is also defined in frr-k8s.yaml, frr.yaml: kubectl apply keeps the last one applied, this one, and the dry run simulates it once.'],
    ]);
  });
});
