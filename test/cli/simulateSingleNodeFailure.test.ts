import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runSimulate } from '../../server/src/cli/simulate';
import type { CliIo } from '../../server/src/cli/io';

const WEB = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec: {nodeSelector: {kubernetes.io/hostname: worker-1b}, containers: [{name: web, image: "nginx:1.27"}]}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: spread}',
  'spec:',
  '  replicas: 3',
  '  selector: {matchLabels: {app: spread}}',
  '  template:',
  '    metadata: {labels: {app: spread}}',
  '    spec: {containers: [{name: web, image: "nginx:1.27"}]}',
  '',
].join('\n');

/** `drydock simulate` in process over web.yaml on the embedded default cluster: its exit code and the sim/single-node-failure lines. */
async function simulate(...flags: string[]): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-single-node-'));
  writeFileSync(join(dir, 'web.yaml'), WEB);
  let stdout = '';
  const io: CliIo = { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => assert.fail(t) };
  const code = await runSimulate([...flags, 'web.yaml'], io);
  return { code, lines: stdout.split('\n').filter((line) => line.includes('sim/single-node-failure')) };
}

const cases: Array<{ name: string; flags: string[]; expect: string[] }> = [
  { name: 'without the flag: nothing', flags: [], expect: [] },
  {
    name: '--single-node-failure: the pinned Deployment, on spec.replicas, as the editor reports it',
    flags: ['--single-node-failure'],
    expect: [
      "web.yaml:5:13: warning sim/single-node-failure all 2 ready pods of Deployment web run on worker-1b: if that node fails, web has no ready pod from 50 s after the failure (node-monitor grace period) until worker-1b is back: its replacements stay Pending: 0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.",
    ],
  },
];
for (const c of cases) {
  test(`simulate ${c.flags.join(' ') || '(no flag)'}: ${c.name}`, async () => {
    const { code, lines } = await simulate(...c.flags);
    assert.equal(code, 0, 'a warning does not fail the run');
    assert.deepEqual(lines, c.expect);
  });
}

test('simulate --single-node-failure takes no value', async () => {
  let stderr = '';
  const code = await runSimulate(['--single-node-failure=yes', 'web.yaml'], { cwd: tmpdir(), stdout: () => undefined, stderr: (t) => void (stderr += t) });
  assert.equal(code, 2);
  assert.match(stderr, /--single-node-failure takes no value/);
});
