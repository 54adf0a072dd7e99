import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { SessionSummary } from './noNetwork/lspSession';

// "Nothing is fetched from the network": the built CLI and a language-server session run with every
// network API of Node replaced by one that records the attempt and throws (noNetwork/blockNetwork.cjs,
// a --require preload, test-only). Every command must work as it does with the network, and no attempt
// may be recorded, not even one the code caught. The self-checks first show the preload does block.

const ROOT = join(__dirname, '..', '..');
const PRELOAD = join(__dirname, 'noNetwork', 'blockNetwork.cjs');
const CLI = join(ROOT, 'dist', 'cli.js');
const BLOCKED = 'ERR_DRYDOCK_NETWORK_BLOCKED';

interface Attempt {
  api: string;
  target: string;
  stack: string[];
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The network calls the preload blocked (none recorded when run without it). */
  attempts: Attempt[];
}

let temp: string;
let runs = 0;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'drydock-offline-'));
});
after(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Runs `node [--require blockNetwork.cjs] ...args` from the repository root; kills it after `timeout`. */
function runNode(args: string[], offline: boolean, timeout = 60_000): Promise<Run> {
  const log = join(temp, `attempts-${++runs}.jsonl`);
  const env: NodeJS.ProcessEnv = { ...process.env, DRYDOCK_NETWORK_LOG: log };
  delete env.NODE_OPTIONS; // nothing else preloaded (a TypeScript loader would open a socket of its own)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(offline ? ['--require', PRELOAD] : []), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const attempts = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Attempt) : [];
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), attempts });
    });
  });
}

const describeAttempts = (attempts: Attempt[]) => attempts.map((a) => `${a.api}(${a.target})\n    ${a.stack.join('\n    ')}`).join('\n');

// ---- self-checks: the preload blocks and records every way out ----

const EVERY_API = `
const results = [];
const net = require('net'), tls = require('tls'), http = require('http'), https = require('https'), http2 = require('http2');
const dns = require('dns'), dgram = require('dgram');
const tries = {
  'net.connect': () => net.connect(443, 'example.com'),
  'net.createConnection': () => net.createConnection({ host: 'example.com', port: 443 }),
  'net.Socket.prototype.connect': () => new net.Socket().connect(443, 'example.com'),
  'tls.connect': () => tls.connect(443, 'example.com'),
  'http.request': () => http.request('http://example.com/'),
  'http.get': () => http.get('http://example.com/'),
  'https.request': () => https.request('https://example.com/'),
  'https.get': () => https.get('https://example.com/'),
  'http2.connect': () => http2.connect('https://example.com'),
  'dgram.createSocket': () => dgram.createSocket('udp4'),
  'dns.lookup': () => dns.lookup('example.com', () => {}),
  'dns.resolve4': () => dns.resolve4('example.com', () => {}),
  'dns.promises.lookup': () => dns.promises.lookup('example.com'),
  'globalThis.fetch': () => fetch('https://example.com/'),
};
(async () => {
  for (const [name, run] of Object.entries(tries)) {
    try {
      await run();
      results.push(name + ': not blocked');
    } catch (error) {
      results.push(name + ': ' + error.code);
    }
  }
  console.log(JSON.stringify(results));
})();
`;

test('offline self-check: the preload blocks and records every network API of Node', async () => {
  const run = await runNode(['-e', EVERY_API], true);
  assert.equal(run.code, 0, run.stderr);
  const results = JSON.parse(run.stdout) as string[];
  const names = results.map((r) => r.split(':')[0]);
  assert.deepEqual(results, names.map((name) => `${name}: ${BLOCKED}`));
  assert.deepEqual(run.attempts.map((a) => a.api), names);
  assert.equal(run.attempts.find((a) => a.api === 'globalThis.fetch')?.target, 'https://example.com/');
});

