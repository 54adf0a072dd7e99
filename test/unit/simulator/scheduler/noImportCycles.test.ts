import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { importCycles, importGraph, type ImportGraph } from '../../../helpers/importCycles';

/**
 * The scheduler's files import one another without a cycle: cache/ (the snapshot) knows nothing
 * of the plugins or the runtime, plugins/ see the snapshot through types.ts, runtime/ composes them
 * and explain/ reads what the runtime decided. A cycle is how the old flat folder tangled 26 files.
 */
const SCHEDULER = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'simulator', 'scheduler');

describe('scheduler imports', () => {
  const graph = importGraph(SCHEDULER);

  it('are read from every file, type-only imports included', () => {
    assert.ok(graph.size >= 40, `only ${graph.size} files found under ${SCHEDULER}`);
    assert.ok(graph.get('runtime/scheduleOne.ts')?.has('runtime/framework.ts'));
    assert.ok(graph.get('runtime/framework.ts')?.has('runtime/schedulerState.ts'), 'an `import type` is an edge');
    assert.ok(graph.get('index.ts')?.has('runtime/placement.ts'), 'an `export … from` is an edge');
  });

  it('form no cycle', () => {
    const cycles = importCycles(graph);
    assert.deepEqual(cycles.map((cycle) => cycle.join(' → ')), []);
  });

  it('the checker finds a cycle when there is one', () => {
    const tangled: ImportGraph = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts'])],
      ['d.ts', new Set(['a.ts', 'd.ts'])],
    ]);
    assert.deepEqual(importCycles(tangled), [['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['d.ts', 'd.ts']]);
  });
});
