// `npm start`: runs the CLI on the bundled examples, one section per feature. The examples show
// problems on purpose (a pod that fits nowhere, a rollout that stalls), so exit code 1 ("findings")
// is expected here; only a usage or IO failure (2) or a crash fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;
const schedulingCluster = existsSync(`${root}examples/cluster.yaml`) ? ['--cluster', 'examples/cluster.yaml'] : [];

const sections = [
  ['Validation: every manifest of examples/ against the Kubernetes 1.36 schemas', ['check', 'examples']],
  ['Scheduling: where each pod of examples/scheduling lands, and why the others cannot', ['simulate', ...schedulingCluster, 'examples/scheduling']],
  ['Services: endpoints per port', ['simulate', 'examples/services']],
  ['Rollout: examples/rollout/old → new, step by step, on examples/rollout/cluster.yaml', ['rollout', '--from', 'examples/rollout/old', '--to', 'examples/rollout/new', '--cluster', 'examples/rollout/cluster.yaml']],
  ['Network policies: who can reach whom in examples/network', ['reach', 'examples/network']],
  ['Network policies: one connection, explained', ['reach', '--query', 'shop/web->shop/api:9090', 'examples/network']],
  ['What if: node worker-2a fails (examples/whatif): NotReady, taints, evictions, replacements, verdicts', ['whatif', '--event', 'node-down:worker-2a', 'examples/whatif']],
];

let failed = false;
for (const [title, args] of sections) {
  process.stdout.write(`\n━━ ${title}\n$ drydock ${args.join(' ')}\n\n`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) {
    failed = true;
    process.stdout.write(`(exited with ${run.status ?? run.signal})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
