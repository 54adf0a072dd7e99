import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CliIo } from '../../server/src/cli/io';
import { COMMANDS, main } from '../../server/src/cli/main';
import { useLocale } from '../../server/src/l10nFiles';
import { runSimulate } from '../../server/src/cli/simulate';
import { runWhatIf } from '../../server/src/cli/whatif';

async function capture(run: (args: string[], io: CliIo) => Promise<number>, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-whatif-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CLUSTER = ['n1', 'n2', 'n3']
  .map((name) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}, topology.kubernetes.io/zone: z-${name}}}
status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}`)
  .join('\n---\n');

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx, resources: {requests: {cpu: 500m}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
`;

/** The fields each type carries besides `at` and `type` (the contract of issue #19). */
const FIELDS: Record<string, string[]> = {
  NodeNotReady: ['node'],
  NodeCordoned: ['node'],
  NodeReady: ['node'],
  TaintAdded: ['node', 'taint'],
  TaintRemoved: ['node', 'taint'],
  PodNotReady: ['pod'],
  PodReady: ['pod'],
  PodDeleted: ['pod'],
  EndpointRemoved: ['service', 'pod'],
  EndpointAdded: ['service', 'pod'],
  PodEvicted: ['pod', 'reason'],
  EvictionBlocked: ['pod', 'pdb', 'message'],
  PodCreated: ['pod', 'owner'],
  PodScheduled: ['pod', 'node'],
  PodPending: ['pod', 'message'],
  DrainRefused: ['node', 'pod', 'message'],
};

describe('drydock whatif', () => {
  it('is a command of the CLI', () => {
    assert.ok(COMMANDS.whatif);
  });

  it('--format json: {timeline, final}, entries with exactly their fields, final shaped as simulate --format json', async () => {
    const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
    const { code, stdout, stderr } = await capture(runWhatIf, ['--cluster', 'cluster.yaml', '--format', 'json', '--event', 'node-down:n1', '--event', 'node-up:n1@400', 'app.yaml'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as { timeline: Array<Record<string, unknown>>; final: Record<string, unknown> };
    assert.deepEqual(Object.keys(json), ['timeline', 'final']);
    for (const entry of json.timeline) assert.deepEqual(Object.keys(entry), ['at', 'type', ...FIELDS[String(entry.type)]], JSON.stringify(entry));
    const times = json.timeline.map((e) => e.at as number);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    const types = json.timeline.map((e) => `${String(e.at)} ${String(e.type)}`);
    for (const expected of ['50 NodeNotReady', '50 TaintAdded', '50 PodNotReady', '50 EndpointRemoved', '350 PodEvicted', '350 PodCreated', '350 PodScheduled', '350 PodReady', '350 EndpointAdded', '400 NodeReady', '400 PodDeleted']) assert.ok(types.includes(expected), expected);
    assert.ok(json.timeline.some((e) => e.type === 'TaintAdded' && e.taint === 'node.kubernetes.io/unreachable:NoExecute'));
    assert.ok(json.timeline.some((e) => e.type === 'PodEvicted' && e.reason === 'DeletionByTaintManager'));
    assert.ok(json.timeline.some((e) => e.type === 'PodCreated' && /^ReplicaSet default\/web-/.test(String(e.owner))));

    const simulated = JSON.parse((await capture(runSimulate, ['--cluster', 'cluster.yaml', '--format', 'json', 'app.yaml'], dir)).stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json.final), Object.keys(simulated));
    const pods = json.final.pods as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(pods[0]), Object.keys((simulated.pods as Array<Record<string, unknown>>)[0]));
    assert.equal(pods.filter((p) => p.name !== undefined && String(p.name).startsWith('web-')).length, 3);
    const n1 = (json.final.nodes as Array<{ name: string; taints: unknown[] }>).find((n) => n.name === 'n1');
    assert.deepEqual(n1?.taints, []);
  });

  it('a pod evicted from an unreachable node is Terminating in final', async () => {
    const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
    const { stdout } = await capture(runWhatIf, ['--cluster', 'cluster.yaml', '--format', 'json', '--event', 'node-down:n1', 'app.yaml'], dir);
    const json = JSON.parse(stdout) as { timeline: Array<Record<string, unknown>>; final: { pods: Array<Record<string, unknown>> } };
    const evicted = json.timeline.find((e) => e.type === 'PodEvicted')!.pod;
    const pod = json.final.pods.find((p) => `${String(p.namespace)}/${String(p.name)}` === evicted);
    assert.equal(pod?.status, 'Terminating');
    assert.equal(pod?.node, 'n1');
  });

  it('text: +Ns lines, then a verdict per workload and Service', async () => {
    const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
    const { code, stdout } = await capture(runWhatIf, ['--cluster', 'cluster.yaml', '--event', 'node-down:n1', 'app.yaml'], dir);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0], /^What if: node-down n1 at \+0s — cluster cluster\.yaml \(3 nodes\)$/);
    assert.ok(lines.some((l) => /^\+50s {2,}node n1 NotReady — /.test(l)));
    assert.ok(lines.some((l) => /^\+350s {2}pod default\/web-\S+ evicted \(DeletionByTaintManager\)/.test(l)));
    assert.ok(lines.includes('  web: 2/3 ready from +50s to +350s; never below minAvailable 2, needs 2 (PodDisruptionBudget web)'), stdout);
    assert.ok(lines.includes('  service web: 2/3 ready endpoints from +50s to +350s; never without a ready endpoint'), stdout);
  });

  it('--until stops the timeline', async () => {
    const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
    const { stdout } = await capture(runWhatIf, ['--cluster', 'cluster.yaml', '--format', 'json', '--until', '100', '--event', 'node-down:n1', 'app.yaml'], dir);
    const json = JSON.parse(stdout) as { timeline: Array<{ at: number }> };
    assert.ok(json.timeline.length > 0);
    assert.ok(json.timeline.every((e) => e.at <= 100));
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no event', ['app.yaml'], /no --event given/],
    ['a bad event', ['--event', 'explode:n1', 'app.yaml'], /the kind must be one of/],
    ['node-up without a time', ['--event', 'node-up:n1', 'app.yaml'], /node-up needs a time/],
    ['an unknown node', ['--event', 'drain:nope', 'app.yaml'], /no node nope in the cluster/],
    ['a bad --until', ['--until', 'soon', '--event', 'drain:n1', 'app.yaml'], /--until takes whole seconds/],
    ['a bad format', ['--format', 'yaml', '--event', 'drain:n1', 'app.yaml'], /unknown format yaml/],
    ['no input', ['--event', 'drain:n1'], /no file or directory given/],
  ];
  for (const [name, args, message] of usage) {
    it(`exit 2 on ${name}`, async () => {
      const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
      const { code, stderr } = await capture(runWhatIf, ['--cluster', 'cluster.yaml', ...args], dir);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /usage: drydock whatif \[--cluster FILE\] \[--format text\|json\] \[--until SECONDS\] --event EVENT\.\.\./);
    });
  }
});

