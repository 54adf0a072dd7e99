// The Kubernetes YAML injection grammar (syntaxes/kubernetes-yaml.injection.tmLanguage.json), token by
// token over test/fixtures/grammar/*.yaml, through vscode-textmate and Oniguruma as VS Code runs it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { contributedGrammars, grammarFixture, grammarRegistry, innermost, loadGrammar, tokenizeLines, type Token } from './textmate';

const ROOT = join(__dirname, '..', '..', '..');
const INJECTION = 'kubernetes.injection.drydock';
const TAG = 'entity.name.tag.yaml';
const SEP = 'punctuation.separator.key-value.mapping.yaml';
const ITEM = 'punctuation.definition.block.sequence.item.yaml';
const PLAIN = 'string.unquoted.plain.out.yaml';
const LITERAL = 'keyword.control.flow.block-scalar.literal.yaml';
const FOLDED = 'keyword.control.flow.block-scalar.folded.yaml';
const QUOTE_BEGIN = 'punctuation.definition.string.begin.yaml';
const QUOTE_END = 'punctuation.definition.string.end.yaml';
const BLOCK = 'string.unquoted.block.yaml';
const GROUP = 'entity.name.namespace.api-group.kubernetes';
const SLASH = 'punctuation.separator.api-version.kubernetes';
const VERSION = 'constant.language.api-version.kubernetes';
const KIND = 'entity.name.type.kind.kubernetes';
const QUANTITY = 'constant.numeric.quantity.kubernetes';
const UNIT = 'keyword.other.unit.quantity.kubernetes';
const PERCENT = 'constant.numeric.percentage.kubernetes';
const PERCENT_SIGN = 'keyword.other.unit.percentage.kubernetes';
const OPERATOR = 'keyword.operator.selector.kubernetes';
const LABEL_KEY = 'support.constant.label-key.kubernetes';
const TAINT_KEY = 'support.constant.taint-key.kubernetes';
const SHELL = 'meta.embedded.block.shell';
const JSON_BLOCK = 'meta.embedded.block.json';
const JSON_INLINE = 'meta.embedded.inline.json';
const GUARD = 'meta.block-scalar.drydock';

let yamlWithoutInjection: IGrammar;
const tokens = new Map<string, Token[][]>();
before(async () => {
  const yaml = await loadGrammar(grammarRegistry(), 'source.yaml');
  yamlWithoutInjection = await loadGrammar(grammarRegistry({ injections: false }), 'source.yaml');
  for (const name of ['deployment.yaml', 'edges.yaml', 'not-a-manifest.yaml']) tokens.set(name, tokenizeLines(yaml, grammarFixture(name)));
});

function lineOf(fixture: string, line: number): Token[] {
  const lines = tokens.get(fixture);
  assert.ok(lines && line < lines.length, `${fixture} has a line ${line}`);
  return lines[line];
}

test('injection: package.json contributes the grammar into YAML and Helm templates, with its embedded languages', () => {
  const entry = contributedGrammars().find((g) => g.scopeName === INJECTION);
  assert.ok(entry, 'a contributed grammar with the injection scope');
  assert.equal(entry.language, undefined, 'an injection grammar belongs to no language');
  assert.deepEqual(entry.injectTo, ['source.yaml', 'source.helm-template']);
  assert.deepEqual(entry.embeddedLanguages, { [SHELL]: 'shellscript', [JSON_BLOCK]: 'json', [JSON_INLINE]: 'json' });
  const text = readFileSync(join(ROOT, entry.path), 'utf8');
  const file = JSON.parse(text) as { scopeName: string; injectionSelector: string };
  assert.equal(file.scopeName, INJECTION);
  assert.match(file.injectionSelector, /^L:source\.yaml .*, L:source\.helm-template /);
});

