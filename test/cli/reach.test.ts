import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReach } from '../../server/src/cli/reach';
import type { CliIo } from '../../server/src/cli/io';

async function run(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir };
  const code = await runReach(args, io);
  return { code, stdout, stderr };
}

const manifests = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: db, image: postgres }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: web } } }]
      ports: [{ port: 5432 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: typo, namespace: shop }
spec:
  podSelector: { matchLabels: { app: dbb } }
`;

describe('drydock reach', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drydock-reach-'));
    await writeFile(join(dir, 'shop.yaml'), manifests);
    await writeFile(join(dir, 'bad.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: bad, namespace: shop }\nspec:\n  podSelector: {}\n  ingress: [{ from: [{}] }]\n');
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('--query gives the JSON contract with both directions explained', async () => {
    const { code, stdout } = await run(dir, ['--query', 'shop/web->shop/db:5432/TCP', '--query', 'shop/db->shop/db:1', '--query', '203.0.113.5->shop/db:5432', '--format', 'json', 'shop.yaml']);
    assert.equal(code, 0);
    const { queries, findings } = JSON.parse(stdout);
    assert.deepEqual(Object.keys(queries[0]).slice(0, 6), ['from', 'to', 'port', 'protocol', 'allowed', 'governed']);
    assert.deepEqual([queries[0].from, queries[0].to, queries[0].port, queries[0].protocol, queries[0].allowed], ['shop/web', 'shop/db', 5432, 'TCP', true]);
    assert.deepEqual([queries[0].ingress.isolated, queries[0].ingress.allowedBy, queries[0].egress.isolated, queries[0].egress.allowedBy], [true, ['shop/db ingress[0]'], false, []]);
    assert.deepEqual([queries[1].allowed, queries[1].governed], [true, false]);
    assert.equal(queries[2].allowed, false);
    assert.deepEqual(findings.map((f: { code: string; file: string }) => [f.code, f.file]), [['ref/policy-selects-nothing', 'shop.yaml']]);
  });

  it('without --query: the whole matrix, as JSON', async () => {
    const { code, stdout } = await run(dir, ['--format', 'json', dir]);
    assert.equal(code, 1, 'bad.yaml has an error-level finding');
    const { matrix } = JSON.parse(stdout);
    assert.deepEqual(matrix.endpoints.map((e: { label: string }) => e.label), ['shop/db', 'shop/web', '0.0.0.0-255.255.255.255']);
    assert.deepEqual(matrix.connections[1][0], 'TCP 5432');
  });

  it('without --query: a readable grid as text', async () => {
    const { code, stdout } = await run(dir, ['shop.yaml']);
    assert.equal(code, 0);
    assert.match(stdout, /^from \\ to +\[1\] +\[2\] +\[3\]$/m);
    assert.match(stdout, /^\[2\] shop\/web +TCP 5432 +self +all$/m);
    assert.match(stdout, /shop\.yaml:\d+:\d+: warning ref\/policy-selects-nothing/);
  });

  it('text query output names the policy and rule', async () => {
    const { stdout } = await run(dir, ['--query', 'shop/web->shop/db:80', 'shop.yaml']);
    assert.match(stdout, /shop\/web -> shop\/db TCP\/80: DENIED/);
    assert.match(stdout, /ingress: shop\/db is isolated for Ingress by shop\/db and nothing allows it: shop\/db ingress\[0\] selects shop\/web .* do not include TCP\/80/);
  });

  const usage: Array<[string, string[]]> = [
    ['bad query syntax', ['--query', 'shop/web=>shop/db', 'shop.yaml']],
    ['unknown pod', ['--query', 'shop/nope->shop/db:80', 'shop.yaml']],
    ['no input', ['--query', 'shop/web->shop/db:80']],
    ['missing file', ['nowhere.yaml']],
  ];
  for (const [name, args] of usage) {
    it(`exits 2: ${name}`, async () => {
      const { code, stderr } = await run(dir, args);
      assert.equal(code, 2);
      assert.match(stderr, /^drydock reach: /);
    });
  }
});

describe('drydock reach: the same object in several files (issue #13)', () => {
  it('keeps the last copy, as kubectl apply -f <dir> does, with one note', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drydock-reach-dup-'));
    try {
      const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 1, selector: { matchLabels: { app: web } }, template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: nginx }] } } }\n';
      await writeFile(join(dir, 'a.yaml'), deployment);
      await writeFile(join(dir, 'b.yaml'), deployment);
      const result = await run(dir, ['--format', 'json', '.']);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout);
      const pods = report.matrix.endpoints.filter((e: { kind: string }) => e.kind === 'pods').flatMap((e: { pods: string[] }) => e.pods);
      assert.equal(pods.length, 1, 'one replica, not one per copy');
      const notes = report.findings.filter((f: { code: string }) => f.code === 'sim/duplicate-object');
      assert.deepEqual(notes.map((f: { file: string; severity: string }) => [f.file, f.severity]), [['b.yaml', 'information']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