describe('drydock whatif in Korean', () => {
  // The event's own text and the KIND:NODE syntax stay as typed; the sentence around them is translated.
  const cases: Array<[string, RegExp]> = [
    ['explode:n1', /^drydock whatif: 이벤트 "explode:n1": 종류는 node-down, node-up, cordon, drain 중 하나여야 합니다/m],
    ['drain:', /^drydock whatif: 이벤트 "drain:"에 노드 이름이 없습니다 \(drain:NODE\[@SECONDS\]\)/m],
    ['node-up:n1', /^drydock whatif: 이벤트 "node-up:n1": node-up에는 시간이 필요합니다/m],
    ['drain:n1@soon', /^drydock whatif: 이벤트 "drain:n1@soon": 시간은 정수 초여야 합니다 \(예: drain:n1@60\)/m],
  ];
  for (const [event, message] of cases) {
    it(`says why ${event} is not an event`, async () => {
      const dir = workspace({ 'cluster.yaml': CLUSTER, 'app.yaml': APP });
      try {
        const { code, stderr } = await capture((args, io) => main(['--lang', 'ko', 'whatif', ...args], io), ['--cluster', 'cluster.yaml', '--event', event, 'app.yaml'], dir);
        assert.equal(code, 2);
        assert.match(stderr, message);
      } finally {
        useLocale('en');
      }
    });
  }
});

describe('examples/whatif/README.md', () => {
  const root = join(__dirname, '..', '..');
  const readme = readFileSync(join(root, 'examples', 'whatif', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\ndrydock (whatif [^\n]+)\n```\n\n```text\n([\s\S]*?)```/g)];
  it('has its examples', () => assert.equal(blocks.length, 3));
  for (const [, command, expected] of blocks) {
    it(`prints what it shows for ${command}`, async () => {
      const { code, stdout } = await capture(runWhatIf, command.split(' ').slice(1), root);
      assert.equal(code, 0);
      assert.equal(stdout, expected);
    });
  }
});
