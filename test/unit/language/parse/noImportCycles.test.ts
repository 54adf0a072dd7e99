import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { importCycles, importGraph } from '../../../helpers/importCycles';

// ParsedDocument lives in its own file so that the dispatcher (parseChunk) and the parsers it
// calls (fastDocument, slowParse) do not import one another back.
test('language/parse: the parsers import one another without a cycle', () => {
  const graph = importGraph(join(__dirname, '..', '..', '..', '..', 'server', 'src', 'language', 'parse'));
  assert.ok(graph.get('parseChunk.ts')?.has('slowParse.ts'));
  assert.deepEqual(importCycles(graph).map((cycle) => cycle.join(' → ')), []);
});
