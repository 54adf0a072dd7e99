// Runs every test/**/*.test.ts with node's own test runner (TypeScript through tsx).
// Node 20's --test takes no globs, so the files are listed here. Pass folder names to narrow it:
//   node scripts/run-tests.mjs test/unit
// The slow suites that drive a real VS Code (test/e2e: code-server; test/vscode: @vscode/test-electron)
// run only when named (npm run test:e2e / test:vscode), so the default run stays fast.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test'];
const files = [];
const ONLY_WHEN_NAMED = new Set(['test/e2e', 'test/vscode']);
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (ONLY_WHEN_NAMED.has(relative(root, full))) continue; // a named root is walked, not skipped
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(relative(root, full));
  }
}
for (const r of roots) {
  const full = join(root, r);
  if (statSync(full).isDirectory()) walk(full); else files.push(relative(root, full));
}
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Two files at a time at least: Node's default (one per core but one) runs them one by one on a 2-core
// machine, where most of a file's time is waiting (a spawned server, Chromium, tsx starting): 602 -> 439 s.
// A real VS Code's suites keep one at a time: each drives a whole workbench and times what a user waits for.
const drivesVsCode = roots.some((r) => ONLY_WHEN_NAMED.has(relative(root, join(root, r))));
const concurrency = drivesVsCode ? 1 : Math.max(2, availableParallelism() - 1);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
