import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate } from '../../../server/src/language/parse/locate';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import type { FieldPath } from '../../../server/src/simulator/model/source';

const text = [
  'apiVersion: v1', //            0
  'kind: Pod', //                 1
  'metadata:', //                 2
  '  name: web', //               3
  'spec:', //                     4
  '  containers:', //             5
  '  - name: app', //             6
  '    image: nginx', //          7
  '    ports: [{containerPort: 80}]', // 8
].join('\n');

const cases: Array<{ name: string; path: FieldPath; target?: 'key' | 'value'; expect: [number, number, number, number]; depth: number }> = [
  { name: 'scalar value', path: ['metadata', 'name'], expect: [3, 8, 3, 11], depth: 2 },
  { name: 'key of a scalar', path: ['metadata', 'name'], target: 'key', expect: [3, 2, 3, 6], depth: 2 },
  { name: 'multi-line value narrows to its key', path: ['spec', 'containers'], expect: [5, 2, 5, 12], depth: 2 },
  { name: 'sequence item value', path: ['spec', 'containers', 0, 'image'], expect: [7, 11, 7, 16], depth: 4 },
  { name: 'flow mapping inside flow sequence', path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'], expect: [8, 28, 8, 30], depth: 6 },
  { name: 'missing field lands on its parent key', path: ['spec', 'nodeSelector'], expect: [4, 0, 4, 4], depth: 1 },
  { name: 'missing index lands on the sequence key', path: ['spec', 'containers', 3, 'name'], expect: [5, 2, 5, 12], depth: 2 },
];

for (const c of cases) {
  test(`locate: ${c.name}`, () => {
    const doc = parseFile(text).documents[0];
    const found = locate(doc, c.path, c.target);
    assert.deepEqual([found.range.start.line, found.range.start.character, found.range.end.line, found.range.end.character], c.expect);
    assert.equal(found.depth, c.depth);
  });
}
