import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheUse, requireWithCodeCache } from '../../server/src/codeCache';

const CODE_CACHE = join(__dirname, '..', '..', 'server', 'src', 'codeCache.ts');

/** Loads `file` in a child process with DRYDOCK_WRITE_CODE_CACHE set: the cache is written at its exit. */
function writeCache(file: string): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', `require(${JSON.stringify(CODE_CACHE)}).requireWithCodeCache(${JSON.stringify(file)})`], {
    env: { ...process.env, DRYDOCK_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
}

test('code cache: a module loads with its cache; a changed source of the same length ignores the old cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-code-cache-'));
  try {
    const file = join(dir, 'm.js');
    writeFileSync(file, "module.exports = { value: 'AAAA', twice: (x) => x * 2, dir: __dirname };\n");
    writeCache(file);
    assert.ok(existsSync(`${file}.v8cache`));
    const loaded = requireWithCodeCache(file) as { value: string; twice(x: number): number; dir: string };
    assert.deepEqual([loaded.value, loaded.twice(21), loaded.dir], ['AAAA', 42, dir]);
    assert.equal(codeCacheUse.get(file), 'used');
    // Same length, other content: V8 alone would take the old code; the source's hash says no.
    writeFileSync(file, "module.exports = { value: 'BBBB', twice: (x) => x * 3, dir: __dirname };\n");
    const changed = requireWithCodeCache(file) as { value: string; twice(x: number): number };
    assert.deepEqual([changed.value, changed.twice(21)], ['BBBB', 63]);
    assert.equal(codeCacheUse.get(file), 'none');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
