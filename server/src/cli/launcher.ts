import { join } from 'node:path';
import { requireWithCodeCache } from '../codeCache';
import { CLI_CODE_CACHE, useCliV8Flags } from './v8Flags';

/**
 * `dist/cli.js`: a few lines that set the CLI's V8 flags (v8Flags.ts) and load the CLI's bundle
 * (dist/cliMain.js) through V8's code cache (codeCache.ts), so `drydock check` does not spend its
 * first 100 ms compiling the bundle. The bundle is told which caches go with those flags (its
 * validators are code-cached too).
 */
useCliV8Flags();
(requireWithCodeCache(join(__dirname, 'cliMain.js')) as { runCli(codeCache?: string): void }).runCli(CLI_CODE_CACHE);
