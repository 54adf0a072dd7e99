import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateValue } from '../../../../server/src/language/crd/cel/evaluate';
import { parseRule } from '../../../../server/src/language/crd/cel/parser';
import { fromJson, int, OPAQUE, type CelValue } from '../../../../server/src/language/crd/cel/values';
import { POLICY_VARIABLES } from '../../../../server/src/language/rules/workspace/policy/policyEvaluation';

/** The CEL subset's additions for admission policies: named variables, untyped values, `filter` and `map`. */
const bindings = new Map<string, CelValue>([
  ['object', fromJson({ metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 3, ratio: 0.5, template: { spec: { containers: [{ name: 'a', image: 'example.com/a:1' }, { name: 'b', image: 'docker.io/b:1' }] } } } })],
  ['oldObject', null],
  ['params', fromJson({ maxReplicas: 5 })],
  ['namespaceObject', OPAQUE],
  ['request', fromJson({ operation: 'CREATE', namespace: 'prod' })],
  ['variables', { t: 'map', entries: new Map<string, CelValue>([['count', int(2)]]) }],
]);

/** [expression, expected value as JSON-ish (undefined: not evaluated)] */
const cases: Array<[string, unknown]> = [
  ['object.spec.replicas <= params.maxReplicas', true],
  ['object.spec.replicas > 5', false],
  ["'replicas must be no greater than ' + string(params.maxReplicas)", 'replicas must be no greater than 5'],
  ['oldObject == null', true],
  ['has(object.spec.replicas) && !has(object.spec.paused)', true],
  ["object.metadata.labels['app'] == 'web'", true],
  ["'app' in object.metadata.labels", true],
  ["request.operation == 'CREATE' && request.namespace == 'prod'", true],
  ['variables.count == 2', true],
  ["object.spec.template.spec.containers.filter(c, c.image.startsWith('example.com/')).size() == 1", true],
  ['object.spec.template.spec.containers.map(c, c.name) == ["a", "b"]', true],
  ['object.metadata.labels.map(k, k) == ["app"]', true],
  ['object.spec.ratio == 0.5', true],
  // errors and unknowns are not evaluated, never guessed
  ['object.spec.paused', undefined], // no such key
  ['namespaceObject.metadata.name == "prod"', undefined], // a namespace no manifest defines
  ['oldObject.spec.replicas == 1', undefined],
  ['object.spec.ratio == 1', undefined], // double against int
  ['object.spec.template.spec.containers.filter(c, c.name)', undefined], // filter on a non-bool
  ['authorizer.requestResource.check("get").allowed()', undefined], // not in the subset
  ['self == 1', undefined], // no `self` in a policy
  ['object.spec.template.spec.containers.filter(object, true).size() == 2', undefined], // shadows a variable
];

test('cel for policies: expressions over object, params, request and variables', () => {
  for (const [expression, expected] of cases) {
    const expr = parseRule(expression, POLICY_VARIABLES);
    const value = expr && evaluateValue(expr, bindings).value;
    assert.deepEqual(plain(value), expected, expression);
  }
});

test('cel for policies: CRD rules keep `self` alone', () => {
  assert.equal(parseRule('object.spec.replicas > 1'), undefined);
  assert.ok(parseRule('self.filter(x, x > 1).size() == 1'));
});

test('cel for policies: untyped values', () => {
  assert.deepEqual(fromJson({ a: [1, 1.5, 'x', true, null] }), { t: 'map', entries: new Map([['a', { t: 'list', items: [int(1), { t: 'double', v: 1.5 }, 'x', true, null] }]]) });
  assert.deepEqual(fromJson(2 ** 60), OPAQUE);
});

function plain(value: CelValue | undefined): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (value.t === 'int' || value.t === 'double') return value.v;
  if (value.t === 'list') return value.items.map(plain);
  return value;
}
