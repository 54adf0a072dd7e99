// `npm run bench`: bundles bench/run.ts with esbuild the way scripts/build.mjs bundles the server and
// the CLI (dependencies stay in node_modules), then runs it with the arguments given.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'dist', 'bench', 'run.js');
await build({
  entryPoints: [join(root, 'bench', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exitCode = run.status ?? 1;
