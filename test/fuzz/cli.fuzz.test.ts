import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from '../helpers/runCli';
import { fileArb, fuzzParameters } from './fuzzConfig';

// The built CLI on random and mutated manifests: it exits 0 or 1 (findings), never 2 with an
// internal error, and never hangs. Each run spawns processes, so the default is a handful of runs.

test('fuzz: the CLI (check, simulate, reach, rollout) survives random and mutated manifests', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-fuzz-'));
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fileArb, fc.constantFrom('check', 'simulate', 'reach', 'rollout'), async (text, command) => {
      const file = join(dir, `run-${++run}.yaml`);
      writeFileSync(file, text);
      const args = command === 'rollout' ? [command, '--from', file, '--to', file] : [command, file];
      const result = await runCli(args);
      assert.doesNotMatch(result.stderr, /internal error|at .*\.js:\d+/, `${command} ${file}\n${result.stderr}`);
      assert.ok(result.code === 0 || result.code === 1 || (command === 'rollout' && result.code === 2), `${command} exited ${result.code}: ${result.stderr}`);
    }),
    fuzzParameters(6),
  );
});
