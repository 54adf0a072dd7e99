import { join } from 'node:path';
import { requireWithCodeCache } from '../codeCache';

/**
 * `dist/cli.js`: a few lines that load the CLI's bundle (dist/cliMain.js) through V8's code cache
 * (codeCache.ts), so `drydock check` does not spend its first 100 ms compiling the bundle.
 */
(requireWithCodeCache(join(__dirname, 'cliMain.js')) as { runCli(): void }).runCli();