test('offline self-check: ES module imports of node:net, node:https, node:dns are blocked too', async () => {
  const script = `
import { connect } from 'node:net';
import { request } from 'node:https';
import { lookup } from 'node:dns/promises';
const codes = [];
for (const run of [() => connect(80, 'example.com'), () => request('https://example.com/')]) {
  try { run(); codes.push('not blocked'); } catch (error) { codes.push(error.code); }
}
await lookup('example.com').then(() => codes.push('not blocked'), (error) => codes.push(error.code));
console.log(JSON.stringify(codes));
`;
  const run = await runNode(['--input-type=module', '-e', script], true);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [BLOCKED, BLOCKED, BLOCKED]);
  assert.deepEqual(run.attempts.map((a) => a.api), ['net.connect', 'https.request', 'dns.promises.lookup']);
});

test('offline self-check: an attempt the program swallows is still recorded', async () => {
  const run = await runNode(['-e', "fetch('https://example.com/schemas.json').catch(() => undefined)"], true);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(run.attempts.map((a) => `${a.api} ${a.target}`), ['globalThis.fetch https://example.com/schemas.json']);
});

// ---- the CLI, built, on the bundled examples (the commands of `npm start`) ----

const COMMANDS: string[][] = [
  ['check', 'examples'],
  ['check', '--format', 'json', '--k8s-version', '1.32', 'examples/network'],
  ['simulate', '--cluster', 'examples/cluster.yaml', 'examples/scheduling'],
  ['simulate', '--format', 'json', 'examples/services'],
  ['rollout', '--from', 'examples/rollout/old', '--to', 'examples/rollout/new', '--cluster', 'examples/rollout/cluster.yaml'],
  ['reach', 'examples/network'],
  ['reach', '--query', 'shop/web->shop/api:9090', 'examples/network'],
  ['whatif', '--format', 'json', '--event', 'drain:worker-2b', '--event', 'node-down:worker-1a', 'examples/whatif'],
];

for (const args of COMMANDS) {
  test(`offline: drydock ${args.join(' ')} works without the network and tries no connection`, async () => {
    const [offline, online] = await Promise.all([runNode([CLI, ...args], true), runNode([CLI, ...args], false)]);
    assert.deepEqual(offline.attempts, [], `network attempts:\n${describeAttempts(offline.attempts)}`);
    assert.ok(online.code === 0 || online.code === 1, `the command itself works (exit ${online.code}): ${online.stderr}`);
    assert.equal(offline.code, online.code, offline.stderr);
    assert.equal(offline.stdout, online.stdout);
    assert.equal(offline.stderr, online.stderr);
    assert.ok(offline.stdout.length > 0);
  });
}

// ---- a language-server session (the server in-process, over JSON-RPC: test/helpers/lspClient.ts) ----

test('offline: a language-server session over examples/ (validation, dry run, hover, completion, an edit) tries no connection', { timeout: 120_000 }, async () => {
  // Bundled, so that the child runs without a TypeScript loader (tsx opens a local socket of its own).
  const session = join(temp, 'lspSession.js');
  await build({ entryPoints: [join(__dirname, 'noNetwork', 'lspSession.ts')], outfile: session, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const run = await runNode([session, join(ROOT, 'examples')], true, 100_000);
  assert.deepEqual(run.attempts, [], `network attempts:\n${describeAttempts(run.attempts)}`);
  assert.equal(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as SessionSummary;
  assert.ok(summary.files >= 10, `opened ${summary.files} files`);
  assert.ok(summary.diagnostics > 0, 'the examples have findings on purpose');
  // Every file but the cluster profile (the cluster itself, not manifests), and the workspace once.
  assert.ok(summary.previews >= summary.files, `${summary.previews} dry runs (every manifest file, and the workspace once)`);
  assert.ok(summary.previewNodes >= 6 && summary.previewPods > 0, JSON.stringify(summary));
  assert.ok(summary.hovers > 0 && summary.completions > 0, JSON.stringify(summary));
  assert.ok(summary.diagnosticsAfterEdit.includes('schema/unknown-field'), JSON.stringify(summary.diagnosticsAfterEdit));
});
