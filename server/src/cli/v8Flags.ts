import { setFlagsFromString } from 'node:v8';
import { useCodeCacheVariant } from '../codeCache';

/**
 * The CLI's V8 flags, set by its launcher before the bundle compiles. A `drydock check` is over in a
 * few hundred milliseconds: TurboFan's background compiles of large inlined graphs (the schema walk,
 * inlined into itself, took 90 ms of compiling) compete with the main thread on a small machine and
 * deliver their code when the work is nearly done. A small inlining budget makes each compile
 * short, so optimized code arrives while it still helps: a 2,000-document check on the 2-vCPU
 * reference machine, median 414 -> 375 ms and 367 -> 321 ms (30 and 25 interleaved runs); one
 * document unchanged. The language server, which runs for hours, keeps V8's defaults.
 */
export const CLI_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=100';

/** The name of the code caches made under CLI_V8_FLAGS (codeCache.ts). */
export const CLI_CODE_CACHE = 'cli';

/** Sets the CLI's flags and caches for the rest of the process (its launcher calls it first). */
export function useCliV8Flags(): void {
  setFlagsFromString(CLI_V8_FLAGS);
  useCodeCacheVariant(CLI_CODE_CACHE);
}
