import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stableJson } from '../../../../server/src/simulator/model/stableJson';
import { stableJsonFnv32a } from '../../../../server/src/simulator/model/stableJsonHash';
import { fnv32a } from '../../../../server/src/simulator/workloads/names';

/** The walking hash is the hash of the printed canonical JSON, for every kind of value YAML can give. */
const VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['a number, a float, a negative', [1, 2.5, -3e-7, 0]],
  ['not finite numbers print as null', [Number.NaN, Number.POSITIVE_INFINITY]],
  ['booleans', [true, false]],
  ['a plain string', 'nginx:1.27'],
  ['quotes, backslashes, control characters', 'say "hi"\\ \n\t\u0001'],
  ['non-ASCII and an astral character', '파드 ✓ 😀'],
  ['a lone surrogate (escaped by JSON.stringify)', 'a\ud800b'],
  ['undefined in an array prints null', [undefined, 1]],
  ['undefined members are left out; keys sorted', { b: 1, a: undefined, c: { z: [], y: {} } }],
  ['empty object and array', [{}, []]],
  [
    'a pod template',
    { metadata: { labels: { app: 'web', 'app.kubernetes.io/name': 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'x=y' }] }] } },
  ],
];

for (const [name, value] of VALUES) {
  test(`stableJsonFnv32a = fnv32a(stableJson(·)): ${name}`, () => {
    assert.equal(stableJsonFnv32a(value), fnv32a(stableJson(value)));
  });
}

test('stableJsonFnv32a: key order does not matter, values do', () => {
  assert.equal(stableJsonFnv32a({ a: 1, b: [1, 2] }), stableJsonFnv32a({ b: [1, 2], a: 1 }));
  assert.notEqual(stableJsonFnv32a({ a: 1, b: [1, 2] }), stableJsonFnv32a({ a: 1, b: [2, 1] }));
});
