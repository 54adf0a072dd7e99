import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchValidation } from './validation';

type Bench = () => Promise<Record<string, number | string>>;

/** `npm run bench`: every benchmark in turn, printed as `name: value` lines. */
async function main(): Promise<void> {
  const benches: Array<[string, () => Promise<Bench | undefined>]> = [
    ['validation', async () => benchValidation],
    ['scheduler', async () => optional('scheduler.ts', 'benchScheduler')],
    ['network', async () => optional('network.ts', 'benchNetwork')],
    ['rollout', async () => optional('rollout.ts', 'benchRollout')],
    ['completion', async () => optional('completion.ts', 'benchCompletion')],
    ['webview', async () => optional('webview.ts', 'benchWebview')],
    ['longSession', async () => optional('longSession.ts', 'benchLongSession')],
  ];
  const only = process.argv.slice(2);
  for (const [name, load] of benches) {
    if (only.length && !only.includes(name)) continue;
    const bench = await load();
    if (!bench) continue;
    const results = await bench();
    for (const [key, value] of Object.entries(results)) console.log(`${key}: ${value}`);
  }
}

async function optional(file: string, exported: string): Promise<Bench | undefined> {
  const path = join(__dirname, file);
  if (!existsSync(path)) return undefined;
  const module = (await import(path)) as Record<string, Bench>;
  return module[exported];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
