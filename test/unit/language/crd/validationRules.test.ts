import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApiToJsonSchema } from '../../../../server/src/language/crd/openApiToJsonSchema';
import { resolveFieldPath, validationRuleProblems } from '../../../../server/src/language/crd/validationRules';

const rules = (...list: Array<Record<string, string>>) => ({ 'x-kubernetes-validations': list });

/** The kubectl-validate fixture: a positive integer. */
const fixture = openApiToJsonSchema({ type: 'object', properties: { value: { type: 'integer', ...rules({ rule: 'self > 0', message: 'Must be positive non-zero' }) } } });

const schema = openApiToJsonSchema({
  type: 'object',
  ...rules({ rule: 'self.spec.replicas <= 10 || self.kind == "Big"', message: 'too many replicas' }),
  properties: {
    spec: {
      type: 'object',
      ...rules({ rule: 'self.min <= self.max', fieldPath: '.max' }, { rule: '!has(self.mode) || self.mode != "off"', reason: 'FieldValueForbidden', message: 'mode off is gone' }),
      properties: {
        replicas: { type: 'integer' },
        min: { type: 'integer' },
        max: { type: 'integer' },
        mode: { type: 'string' },
        ports: {
          type: 'array',
          items: { type: 'object', ...rules({ rule: 'self.port >= 1024' }), properties: { port: { type: 'integer' }, name: { type: 'string' } } },
        },
        labels: { type: 'object', additionalProperties: { type: 'string', ...rules({ rule: 'size(self) <= 3', message: 'short values only' }) } },
      },
    },
  },
});

const summary = (s: typeof schema, value: unknown) => validationRuleProblems(s, value).map((p) => `${p.path.join('.')}: ${p.finding.message}`);

test('validation rules: the kubectl-validate fixture (self > 0 on an integer)', () => {
  const problems = validationRuleProblems(fixture, { apiVersion: 'x/v1', kind: 'K', value: -3 });
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0].path, ['value']);
  assert.equal(problems[0].target, 'value');
  assert.equal(problems[0].finding.severity, 'error');
  assert.equal(problems[0].finding.code, 'crd/validation-rule');
  assert.equal(problems[0].finding.message, 'Invalid value: -3: Must be positive non-zero');
  assert.deepEqual(validationRuleProblems(fixture, { value: 3 }), []);
  assert.deepEqual(validationRuleProblems(fixture, {}), [], 'a rule is evaluated only where its value is present');
  assert.deepEqual(validationRuleProblems(fixture, { value: 'abc' }), [], 'a mistyped value is the schema’s problem, not the rule’s');
});

test('validation rules: transition rules and rules outside the subset are skipped', () => {
  const transition = openApiToJsonSchema({ type: 'object', properties: { value: { type: 'integer', ...rules({ rule: 'self >= oldSelf', message: 'cannot decrease' }) } } });
  assert.deepEqual(validationRuleProblems(transition, { value: -3 }), []);
  const unsupported = openApiToJsonSchema({ type: 'object', properties: { name: { type: 'string', ...rules({ rule: 'self.lowerAscii() == self' }) } } });
  assert.deepEqual(validationRuleProblems(unsupported, { name: 'ABC' }), []);
  const erroring = openApiToJsonSchema({ type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'integer' } }, ...rules({ rule: 'self.a > 0' }) } } });
  assert.deepEqual(validationRuleProblems(erroring, { spec: {} }), [], 'no such key → skipped');
});

test('validation rules: on the root, nested objects, list items and map values', () => {
  const good = { apiVersion: 'x/v1', kind: 'Small', spec: { replicas: 3, min: 1, max: 2, mode: 'on', ports: [{ port: 8080 }], labels: { a: 'abc' } } };
  assert.deepEqual(summary(schema, good), []);
  const bad = { apiVersion: 'x/v1', kind: 'Small', spec: { replicas: 30, min: 5, max: 2, mode: 'off', ports: [{ port: 8080 }, { port: 80, name: 'http' }], labels: { a: 'abcd', b: 'ok' } } };
  assert.deepEqual(summary(schema, bad), [
    ': Invalid value: "object": too many replicas',
    'spec.max: Invalid value: "object": failed rule: self.min <= self.max',
    'spec: Forbidden: mode off is gone',
    'spec.ports.1: Invalid value: "object": failed rule: self.port >= 1024',
    'spec.labels.a: Invalid value: "abcd": short values only',
  ]);
  assert.deepEqual(summary(schema, { ...bad, kind: 'Big', spec: { ...bad.spec, replicas: 30 } }).length, 4, '|| passes when its other side is true');
});

test('validation rules: fieldPath is relative to the rule’s node and used only when it resolves', () => {
  const value = { max: 1, labels: { 'app.io/name': 'x' }, list: [{ a: 1 }] };
  assert.deepEqual(resolveFieldPath('.max', value), ['max']);
  assert.deepEqual(resolveFieldPath(".labels['app.io/name']", value), ['labels', 'app.io/name']);
  assert.equal(resolveFieldPath('.missing', value), undefined);
  assert.equal(resolveFieldPath('.list[0]', value), undefined);
  assert.equal(resolveFieldPath('max', value), undefined);
});

test('validation rules: a hostile CRD cannot hang validation', () => {
  const items = Array.from({ length: 300 }, (_, i) => i);
  const heavy = openApiToJsonSchema({
    type: 'object',
    properties: { list: { type: 'array', items: { type: 'integer' }, ...rules({ rule: 'self.all(x, self.all(y, self.all(z, x + y + z >= 0)))' }) } },
  });
  const started = performance.now();
  assert.deepEqual(validationRuleProblems(heavy, { list: items }), [], 'over budget → skipped');
  assert.ok(performance.now() - started < 2000);
});

test('validation rules: one cost budget is shared by all the evaluations of a resource', () => {
  const items = Array.from({ length: 2000 }, () => Array.from({ length: 100 }, (_, i) => i));
  const perItem = openApiToJsonSchema({
    type: 'object',
    properties: { rows: { type: 'array', items: { type: 'array', items: { type: 'integer' }, ...rules({ rule: 'self.all(x, self.all(y, x + y >= 0)) && false' }) } } },
  });
  const problems = validationRuleProblems(perItem, { rows: items });
  assert.ok(problems.length > 0 && problems.length < 2000, `${problems.length}: the first rows are reported, the rest skipped once the budget is spent`);
});
