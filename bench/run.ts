import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchCliCheck } from './cliCheck';
import { benchCompletion } from './completion';
import { benchLongSession } from './longSession';
import { benchLspStdio } from './lspStdio';
import { benchNetwork } from './network';
import { benchRender } from './render';
import { benchRollout } from './rollout';
import { benchScheduler } from './scheduler';
import { benchStorage } from './storage';
import { benchValidation } from './validation';
import { benchWhatIf } from './whatif';

type Bench = () => Promise<Record<string, number | string>>;

/**
 * `npm run bench [-- name...]`: every benchmark in turn, printed as `name: value` lines. This file is
 * bundled with esbuild (scripts/bench.mjs), as the server and CLI are, so the figures are those of the
 * shipped code; the webview benchmark drives Chromium and runs from sources, in a child process.
 */
const BENCHES: Array<[string, Bench | 'child']> = [
  ['validation', benchValidation],
  ['scheduler', benchScheduler],
  ['storage', benchStorage],
  ['network', benchNetwork],
  ['rollout', benchRollout],
  ['completion', benchCompletion],
  ['lspStdio', benchLspStdio],
  ['cliCheck', benchCliCheck],
  ['webview', 'child'],
  ['longSession', benchLongSession],
  ['render', benchRender],
  ['whatif', benchWhatIf],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !BENCHES.some(([known]) => known === name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map(([name]) => name).join(', ')}`);
  for (const [name, bench] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    if (bench === 'child') {
      // Run from the repository root (npm run bench does).
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'bench', `${name}Main.ts`)], { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`benchmark ${name} failed (exit ${child.status})`);
      continue;
    }
    const results = await bench();
    for (const [key, value] of Object.entries(results)) console.log(`${key}: ${value}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
