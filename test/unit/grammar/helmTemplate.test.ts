// The Helm template grammar (syntaxes/helm-template.tmLanguage.json), token by token over
// test/fixtures/grammar/helm-template.yaml, with the Kubernetes injection as VS Code loads them together.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { grammarFixture, grammarRegistry, innermost, loadGrammar, tokenizeLines, type Token } from './textmate';

const TAG = 'entity.name.tag.yaml';
const SEP = 'punctuation.separator.key-value.mapping.yaml';
const OPEN = 'punctuation.section.embedded.begin.helm-template';
const CLOSE = 'punctuation.section.embedded.end.helm-template';
const TRIM = 'keyword.operator.trim.helm-template';
const DOT = 'punctuation.accessor.helm-template';
const BUILTIN = 'variable.language.builtin.helm-template';
const MEMBER = 'variable.other.member.helm-template';
const FUNCTION = 'support.function.helm-template';
const PIPE = 'keyword.operator.pipe.helm-template';
const FLOW = 'keyword.control.flow.helm-template';
const NUMBER = 'constant.numeric.helm-template';
const STRING = 'string.quoted.double.helm-template';
const RAW = 'string.quoted.raw.helm-template';
const VARIABLE_SIGN = 'punctuation.definition.variable.helm-template';
const ACTION = 'meta.action.helm-template';

let lines: Token[][] = [];
before(async () => {
  const grammar = await loadGrammar(grammarRegistry(), 'source.helm-template');
  lines = tokenizeLines(grammar, grammarFixture('helm-template.yaml'));
});

