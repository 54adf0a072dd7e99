import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { importCycles, importGraph } from '../../../../helpers/importCycles';

// RolloutWorld lives in its own file so that rolloutState and podLifecycle do not import one another.
test('controllers/deployment: the rollout simulator imports without a cycle', () => {
  const graph = importGraph(join(__dirname, '..', '..', '..', '..', '..', 'server', 'src', 'simulator', 'controllers', 'deployment'));
  assert.ok(graph.get('rolloutState.ts')?.has('podLifecycle.ts'));
  assert.deepEqual(importCycles(graph).map((cycle) => cycle.join(' → ')), []);
});
