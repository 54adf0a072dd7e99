import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_STAMP as BUILD_STAMP, stampSource } from '../../scripts/sourceStamp.mjs';
import { codeCacheUse, requireWithCodeCache, SOURCE_STAMP, sourceHash } from '../../server/src/codeCache';

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

test('code cache: a stamped bundle is known by its stamp; restamped after a change, the old cache is not used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-code-cache-'));
  try {
    const file = join(dir, 'm.js');
    writeFileSync(file, "module.exports = { value: 'AAAA' };\n");
    stampSource(file);
    const stamped = readFileSync(file, 'utf8');
    stampSource(file);
    assert.equal(readFileSync(file, 'utf8'), stamped, 'restamping a stamped file changes nothing');
    const body = "module.exports = { value: 'AAAA' };\n";
    assert.equal(sourceHash(stamped), createHash('sha1').update(body).digest('hex'));
    writeCache(file);
    assert.deepEqual((requireWithCodeCache(file) as { value: string }).value, 'AAAA');
    assert.equal(codeCacheUse.get(file), 'used');
    // What the build does to a changed bundle: a new body, stamped again.
    writeFileSync(file, "module.exports = { value: 'BBBB' };\n");
    stampSource(file);
    assert.deepEqual((requireWithCodeCache(file) as { value: string }).value, 'BBBB');
    assert.equal(codeCacheUse.get(file), 'none');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('code cache: the built bundles end with the stamp the loader reads, naming their own SHA-1', () => {
  assert.equal(SOURCE_STAMP, BUILD_STAMP);
  for (const bundle of ['cliMain.js', join('validators', 'k8s-1.36.js')]) {
    const text = readFileSync(join(__dirname, '..', '..', 'dist', bundle), 'utf8');
    const at = text.lastIndexOf(SOURCE_STAMP);
    assert.ok(at > 0, bundle);
    assert.equal(sourceHash(text), createHash('sha1').update(text.slice(0, at)).digest('hex'), bundle);
  }
});

/** How a child process loads the built validators: with the CLI's V8 flags and caches, or with V8's defaults as the server does. */
function builtValidatorsLoad(setup: 'cli' | 'server' | 'cli flags, server caches'): string {
  const validators = join(__dirname, '..', '..', 'dist', 'validators', 'k8s-1.36.js');
  const flags = join(__dirname, '..', '..', 'server', 'src', 'cli', 'v8Flags.ts');
  const prelude = {
    cli: `require(${JSON.stringify(flags)}).useCliV8Flags();`,
    server: '',
    'cli flags, server caches': `require('node:v8').setFlagsFromString(require(${JSON.stringify(flags)}).CLI_V8_FLAGS);`,
  }[setup];
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', `${prelude} const c = require(${JSON.stringify(CODE_CACHE)}); c.requireWithCodeCache(${JSON.stringify(validators)}); process.stdout.write(c.codeCacheUse.get(${JSON.stringify(validators)}));`], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('code cache: the build writes the validators a cache for the CLI (its V8 flags) and one for the server (V8 defaults)', () => {
  assert.equal(builtValidatorsLoad('cli'), 'used');
  assert.equal(builtValidatorsLoad('server'), 'used');
  // Why there are two: under the CLI's flags, V8 refuses the cache made under its defaults.
  assert.equal(builtValidatorsLoad('cli flags, server caches'), 'rejected');
});