test('injection: syntaxes/README.md names every grammar file and every scope the injection gives', () => {
  const readme = readFileSync(join(ROOT, 'syntaxes', 'README.md'), 'utf8');
  for (const g of contributedGrammars()) assert.ok(readme.includes(basename(g.path)), `README names ${g.path}`);
  const grammar = readFileSync(join(ROOT, 'syntaxes', 'kubernetes-yaml.injection.tmLanguage.json'), 'utf8');
  const scopes = new Set([...grammar.matchAll(/"(?:name|contentName)": "([^"]+)"/g)].flatMap((m) => m[1].split(' ')).filter((s) => /^[a-z][\w-]*(\.[\w-]+)+$/.test(s) && !s.endsWith('.yaml')));
  assert.ok(scopes.size >= 15, `only ${scopes.size} scopes`);
  for (const scope of scopes) assert.ok(readme.includes(`\`${scope}\``), `README describes \`${scope}\``);
});

/** Each line's tokens, whitespace-only ones left out, as [text, innermost scope]. */
const cases: Array<{ name: string; fixture: string; line: number; tokens: Array<[string, string]> }> = [
  { name: 'apiVersion: group and version', fixture: 'deployment.yaml', line: 0, tokens: [['apiVersion', TAG], [':', SEP], ['apps', GROUP], ['/', SLASH], ['v1', VERSION]] },
  { name: 'apiVersion of the core group', fixture: 'edges.yaml', line: 0, tokens: [['apiVersion', TAG], [':', SEP], ['v1', VERSION]] },
  { name: 'kind', fixture: 'deployment.yaml', line: 1, tokens: [['kind', TAG], [':', SEP], ['Deployment', KIND]] },
  { name: 'a second document', fixture: 'deployment.yaml', line: 61, tokens: [['apiVersion', TAG], [':', SEP], ['policy', GROUP], ['/', SLASH], ['v1', VERSION]] },
  { name: 'kind of a second document', fixture: 'deployment.yaml', line: 62, tokens: [['kind', TAG], [':', SEP], ['PodDisruptionBudget', KIND]] },
  { name: 'a well-known label as a key', fixture: 'deployment.yaml', line: 5, tokens: [['app.kubernetes.io/name', LABEL_KEY], [':', SEP], ['w', PLAIN], ['eb', PLAIN]] },
  { name: 'a well-known label as a value (topologyKey, matchExpressions)', fixture: 'deployment.yaml', line: 53, tokens: [['-', ITEM], ['k', TAG], ['ey', TAG], [':', SEP], ['topology.kubernetes.io/zone', LABEL_KEY]] },
  { name: 'a well-known taint as a toleration key', fixture: 'deployment.yaml', line: 57, tokens: [['-', ITEM], ['k', TAG], ['ey', TAG], [':', SEP], ['node.kubernetes.io/not-ready', TAINT_KEY]] },
  { name: 'a well-known label in a quoted value', fixture: 'edges.yaml', line: 42, tokens: [['-', ITEM], ['t', TAG], ['opologyKey', TAG], [':', SEP], ['"', QUOTE_BEGIN], ['kubernetes.io/hostname', LABEL_KEY], ['"', QUOTE_END]] },
  { name: 'a well-known label in a flow mapping', fixture: 'edges.yaml', line: 43, tokens: [['l', TAG], ['abelSelector', TAG], [':', SEP], ['{', 'punctuation.definition.mapping.begin.yaml'], ['m', TAG], ['atchLabels', TAG], [':', SEP], ['{', 'punctuation.definition.mapping.begin.yaml'], ['app.kubernetes.io/name', LABEL_KEY], [':', SEP], ['d', 'string.unquoted.plain.in.yaml'], ['b', 'string.unquoted.plain.in.yaml'], ['}', 'punctuation.definition.mapping.end.yaml'], ['}', 'punctuation.definition.mapping.end.yaml']] },
  { name: 'a node role label', fixture: 'edges.yaml', line: 46, tokens: [['node-role.kubernetes.io/worker', LABEL_KEY], [':', SEP], ['"', QUOTE_BEGIN], ['"', QUOTE_END]] },
  { name: 'no well-known label inside a longer key (beta.kubernetes.io/os)', fixture: 'edges.yaml', line: 45, tokens: [['b', TAG], ['eta.kubernetes.io/os', TAG], [':', SEP], ['l', PLAIN], ['inux', PLAIN]] },
  { name: 'a selector operator', fixture: 'deployment.yaml', line: 54, tokens: [['operator', TAG], [':', SEP], ['In', OPERATOR]] },
  { name: 'a toleration operator', fixture: 'deployment.yaml', line: 58, tokens: [['operator', TAG], [':', SEP], ['Exists', OPERATOR]] },
  { name: 'a taint effect', fixture: 'deployment.yaml', line: 59, tokens: [['effect', TAG], [':', SEP], ['NoExecute', 'support.constant.taint-effect.kubernetes']] },
  { name: 'a percentage', fixture: 'deployment.yaml', line: 15, tokens: [['maxSurge', TAG], [':', SEP], ['25', PERCENT], ['%', PERCENT_SIGN]] },
  { name: 'a quoted percentage', fixture: 'deployment.yaml', line: 16, tokens: [['maxUnavailable', TAG], [':', SEP], ['"', QUOTE_BEGIN], ['10', PERCENT], ['%', PERCENT_SIGN], ['"', QUOTE_END]] },
  { name: 'a PodDisruptionBudget percentage', fixture: 'deployment.yaml', line: 64, tokens: [['minAvailable', TAG], [':', SEP], ['50', PERCENT], ['%', PERCENT_SIGN]] },
  { name: 'millicores', fixture: 'deployment.yaml', line: 29, tokens: [['cpu', TAG], [':', SEP], ['500', QUANTITY], ['m', UNIT]] },
  { name: 'a binary suffix', fixture: 'deployment.yaml', line: 30, tokens: [['memory', TAG], [':', SEP], ['1', QUANTITY], ['Gi', UNIT]] },
  { name: 'a quoted decimal', fixture: 'deployment.yaml', line: 32, tokens: [['cpu', TAG], [':', SEP], ['"', QUOTE_BEGIN], ['2.5', QUANTITY], ['"', QUOTE_END]] },
  { name: 'an extended resource', fixture: 'deployment.yaml', line: 33, tokens: [['nvidia.com/gpu', TAG], [':', SEP], ['1', QUANTITY]] },
  { name: 'bytes', fixture: 'edges.yaml', line: 27, tokens: [['memory', TAG], [':', SEP], ['128974848', QUANTITY]] },
  { name: 'a decimal exponent', fixture: 'edges.yaml', line: 16, tokens: [['cpu', TAG], [':', SEP], ['1', QUANTITY], ['e3', UNIT]] },
  { name: 'not a quantity (`1e3m`): YAML’s own tokens', fixture: 'edges.yaml', line: 28, tokens: [['c', TAG], ['pu', TAG], [':', SEP], ['1', PLAIN], ['e3m', PLAIN]] },
  { name: 'a key after a block scalar is a manifest key again', fixture: 'edges.yaml', line: 34, tokens: [['cpu', TAG], [':', SEP], ['250', QUANTITY], ['m', UNIT]] },
  { name: '`kind:` inside a block scalar is text', fixture: 'edges.yaml', line: 33, tokens: [['kind: Deployment', BLOCK]] },
  { name: '`kind:` inside an env value is text', fixture: 'edges.yaml', line: 24, tokens: [['kind: NotHighlighted', BLOCK]] },
  { name: 'a sibling key after `- key: |` is a manifest key again', fixture: 'edges.yaml', line: 50, tokens: [['operator', TAG], [':', SEP], ['Exists', OPERATOR]] },
  { name: '`kind:` in a `- |` item is text', fixture: 'edges.yaml', line: 52, tokens: [['kind: NotAKind', BLOCK]] },
  { name: 'the item after a `- |` item is a manifest item again', fixture: 'edges.yaml', line: 53, tokens: [['-', ITEM], ['operator', TAG], [':', SEP], ['NotIn', OPERATOR]] },
  { name: 'the line that opens a block scalar keeps YAML’s tokens', fixture: 'edges.yaml', line: 32, tokens: [['m', TAG], ['anifest.yaml', TAG], [':', SEP], ['|', LITERAL]] },
  { name: 'a command list', fixture: 'deployment.yaml', line: 21, tokens: [['command', TAG], [':', SEP]] },
  { name: 'its shell item', fixture: 'deployment.yaml', line: 22, tokens: [['-', ITEM], ['/', PLAIN], ['bin/sh', PLAIN]] },
  { name: 'its -c item', fixture: 'deployment.yaml', line: 23, tokens: [['-', ITEM], ['-c', PLAIN]] },
  { name: 'the block scalar after -c', fixture: 'deployment.yaml', line: 24, tokens: [['-', ITEM], ['|', LITERAL]] },
  { name: 'the key after the script is YAML again', fixture: 'deployment.yaml', line: 27, tokens: [['r', TAG], ['esources', TAG], [':', SEP]] },
  { name: 'a flow command of sh -c', fixture: 'deployment.yaml', line: 35, tokens: [['c', TAG], ['ommand', TAG], [':', SEP], ['[', 'punctuation.definition.sequence.begin.yaml'], ['"', QUOTE_BEGIN], ['sh', 'string.quoted.double.yaml'], ['"', QUOTE_END], [',', 'punctuation.separator.sequence.yaml'], ['"', QUOTE_BEGIN], ['-c', 'string.quoted.double.yaml'], ['"', QUOTE_END], [']', 'punctuation.definition.sequence.end.yaml']] },
  { name: 'its args', fixture: 'deployment.yaml', line: 36, tokens: [['args', TAG], [':', SEP]] },
  { name: 'quantities in the same container', fixture: 'deployment.yaml', line: 41, tokens: [['memory', TAG], [':', SEP], ['64', QUANTITY], ['Mi', UNIT]] },
  { name: 'the next container is YAML again', fixture: 'deployment.yaml', line: 48, tokens: [['a', TAG], ['ffinity', TAG], [':', SEP]] },
  { name: 'args without a shell: a block scalar is text', fixture: 'deployment.yaml', line: 45, tokens: [['              --verbose', BLOCK]] },
  { name: 'a folded block scalar item', fixture: 'deployment.yaml', line: 46, tokens: [['-', ITEM], ['>', FOLDED], ['-', 'storage.modifier.chomping-indicator.yaml']] },
  { name: '`- command:` as a sequence item’s first key', fixture: 'edges.yaml', line: 4, tokens: [['-', ITEM], ['command', TAG], [':', SEP]] },
  { name: '`-ec` counts as -c', fixture: 'edges.yaml', line: 6, tokens: [['-', ITEM], ['-e', PLAIN], ['c', PLAIN]] },
  { name: 'the key after a `- command:` script', fixture: 'edges.yaml', line: 9, tokens: [['i', TAG], ['mage', TAG], [':', SEP], ['b', PLAIN], ['usybox', PLAIN]] },
  { name: 'args after a flow command in single quotes', fixture: 'edges.yaml', line: 12, tokens: [['-', ITEM], ['|', LITERAL]] },
  { name: 'a quoted arg stays YAML', fixture: 'edges.yaml', line: 18, tokens: [['-', ITEM], ['"', QUOTE_BEGIN], ['--port=8080', 'string.quoted.double.yaml'], ['"', QUOTE_END]] },
  { name: 'an annotation key', fixture: 'deployment.yaml', line: 8, tokens: [['example.com/config', TAG], [':', SEP], ['|', LITERAL]] },
  { name: 'an annotation whose block is not JSON', fixture: 'deployment.yaml', line: 11, tokens: [['      plain text, not JSON', BLOCK]] },
];

for (const c of cases) {
  test(`injection tokens: ${c.name} (${c.fixture}:${c.line + 1})`, () => {
    assert.deepEqual(innermost(lineOf(c.fixture, c.line)), c.tokens);
  });
}

/** Embedded regions: every token of the lines is inside the region, and the embedded grammar scoped some. */
const regions: Array<{ name: string; fixture: string; lines: number[]; region: string; language: string; first: [string, string] }> = [
  { name: 'a script after `- -c`', fixture: 'deployment.yaml', lines: [25, 26], region: SHELL, language: '.shell', first: ['echo', 'support.function.builtin.shell'] },
  { name: 'args after `command: ["sh", "-c"]`', fixture: 'deployment.yaml', lines: [38], region: SHELL, language: '.shell', first: ['while', 'keyword.control.shell'] },
  { name: 'a block scalar whose first line runs `sh -c`', fixture: 'deployment.yaml', lines: [47], region: SHELL, language: '.shell', first: ['sh', 'entity.name.command.shell'] },
  { name: 'a script after `- -ec` of `- command:`', fixture: 'edges.yaml', lines: [8], region: SHELL, language: '.shell', first: ['apt-get', 'entity.name.command.shell'] },
  { name: 'args after `- command: [\'/bin/sh\', \'-c\']`', fixture: 'edges.yaml', lines: [13], region: SHELL, language: '.shell', first: ['touch', 'entity.name.command.shell'] },
  { name: 'an annotation block scalar of JSON', fixture: 'deployment.yaml', lines: [9], region: JSON_BLOCK, language: '.json', first: ['{', 'punctuation.definition.dictionary.begin.json'] },
];

for (const r of regions) {
  test(`injection embeds: ${r.name} (${r.fixture}:${r.lines.map((l) => l + 1).join(',')})`, () => {
    for (const line of r.lines) {
      const found = lineOf(r.fixture, line).filter((t) => t.text.trim() !== '');
      assert.ok(found.length > 0);
      for (const t of found) assert.ok(t.scopes.includes(r.region), `${JSON.stringify(t.text)} is in ${r.region}: ${t.scopes.join(' ')}`);
      assert.ok(found.some((t) => t.scopes[t.scopes.length - 1].endsWith(r.language)), `the embedded grammar tokenized line ${line + 1}`);
    }
    assert.deepEqual(innermost(lineOf(r.fixture, r.lines[0]))[0], r.first);
  });
}

test('injection embeds: a single-quoted annotation value of JSON, between YAML’s quotes', () => {
  const line = lineOf('deployment.yaml', 7);
  assert.deepEqual(innermost(line).slice(0, 4), [['drydock.dev/owners', TAG], [':', SEP], ["'", QUOTE_BEGIN], ['{', 'punctuation.definition.dictionary.begin.json']]);
  assert.deepEqual(innermost(line).slice(-2), [['}', 'punctuation.definition.dictionary.end.json'], ["'", QUOTE_END]]);
  const open = line.findIndex((t) => t.text === "'");
  const inside = line.slice(open + 1, -1);
  assert.equal(inside.map((t) => t.text).join(''), '{"team": "web", "oncall": ["ana"]}');
  for (const t of inside) assert.ok(t.scopes.includes(JSON_INLINE), `${JSON.stringify(t.text)} is in ${JSON_INLINE}`);
  assert.ok(inside.filter((t) => t.text.trim() !== '').every((t) => t.scopes[t.scopes.length - 1].endsWith('.json')));
});

test('injection: YAML that is not a manifest gets no Kubernetes scope', () => {
  const lines = tokens.get('not-a-manifest.yaml') ?? [];
  assert.ok(lines.length > 10);
  const ours = lines.flatMap((line, i) => line.filter((t) => t.scopes.some((s) => s.endsWith('.kubernetes') || s.startsWith('meta.embedded'))).map((t) => `${i + 1}: ${t.text}`));
  assert.deepEqual(ours, []);
  assert.deepEqual(innermost(lines[3]), [['k', TAG], ['ind', TAG], [':', SEP], ['j', PLAIN], ['ob', PLAIN]], 'a lower-case kind is no Kind');
  assert.deepEqual(innermost(lines[5]), [['m', TAG], ['emory', TAG], [':', SEP], ['1', PLAIN], ['Gi of RAM', PLAIN]], 'a quantity followed by words is no quantity');
  assert.deepEqual(innermost(lines[9]), [['kind: Deployment', BLOCK]], 'a manifest in a script is text');
});

test('injection: YAML that is not a manifest tokenizes exactly as without the injection, but for the block-scalar guard', () => {
  const plain = tokenizeLines(yamlWithoutInjection, grammarFixture('not-a-manifest.yaml'));
  const injected = tokens.get('not-a-manifest.yaml') ?? [];
  assert.ok(injected.some((line) => line.some((t) => t.scopes.includes(GUARD))), 'the guard marks the `run: |` block');
  const unguarded = injected.map((line) => line.map((t) => ({ text: t.text, scopes: t.scopes.filter((s) => s !== GUARD) })));
  assert.deepEqual(unguarded, plain);
});
