import { useCodeCacheVariant } from '../codeCache';
import { main } from './main';
import { exitWhenFlushed, processIo } from './processIo';

/**
 * Runs the CLI on this process's arguments and streams (the launcher, dist/cli.js, calls it).
 * `codeCache`: the code caches that go with the V8 flags the launcher set (codeCache.ts); none, V8's
 * defaults (the build runs it so to write the caches the language server reads).
 */
export function runCli(codeCache?: string): void {
  if (codeCache !== undefined) useCodeCacheVariant(codeCache);
  void main(process.argv.slice(2), processIo()).then(exitWhenFlushed);
}
