import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../../server/src/language/crd/cel/evaluate';
import { parseRule } from '../../../../server/src/language/crd/cel/parser';
import { compileRe2 } from '../../../../server/src/language/crd/cel/regex';
import { toCel } from '../../../../server/src/language/crd/cel/values';
import type { JsonSchema } from '../../../../server/src/language/schema/schemaBundle';

const integer: JsonSchema = { type: 'integer' };
const number: JsonSchema = { type: 'number' };
const string: JsonSchema = { type: 'string' };
const strings: JsonSchema = { type: 'array', items: string };
const ints: JsonSchema = { type: 'array', items: integer };
const labels: JsonSchema = { type: 'object', additionalProperties: string };
const object: JsonSchema = { type: 'object', properties: { a: integer, b: string, min: integer, max: integer, tags: strings, nested: { type: 'object', properties: { c: integer } } } };

/** [rule, self, schema of self, expected: true | false | undefined (skipped)] */
type Case = [string, unknown, JsonSchema, boolean | undefined];

const run = (rule: string, self: unknown, schema: JsonSchema): boolean | undefined => {
  const expr = parseRule(rule);
  return expr && evaluate(expr, toCel(self, schema));
};

const table = (name: string, cases: Case[]): void => {
  test(`cel: ${name}`, () => {
    for (const [rule, self, schema, expected] of cases) assert.equal(run(rule, self, schema), expected, `${rule} with self = ${JSON.stringify(self)}`);
  });
};

table('literals', [
  ['true', 1, integer, true],
  ['false', 1, integer, false],
  ['1 == 1', 1, integer, true],
  ['0x10 == 16', 1, integer, true],
  ['1.5 == 1.5', 1, integer, true],
  ['1e3 == 1000.0', 1, integer, true],
  ['.5 == 0.5', 1, integer, true],
  ['"a\\tb" == \'a\\x09b\'', 1, integer, true],
  ['"\\u00e9" == "é"', 1, integer, true],
  ['"\\101" == "A"', 1, integer, true],
  ["r'a\\n' == 'a\\\\n'", 1, integer, true],
  ['null == null', 1, integer, true],
  ['[1, 2, 3] == [1, 2, 3]', 1, integer, true],
  ['[1, 2] == [1, 2, 3]', 1, integer, false],
  ['[] == []', 1, integer, true],
]);

table('self, field selection, index and has', [
  ['self.a == 1', { a: 1 }, object, true],
  ['self.nested.c == 2', { nested: { c: 2 } }, object, true],
  ['self.tags[1] == "y"', { tags: ['x', 'y'] }, object, true],
  ['self.tags[2] == "y"', { tags: ['x', 'y'] }, object, undefined],
  ["self['app'] == 'web'", { app: 'web' }, labels, true],
  ['self.app == "web"', { app: 'web' }, labels, true],
  ['has(self.a)', { a: 1 }, object, true],
  ['has(self.a)', { b: 'x' }, object, false],
  ['!has(self.a) || self.a > 0', { b: 'x' }, object, true],
  ['has(self.app)', { team: 'x' }, labels, false],
  ['self.a == 1', { b: 'x' }, object, undefined], // no such key
  ['self.undeclared == 1', { a: 1 }, object, undefined],
  ["self['a'] == 1", { a: 1 }, object, undefined], // index on an object type
]);

table('arithmetic (int and double are distinct)', [
  ['self + 2 == 5', 3, integer, true],
  ['self - 5 == -2', 3, integer, true],
  ['self * 3 == 9', 3, integer, true],
  ['self / 2 == 1', 3, integer, true],
  ['-7 / 2 == -3', 3, integer, true],
  ['-7 % 3 == -1', 3, integer, true],
  ['self / 0 == 1', 3, integer, undefined],
  ['self % 0 == 1', 3, integer, undefined],
  ['self * 9007199254740991 > 0', 3, integer, undefined], // beyond exact integers: skipped
  ['self / 2.0 == 1.5', 3, number, true],
  ['self + 1.0 == 4.0', 3, number, true],
  ['self % 2.0 == 1.0', 3, number, undefined],
  ['self + 1 == 4', 3, number, undefined], // double + int: no overload
  ['-self == -3', 3, integer, true],
  ['"ab" + "c" == "abc"', 1, integer, true],
  ['[1] + [2] == [1, 2]', 1, integer, true],
]);

