import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
  repository?: Record<string, Rule>;
  injections?: Record<string, Rule>;
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}

interface Contribution {
  languages: Array<{ id: string; aliases?: string[]; filenamePatterns?: string[]; configuration?: string }>;
  grammars: Array<{ language?: string; scopeName: string; path: string }>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: Contribution; activationEvents: string[] };
const entry = manifest.contributes.grammars.find((g) => g.language === 'helm-template');
const language = manifest.contributes.languages.find((l) => l.id === 'helm-template');

/** The grammar file package.json names, parsed (the test fails here when it is missing or not JSON). */
function grammar(): Rule & { scopeName: string } {
  assert.ok(entry, 'package.json contributes a grammar for helm-template');
  return JSON.parse(readFileSync(join(ROOT, entry.path), 'utf8')) as Rule & { scopeName: string };
}

/** Every rule of the grammar, with where it is (for messages). */
function rulesOf(root: Rule): Array<{ at: string; rule: Rule }> {
  const found: Array<{ at: string; rule: Rule }> = [];
  const visit = (rule: Rule, at: string): void => {
    found.push({ at, rule });
    rule.patterns?.forEach((child, i) => visit(child, `${at}/patterns[${i}]`));
    for (const key of ['repository', 'injections', 'captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [name, child] of Object.entries(rule[key] ?? {})) visit(child, `${at}/${key}.${name}`);
    }
  };
  visit(root, '');
  return found;
}

/** Oniguruma syntax JavaScript has no equivalent of: such a regex is not compiled here. */
const ONIGURUMA_ONLY = /\\[AGzZhH]|\(\?[imx-]+[):]|\(\?>|[*+?}]\+/;

test('grammar: package.json contributes the helm-template language, its grammar, its configuration and its activation', () => {
  assert.ok(language, 'a helm-template language');
  assert.ok(language.aliases?.includes('Helm Template'));
  assert.deepEqual(language.filenamePatterns, ['**/templates/**/*.yaml', '**/templates/**/*.yml', '**/templates/**/*.tpl', '**/templates/NOTES.txt']);
  assert.equal(grammar().scopeName, entry?.scopeName, 'the scopeName package.json names is the grammar file’s');
  assert.ok(language.configuration && existsSync(join(ROOT, language.configuration)), 'the language configuration file exists');
  assert.ok(manifest.activationEvents.includes('onLanguage:helm-template'));
});

test('grammar: every regex compiles as a JavaScript RegExp, every #include resolves', () => {
  const root = grammar();
  const repository = new Set(Object.keys(root.repository ?? {}));
  let compiled = 0;
  for (const { at, rule } of rulesOf(root)) {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[key];
      if (source === undefined || ONIGURUMA_ONLY.test(source)) continue;
      assert.doesNotThrow(() => new RegExp(source), `${at}.${key}: ${source}`);
      compiled++;
    }
    if (rule.begin !== undefined) assert.ok(rule.end !== undefined || rule.while !== undefined, `${at}: begin without end`);
    const include = rule.include;
    if (include?.startsWith('#')) assert.ok(repository.has(include.slice(1)), `${at}: ${include} is in no repository entry`);
    else if (include !== undefined) assert.ok(include === '$self' || include === '$base' || include === 'source.yaml', `${at}: unexpected include ${include}`);
  }
  assert.ok(compiled >= 20, `only ${compiled} regexes compiled`);
});

/** What a repository entry's regex (or one of its patterns', by scope name) matches in `text`: the first match, whole. */
function firstMatch(key: string, field: 'match' | 'begin' | 'end', text: string, scope?: string): string | undefined {
  const rule = grammar().repository?.[key];
  assert.ok(rule, key);
  const target = scope ? rule.patterns?.find((p) => p.name === scope) : rule;
  const source = target?.[field];
  assert.ok(source, `${key} ${scope ?? ''} ${field}`);
  return new RegExp(source).exec(text)?.[0];
}

const behaviour: Array<{ name: string; key: string; field: 'match' | 'begin' | 'end'; scope?: string; text: string; match: string | undefined }> = [
  { name: 'an action opens at `{{`', key: 'action', field: 'begin', text: 'a: {{ .Values.x }}', match: '{{' },
  { name: 'an action opens with a trim marker', key: 'action', field: 'begin', text: '{{- if .x }}', match: '{{-' },
  { name: '`{{-3}}` is a negative number, not a trim marker', key: 'action', field: 'begin', text: '{{-3}}', match: '{{' },
  { name: 'an action closes with a trim marker', key: 'action', field: 'end', text: '.x -}}', match: '-}}' },
  { name: '`-}}` with no space before is no trim marker', key: 'action', field: 'end', text: '.x-}}', match: '}}' },
  { name: 'a template comment opens', key: 'templateComment', field: 'begin', text: '{{- /* note */ -}}', match: '{{- /*' },
  { name: 'a template comment closes', key: 'templateComment', field: 'end', text: '{{- /* note */ -}}', match: '*/ -}}' },
  { name: 'a keyword', key: 'keywords', field: 'match', scope: 'keyword.control.flow.helm-template', text: '- range $i, $x := .list', match: 'range' },
  { name: 'a keyword is not a field', key: 'keywords', field: 'match', scope: 'keyword.control.flow.helm-template', text: '.Values.end', match: undefined },
  { name: 'a float', key: 'numbers', field: 'match', text: 'add 1.5 2', match: '1.5' },
  { name: 'digits in a name are no number', key: 'numbers', field: 'match', text: 'b64enc', match: undefined },
  { name: 'nil', key: 'constants', field: 'match', text: 'eq .x nil', match: 'nil' },
  { name: 'a variable', key: 'variables', field: 'match', text: '$root.x', match: '$root' },
];

for (const c of behaviour) {
  test(`grammar regex: ${c.name}`, () => assert.equal(firstMatch(c.key, c.field, c.text, c.scope), c.match));
}

test('grammar regex: `.Values` is the builtin object, `.image` after it a member', () => {
  const fields = grammar().repository?.fields.patterns ?? [];
  const [builtin, member] = fields.map((p) => (p.match ? new RegExp(p.match) : undefined));
  assert.equal(builtin?.exec('{{ .Values.image }}')?.[2], 'Values');
  assert.equal(builtin?.exec('{{ .image.Chart }}'), null, 'a key named Chart is a member, not the builtin');
  assert.equal(member?.exec('.image')?.[2], 'image');
});

test('grammar: the language configuration is JSON, with `{{ }}` brackets and folding markers that compile', () => {
  const config = JSON.parse(readFileSync(join(ROOT, language?.configuration ?? ''), 'utf8')) as { brackets: string[][]; comments: { lineComment: string }; folding: { markers: { start: string; end: string } } };
  assert.ok(config.brackets.some(([open, close]) => open === '{{' && close === '}}'));
  assert.equal(config.comments.lineComment, '#');
  assert.ok(new RegExp(config.folding.markers.start).test('  {{- if .Values.enabled }}'));
  assert.ok(new RegExp(config.folding.markers.end).test('{{- end }}'));
});
