import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateInValues } from '../../../server/src/language/render/valuesSourceMap';
import { valuesYaml } from './helmCreateValues';

const cases: Array<{ name: string; values: string; path: string[]; expect: { range: [number, number, number, number]; depth: number } | undefined }> = [
  { name: 'a top-level entry', values: valuesYaml, path: ['replicaCount'], expect: { range: [5, 0, 5, 12], depth: 1 } },
  { name: 'a nested entry', values: valuesYaml, path: ['image', 'tag'], expect: { range: [13, 2, 13, 5], depth: 2 } },
  { name: 'an entry with a value on another line', values: valuesYaml, path: ['service', 'port'], expect: { range: [56, 2, 56, 6], depth: 2 } },
  { name: 'a missing entry lands on its parent key', values: valuesYaml, path: ['resources', 'limits', 'cpu'], expect: { range: [113, 0, 113, 9], depth: 1 } },
  { name: 'sequence indices as digits', values: valuesYaml, path: ['ingress', 'hosts', '0', 'paths', '0', 'pathType'], expect: { range: [69, 10, 69, 18], depth: 6 } },
  { name: 'a sequence item itself', values: valuesYaml, path: ['httpRoute', 'hostnames', '0'], expect: { range: [90, 4, 90, 23], depth: 3 } },
  { name: 'an index past the sequence lands on its key', values: valuesYaml, path: ['httpRoute', 'rules', '4', 'matches'], expect: { range: [92, 2, 92, 7], depth: 2 } },
  { name: 'a first segment not in the file', values: valuesYaml, path: ['sidecars', 'image'], expect: undefined },
  { name: 'an empty path', values: valuesYaml, path: [], expect: undefined },
  { name: 'a values file of comments only', values: '# nothing yet\n', path: ['replicaCount'], expect: undefined },
  { name: 'a document marker shifts no line', values: '---\na: 1\nb:\n  c: 2\n', path: ['b', 'c'], expect: { range: [3, 2, 3, 3], depth: 2 } },
  { name: 'a digit key of a mapping', values: 'codes:\n  404: missing\n', path: ['codes', '404'], expect: { range: [1, 2, 1, 5], depth: 2 } },
];

for (const c of cases) {
  test(`locateInValues: ${c.name}`, () => {
    const found = locateInValues(c.values, c.path);
    const actual = found && { range: [found.range.start.line, found.range.start.character, found.range.end.line, found.range.end.character], depth: found.depth };
    assert.deepEqual(actual, c.expect);
  });
}
