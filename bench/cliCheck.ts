import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusManifests } from './corpusManifests';
import { generateManifests } from './manifestGenerator';
import { percentile } from './stats';

/**
 * What `drydock check` costs a user: wall time of the built CLI (`dist/cli.js`, as `drydock` runs it)
 * from spawn to exit, Node's start included, on the generated 2,000-document file, on 2,000 real
 * manifests from the reference corpus when it is beside the repository (corpusManifests.ts: richer
 * documents, custom resources, policies, a few YAML errors), and on a one-document file, beside
 * `node -e 0` (Node alone). They run interleaved, round after round, so that the
 * machine's drift (up to 1.7x within an hour here) touches them alike. Node 20 parses the certificates
 * of `NODE_EXTRA_CA_CERTS` before any JavaScript runs (40–90 ms in this sandbox): it is left out of the
 * children's environment, so the figures are Node's and Drydock's own.
 */
const ROUNDS = Number(process.env.DRYDOCK_BENCH_CLI_ROUNDS ?? 21);

export async function benchCliCheck(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-bench-cli-'));
  try {
    const big = join(dir, 'generated-2000.yaml');
    const one = join(dir, 'one.yaml');
    writeFileSync(big, generateManifests(2_000));
    writeFileSync(one, generateManifests(1));
    const real = corpusManifests(2_000);
    const realFile = join(dir, 'corpus-2000.yaml');
    if (real !== undefined) writeFileSync(realFile, real);
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: undefined, LC_ALL: 'C' };
    const commands: Array<[string, string[]]> = [
      ['cli check 2000 docs', [cli, 'check', big]],
      ...(real !== undefined ? [['cli check 2000 real docs', [cli, 'check', realFile]] as [string, string[]]] : []),
      ['cli check 1 doc', [cli, 'check', one]],
      ['node -e 0', ['-e', '0']],
    ];
    const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, args] of commands) {
        const start = performance.now();
        const run = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
        const elapsed = performance.now() - start;
        if (run.status !== 0 && run.status !== 1) throw new Error(`${name}: exit ${run.status}`);
        times.get(name)?.push(elapsed);
      }
    }
    const results: Record<string, number | string> = {};
    for (const [name, values] of times) {
      const at = (p: number) => Math.round(percentile(values, p));
      results[`${name} wall ms, median of ${ROUNDS}`] = at(0.5);
      results[`${name} wall ms, min / quartiles / max`] = `${at(0)} / ${at(0.25)}–${at(0.75)} / ${at(1)}`;
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
