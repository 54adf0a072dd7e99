import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crypto } from './lazyNodeModules';
import { readUtf8FileSync } from './textFiles';

/**
 * Loads a bundled CommonJS file (the CLI's bundle, the compiled schema validators) with V8's code
 * cache: `<file>.v8cache`, written at build time by a run with DRYDOCK_WRITE_CODE_CACHE set, holds the
 * machine code V8 compiled for it, so a run starts without compiling megabytes of JavaScript again.
 * The cache names the SHA-1 of the source it was made from (V8 itself only checks the length): a
 * cache of another source, Node or V8 is not used, and the file is compiled as usual.
 *
 * The build ends each such bundle with a line that names that SHA-1 (scripts/sourceStamp.mjs), read
 * here instead of hashing the source at every start (1.3 MB for the CLI, 1.2 MB of validators: some
 * 10 ms with loading node:crypto). A file without that line is hashed. So a built bundle edited by
 * hand keeps its old cache if its length does not change either: build again (it restamps).
 *
 * V8 also refuses a cache made under other V8 flags. The CLI runs with flags of its own
 * (cli/v8Flags.ts), the server with V8's defaults: a process that sets flags names its caches
 * (`useCodeCacheVariant`), `<file>.<variant>.v8cache`, so both kinds are kept side by side.
 */
const HASH_LENGTH = 40;
/** Keep equal to SOURCE_STAMP in scripts/sourceStamp.mjs (test/unit/codeCache.test.ts checks a built file). */
export const SOURCE_STAMP = '\n//# drydockSourceHash=';
const written: Array<{ cachePath: string; hash: string; script: Script }> = [];

let variant = '';

/** Names the caches this process reads and writes from now on: `<file>.<name>.v8cache` (see above). */
export function useCodeCacheVariant(name: string): void {
  variant = `.${name}`;
}

/** How each file was last loaded: with its cache, with a cache V8 refused, or without one (for tests and benchmarks). */
export const codeCacheUse = new Map<string, 'used' | 'rejected' | 'none'>();

export function requireWithCodeCache(path: string): unknown {
  const source = readUtf8FileSync(path);
  const hash = sourceHash(source);
  const cachePath = `${path}${variant}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    const raw = readFileSync(cachePath);
    if (raw.subarray(0, HASH_LENGTH).toString('latin1') === hash) cachedData = raw.subarray(HASH_LENGTH);
  } catch {
    // no cache: compiled as usual
  }
  // The same wrapper Node gives a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path, cachedData });
  const module = { exports: {} as unknown, filename: path, id: path, loaded: false, children: [], paths: [] };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  module.loaded = true;
  codeCacheUse.set(path, cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used');
  if (process.env.DRYDOCK_WRITE_CODE_CACHE) rememberForCache(cachePath, hash, script);
  return module.exports;
}

function rememberForCache(cachePath: string, hash: string, script: Script): void {
  // After the run: the cache then holds the functions the run compiled too, not only the top level.
  if (written.length === 0) process.on('exit', () => written.forEach(({ cachePath, hash, script }) => writeFileSync(cachePath, Buffer.concat([Buffer.from(hash, 'latin1'), script.createCachedData()]))));
  written.push({ cachePath, hash, script });
}

/** The SHA-1 of the source: as its stamp line names it, else computed. */
export function sourceHash(source: string): string {
  const at = source.length - SOURCE_STAMP.length - HASH_LENGTH - 1;
  if (at >= 0 && source.startsWith(SOURCE_STAMP, at) && source.endsWith('\n')) return source.slice(at + SOURCE_STAMP.length, -1);
  return crypto().createHash('sha1').update(source).digest('hex');
}