table('comparisons', [
  ['self > 0', -3, integer, false],
  ['self > 0', 3, integer, true],
  ['self >= 3 && self <= 3', 3, integer, true],
  ['self < 2', 3, integer, false],
  ['self != 3', 3, integer, false],
  ['self > 0', 1.5, number, undefined], // double > int: heterogeneous, skipped
  ['self > 0.0', 1.5, number, true],
  ['self == 1', 1, number, undefined],
  ['"abc" < "abd"', 1, integer, true],
  ['"z" > "a"', 1, integer, true],
  ['"\\uffff" < "\\U0001F600"', 1, integer, true], // by code point, not UTF-16 unit
  ['false < true', 1, integer, true],
  ['self.min <= self.max', { min: 1, max: 5 }, object, true],
  ['self.min <= self.max', { min: 6, max: 5 }, object, false],
  ['self == "x"', 3, integer, undefined],
  ['self == null', 3, integer, undefined],
]);

table('in', [
  ['self in ["a", "b"]', 'b', string, true],
  ['self in ["a", "b"]', 'c', string, false],
  ["'app' in self", { app: 'x' }, labels, true],
  ["'team' in self", { app: 'x' }, labels, false],
  ['self in [1, 2]', 'a', string, undefined],
]);

table('logic: ! && || ?: (errors absorbed only when the other side decides)', [
  ['!(self > 0)', 3, integer, false],
  ['self.a > 0 && false', { b: 'x' }, object, false],
  ['false && self.a > 0', { b: 'x' }, object, false],
  ['self.a > 0 || true', { b: 'x' }, object, true],
  ['true || self.a > 0', { b: 'x' }, object, true],
  ['self.a > 0 && true', { b: 'x' }, object, undefined],
  ['self.a > 0 || false', { b: 'x' }, object, undefined],
  ['true && 1', 1, integer, undefined],
  ['!1', 1, integer, undefined],
  ['self > 0 ? self < 10 : false', 3, integer, true],
  ['self > 0 ? self < 10 : false', -1, integer, false],
  ['self ? true : false', 1, integer, undefined],
  ['self > 0 ? true : self.x', 1, integer, true], // only the chosen branch is evaluated
]);

table('functions', [
  ['size(self) == 3', 'héé', string, true],
  ['self.size() == 2', '😀a', string, true], // code points
  ['size(self) == 2', ['a', 'b'], strings, true],
  ['self.size() == 1', { a: 'b' }, labels, true],
  ['size(self) == 1', 3, integer, undefined],
  ['self.startsWith("ab")', 'abc', string, true],
  ['self.endsWith("bc")', 'abc', string, true],
  ['self.endsWith("b")', 'abc', string, false],
  ['self.contains("b")', 'abc', string, true],
  ['self.contains(1)', 'abc', string, undefined],
  ["self.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')", 'my-app', string, true],
  ["self.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')", 'My-App', string, false],
  ["self.matches('b')", 'abc', string, true], // unanchored, as RE2
  ["self.matches('^\\\\d+$')", '123', string, true],
  ["self.matches('(?i)abc')", 'ABC', string, undefined], // RE2 flags: skipped
  ["self.matches('(?=a)a')", 'a', string, undefined], // lookahead: skipped
  ["self.matches('[[:alpha:]]')", 'a', string, undefined],
  ["self.matches('^a.c$')", 'a\rc', string, undefined], // `.` differs on \r: skipped
  ["self.matches('(a+)+$')", 'aaaa', string, undefined], // quantified group: skipped (backtracking)
  ['int(self) == 42', '42', string, true],
  ['int(self) == -4', '-4', string, true],
  ['int(self) == 1', '1.5', string, undefined],
  ['int(self) == 1', 1.9, number, true],
  ['int(self) == -1', -1.9, number, true],
  ['string(self) == "42"', 42, integer, true],
  ['string(self) == "1.5"', 1.5, number, undefined], // Go's float formatting: skipped
  ['string(true) == "true"', 1, integer, true],
]);