const cases: Array<{ name: string; line: number; tokens: Array<[string, string]> }> = [
  { name: 'a template comment with trim markers', line: 0, tokens: [['{{- /*', 'punctuation.definition.comment.begin.helm-template'], [" A chart's Deployment. ", 'comment.block.helm-template'], ['*/ -}}', 'punctuation.definition.comment.end.helm-template']] },
  { name: 'an include with a string and the dot', line: 4, tokens: [['n', TAG], ['ame', TAG], [':', SEP], ['{{', OPEN], ['include', 'keyword.control.template.helm-template'], ['"', STRING], ['web.fullname', STRING], ['"', STRING], ['.', 'variable.language.dot.helm-template'], ['}}', CLOSE]] },
  { name: 'a builtin object, a member, a pipe', line: 6, tokens: [['app.kubernetes.io/name', 'support.constant.label-key.kubernetes'], [':', SEP], ['{{', OPEN], ['.', DOT], ['Chart', BUILTIN], ['.', DOT], ['Name', MEMBER], ['|', PIPE], ['quote', FUNCTION], ['}}', CLOSE]] },
  { name: 'a function with a number', line: 8, tokens: [['r', TAG], ['eplicas', TAG], [':', SEP], ['{{', OPEN], ['.', DOT], ['Values', BUILTIN], ['.', DOT], ['replicas', MEMBER], ['|', PIPE], ['default', FUNCTION], ['2', NUMBER], ['}}', CLOSE]] },
  { name: '`{{- if`', line: 13, tokens: [['{{', OPEN], ['-', TRIM], ['if', FLOW], ['.', DOT], ['Values', BUILTIN], ['.', DOT], ['debug', MEMBER], ['}}', CLOSE]] },
  { name: '`{{- end }}`', line: 15, tokens: [['{{', OPEN], ['-', TRIM], ['end', FLOW], ['}}', CLOSE]] },
  { name: 'an action as a value the injection does not take for a quantity', line: 24, tokens: [['m', TAG], ['emory', TAG], [':', SEP], ['{{', OPEN], ['.', DOT], ['Values', BUILTIN], ['.', DOT], ['memory', MEMBER], ['}}', CLOSE]] },
  {
    name: 'a variable, assignment, escapes, a closing trim marker',
    line: 25,
    tokens: [['{{', OPEN], ['-', TRIM], ['$', VARIABLE_SIGN], ['name', 'variable.other.helm-template'], [':=', 'keyword.operator.assignment.helm-template'], ['printf', FUNCTION], ['"', STRING], ['%s-%d', STRING], ['\\n', 'constant.character.escape.helm-template'], ['"', STRING], ['.', DOT], ['Release', BUILTIN], ['.', DOT], ['Name', MEMBER], ['3', NUMBER], ['-', TRIM], ['}}', CLOSE]],
  },
  {
    name: 'parentheses and three actions on one line',
    line: 26,
    tokens: [['e', TAG], ['nv', TAG], [':', SEP], ['{{', OPEN], ['-', TRIM], ['with', FLOW], ['(', 'punctuation.section.parens.begin.helm-template'], ['index', FUNCTION], ['.', DOT], ['Values', BUILTIN], ['"', STRING], ['env', STRING], ['"', STRING], [')', 'punctuation.section.parens.end.helm-template'], ['}}', CLOSE], ['{{', OPEN], ['toYaml', FUNCTION], ['.', 'variable.language.dot.helm-template'], ['|', PIPE], ['nindent', FUNCTION], ['12', NUMBER], ['}}', CLOSE], ['{{', OPEN], ['end', FLOW], ['}}', CLOSE]],
  },
  {
    name: 'a raw string, a rune, nil, `$.Values`, and `{{-3}}` (a number, not a trim marker)',
    line: 27,
    tokens: [['n', TAG], ['ote', TAG], [':', SEP], ['{{', OPEN], ['`', RAW], ['raw', RAW], ['`', RAW], ['}}', CLOSE], ['{{', OPEN], ["'a'", 'string.quoted.single.helm-template'], ['}}', CLOSE], ['{{', OPEN], ['nil', 'constant.language.helm-template'], ['}}', CLOSE], ['{{', OPEN], ['$', VARIABLE_SIGN], ['.', DOT], ['Values', BUILTIN], ['.', DOT], ['x', MEMBER], ['}}', CLOSE], ['{{', OPEN], ['-3', NUMBER], ['}}', CLOSE]],
  },
  { name: 'the injection in a template: apiVersion', line: 1, tokens: [['apiVersion', TAG], [':', SEP], ['apps', 'entity.name.namespace.api-group.kubernetes'], ['/', 'punctuation.separator.api-version.kubernetes'], ['v1', 'constant.language.api-version.kubernetes']] },
  { name: 'the injection in a template: a quantity', line: 23, tokens: [['cpu', TAG], [':', SEP], ['250', 'constant.numeric.quantity.kubernetes'], ['m', 'keyword.other.unit.quantity.kubernetes']] },
];

for (const c of cases) {
  test(`helm-template tokens: ${c.name} (line ${c.line + 1})`, () => {
    assert.ok(c.line < lines.length);
    assert.deepEqual(innermost(lines[c.line]), c.tokens);
  });
}

test('helm-template: every token of an action is inside meta.action.helm-template, and nothing around it is', () => {
  const line = lines[8];
  const start = line.findIndex((t) => t.text === '{{');
  const end = line.findIndex((t) => t.text === '}}');
  assert.ok(start > 0 && end > start);
  line.forEach((t, i) => assert.equal(t.scopes.includes(ACTION), i >= start && i <= end, `${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`));
});

test('helm-template: an action inside an embedded shell script is still an action', () => {
  const line = lines[20];
  for (const t of line.filter((t) => t.text.trim() !== '')) assert.ok(t.scopes.includes('meta.embedded.block.shell'), `${JSON.stringify(t.text)} is in the script`);
  assert.deepEqual(innermost(line.filter((t) => t.scopes.includes(ACTION))), [['{{', OPEN], ['.', DOT], ['Values', BUILTIN], ['.', DOT], ['level', MEMBER], ['}}', CLOSE]]);
  assert.deepEqual(innermost(line)[0], ['exec', 'support.function.builtin.shell']);
});
