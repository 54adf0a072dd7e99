import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseFile } from '../../server/src/language/parse/parseFile';
import { ChunkCache } from '../../server/src/language/parse/chunkCache';
import { generateManifests } from '../../bench/manifestGenerator';

// Regression (found by bench/longSession.ts): every cached parse pinned the whole file text of the
// version it was parsed in (V8 slices are views into their parent), so N edits to N different
// documents of a file kept N full copies of it alive. The full check is `npm run bench -- longSession`.

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('long session: cached parses do not keep old versions of the file alive', () => {
  const documents = 600;
  let text = generateManifests(documents);
  const cache = new ChunkCache();
  let parsed = parseFile(text, cache);
  const lines = text.split('\n');
  const targets = lines.flatMap((line, i) => (line.startsWith('  replicas: ') ? [i] : []));
  const before = heapAfterGc();
  for (let edit = 0; edit < 2 * targets.length; edit++) {
    const target = targets[edit % targets.length];
    lines[target] = `  replicas: ${(edit % 3) + 1}`;
    text = lines.join('\n');
    parsed = parseFile(text, cache);
  }
  const growth = heapAfterGc() - before;
  assert.ok(parsed.documents.length >= documents);
  // One pinned copy per cached document would be targets.length × text.length × 2 bytes (~25 MB here).
  assert.ok(growth < 4 * 1024 * 1024, `heap grew ${(growth / 1024 / 1024).toFixed(1)} MB`);
});