table('macros over lists and map keys', [
  ['self.all(x, x > 0)', [1, 2, 3], ints, true],
  ['self.all(x, x > 1)', [1, 2, 3], ints, false],
  ['self.exists(x, x == 2)', [1, 2, 3], ints, true],
  ['self.exists(x, x == 5)', [1, 2, 3], ints, false],
  ['self.exists_one(x, x > 2)', [1, 2, 3], ints, true],
  ['self.exists_one(x, x > 1)', [1, 2, 3], ints, false],
  ['self.all(k, k.startsWith("app"))', { app: 'a', 'app.io/x': 'b' }, labels, true],
  ['self.all(k, self[k] != "")', { app: 'a', team: '' }, labels, false],
  ['self.all(x, x.a > 0)', [1], ints, undefined],
  ['self.all(x, 1 / x > 0)', [0, -1], ints, false], // error absorbed by a false
  ['self.exists(x, 1 / x > 0)', [0, 1], ints, true], // error absorbed by a true
  ['self.exists_one(x, 1 / x > 0)', [0, 1], ints, undefined],
  ['self.all(x, self.all(y, x + y > 0))', [1, 2], ints, true],
  ['[].all(x, false)', 1, integer, true],
]);

table('outside the subset: skipped', [
  ['self == oldSelf', 1, integer, undefined],
  ['self.lowerAscii() == "a"', 'a', string, undefined],
  ['quantity(self).isGreaterThan(quantity("1"))', '1', string, undefined],
  ['self == 1u', 1, integer, undefined],
  ['{"a": 1}.size() == 1', 1, integer, undefined],
  ['self.__dash__x == 1', { a: 1 }, object, undefined],
  ['b"abc" == b"abc"', 1, integer, undefined],
  ['self', 1, integer, undefined], // not a bool
  ['self > ', 1, integer, undefined], // not CEL at all
  ['self == "2020-01-01T00:00:00Z"', '2020-01-01T00:00:00Z', { type: 'string', format: 'date-time' }, undefined], // a timestamp in CEL
  ['self > 0', 3, {}, undefined], // untyped
]);

test('cel: parsing is bounded (length, depth, nodes)', () => {
  assert.equal(parseRule('('.repeat(40) + 'true' + ')'.repeat(40)), undefined);
  assert.equal(parseRule('!'.repeat(40) + 'true'), undefined);
  assert.equal(parseRule(Array(600).fill('1').join(' + ') + ' > 0'), undefined);
  assert.equal(parseRule(`"${'a'.repeat(5000)}" == ""`), undefined);
  assert.ok(parseRule('('.repeat(10) + 'true' + ')'.repeat(10)));
});

test('cel: evaluation is bounded by a cost budget (over budget → skipped, never a verdict)', () => {
  const list = Array.from({ length: 200 }, (_, i) => i);
  const nested = 'self.all(x, self.all(y, self.all(z, x + y + z >= 0)))';
  assert.equal(run(nested, list, ints), undefined);
  assert.equal(run('self.all(x, x >= 0)', list, ints), true);
  const expr = parseRule('self.all(x, x >= 0) && false');
  assert.ok(expr);
  assert.equal(evaluate(expr, toCel(list, ints), 50), undefined, 'budget exhaustion is not absorbed by &&');
  assert.equal(evaluate(expr, toCel(list, ints)), false);
});

test('cel: only regexes that mean the same in RE2 and JavaScript compile', () => {
  for (const ok of ['^[a-z]+$', 'a|b', '^(?:ab)?c$', '\\.', '[^a-z]', 'x{2,3}', '\\x41']) assert.ok(compileRe2(ok), ok);
  for (const bad of ['(?P<n>a)', '(a)\\1', '(?<=a)b', '\\pL', '\\Qa\\E', '[]a]', 'a{2000}', '(ab)*', 'a*b*c*d*', '\\z', 'a{', '[\\-]']) assert.equal(compileRe2(bad), undefined, bad);
});
