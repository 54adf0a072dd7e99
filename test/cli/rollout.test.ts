import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRollout } from '../../server/src/cli/rollout';
import type { CliIo } from '../../server/src/cli/io';

/** Runs the command against files in `dir`; returns exit code and both streams. */
async function run(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir };
  const code = await runRollout(args, io);
  return { code, stdout, stderr };
}

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
${extra}  template:
    metadata: { labels: { app: web } }
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: { matchLabels: { app: web } }
              topologyKey: kubernetes.io/hostname
      containers: [{ name: web, image: ${image} }]
`;
const node = (name: string) => `apiVersion: v1
kind: Node
metadata: { name: ${name}, labels: { kubernetes.io/hostname: ${name} } }
status: { allocatable: { cpu: "4", memory: 8Gi, pods: "110" } }
`;

describe('drydock rollout', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drydock-rollout-'));
    await mkdir(join(dir, 'old'));
    await mkdir(join(dir, 'new'));
    await writeFile(join(dir, 'old/web.yaml'), deployment('nginx:1.25'));
    await writeFile(join(dir, 'new/web.yaml'), deployment('nginx:1.26'));
    await writeFile(join(dir, 'new-bad.yaml'), deployment('nginx:1.26', '  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }\n'));
    await writeFile(join(dir, 'cluster.yaml'), [node('n1'), node('n2'), node('n3')].join('---\n'));
    await writeFile(join(dir, 'cluster4.yaml'), [node('n1'), node('n2'), node('n3'), node('n4')].join('---\n'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('prints the JSON contract and exits 0 when the rollout completes', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new', '--format', 'json']);
    assert.equal(code, 0);
    const body = JSON.parse(stdout);
    const [d] = body.deployments;
    assert.deepEqual([d.namespace, d.name, d.strategy, d.maxSurge, d.maxUnavailable, d.outcome], ['shop', 'web', 'RollingUpdate', 1, 0, 'complete']);
    assert.deepEqual(d.steps.map((s: { oldReplicas: number; newReplicas: number; available: number; unavailable: number }) => [s.oldReplicas, s.newReplicas, s.available, s.unavailable]), [[3, 1, 3, 1], [2, 2, 3, 1], [1, 3, 3, 1], [0, 3, 3, 0]]);
    for (const step of d.steps) {
      assert.ok(Array.isArray(step.actions) && step.actions.every((a: unknown) => typeof a === 'string'));
      assert.ok(Array.isArray(step.pending));
    }
    assert.equal(stdout.split('\n').filter(Boolean).length, 1, 'one write of one JSON line');
  });

  it('a surge pod that fits nowhere stalls: pending reason, finding with a location, exit 1', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new', '--cluster', 'cluster.yaml', '--format', 'json']);
    assert.equal(code, 1);
    const body = JSON.parse(stdout);
    const [d] = body.deployments;
    assert.equal(d.outcome, 'stalled');
    assert.match(d.steps[0].pending[0], /^shop\/web-\w+-\w{5}: 0\/3 nodes are available: 3 node\(s\) didn't match pod anti-affinity rules/);
    const finding = body.findings.find((f: { code: string }) => f.code === 'sim/rollout-stalled');
    assert.equal(finding.file, join('new', 'web.yaml'));
    assert.ok(finding.line > 1);
  });

  it('JSON: every step lists its pods on the cluster nodes (an added field; the contract keys stay)', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new', '--cluster', 'cluster4.yaml', '--format', 'json']);
    assert.equal(code, 0);
    const [d] = JSON.parse(stdout).deployments;
    assert.equal(d.outcome, 'complete');
    type Pod = { pod: string; node: string | null; isNew: boolean; ready: boolean };
    const summary = d.steps.map((step: { pods: Pod[] }) => step.pods.map((p) => `${p.isNew ? 'new' : 'old'}${p.ready ? '' : ' (not ready)'}`));
    assert.deepEqual(summary, [
      ['old', 'old', 'old', 'new (not ready)'],
      ['old', 'old', 'new', 'new (not ready)'],
      ['old', 'new', 'new', 'new (not ready)'],
      ['new', 'new', 'new'],
    ]);
    for (const step of d.steps as Array<{ pods: Pod[] } & Record<string, unknown>>) {
      for (const key of ['oldReplicas', 'newReplicas', 'available', 'unavailable', 'actions', 'pending', 'step', 'total', 'scheduled', 'becameAvailable', 'replicaSets', 'availableCondition', 'complete', 'rolloutStatus', 'actionDetails']) {
        assert.ok(key in step, `step keeps ${key}`);
      }
      assert.ok(step.pods.every((p) => /^shop\/web-\w+-\w{5}$/.test(p.pod) && ['n1', 'n2', 'n3', 'n4'].includes(p.node ?? '')));
      const newNodes = step.pods.filter((p) => p.isNew).map((p) => p.node);
      assert.equal(new Set(newNodes).size, newNodes.length, 'required anti-affinity: one new pod per node');
    }
    // The surge pod goes to the one node without an old pod; later new pods take the nodes old pods free.
    const first = d.steps[0].pods as Pod[];
    assert.ok(!first.filter((p) => !p.isNew).some((p) => p.node === first[3].node));
  });

  it('JSON: a pod that fits nowhere is listed with node null', async () => {
    const { stdout } = await run(dir, ['--from', 'old', '--to', 'new', '--cluster', 'cluster.yaml', '--format', 'json']);
    const [d] = JSON.parse(stdout).deployments;
    const pods = d.steps.at(-1).pods as Array<{ pod: string; node: string | null; isNew: boolean; ready: boolean }>;
    assert.deepEqual(pods.map((p) => [p.isNew, p.node === null, p.ready]), [[false, false, true], [false, false, true], [false, false, true], [true, true, false]]);
    assert.equal(d.steps.at(-1).pending[0].split(': ')[0], pods[3].pod);
  });

  it('--never-ready stalls at the bound old = R − U', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new', '--never-ready']);
    assert.equal(code, 1);
    assert.match(stdout, /outcome: stalled — the rollout stalls at old 3 \/ new 1 \(available 3 of 3\): the new pods never become ready/);
  });

  it('text output: a step table with the actions in words', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new']);
    assert.equal(code, 0);
    assert.match(stdout, /shop\/web {2}RollingUpdate {2}replicas 3 {2}maxSurge 1 \(25%\) {2}maxUnavailable 0 \(25%\)/);
    assert.match(stdout, /Scaled up replica set web-\w+ to 1 \(reconcileNewReplicaSet/);
    assert.match(stdout, /outcome: complete/);
  });

  it('an invalid new version exits 1 with the validation finding', async () => {
    const { code, stdout } = await run(dir, ['--from', 'old', '--to', 'new-bad.yaml', '--format', 'json']);
    assert.equal(code, 1);
    const body = JSON.parse(stdout);
    assert.equal(body.deployments[0].outcome, 'invalid');
    assert.ok(body.findings.some((f: { code: string }) => f.code === 'sim/deployment-both-zero'));
  });

  const usage: Array<[string, string[]]> = [
    ['missing --to', ['--from', 'old']],
    ['unknown option', ['--from', 'old', '--to', 'new', '--fast']],
    ['unknown format', ['--from', 'old', '--to', 'new', '--format', 'yaml']],
    ['missing file', ['--from', 'old', '--to', 'nowhere.yaml']],
    ['no Deployment in --to', ['--from', 'old', '--to', 'cluster.yaml']],
  ];
  for (const [name, args] of usage) {
    it(`usage or IO problem exits 2: ${name}`, async () => {
      const { code, stderr } = await run(dir, args);
      assert.equal(code, 2);
      assert.match(stderr, /^drydock rollout: /);
    });
  }
});
