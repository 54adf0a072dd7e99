// Every regex of every grammar package.json contributes compiles in Oniguruma, the engine VS Code runs
// grammars with (test/unit/helmTemplates/grammar.test.ts compiles the ones JavaScript can read too).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnigScanner } from 'vscode-oniguruma';
import { contributedGrammars, loadOniguruma } from './textmate';

const ROOT = join(__dirname, '..', '..', '..');
const FIELDS = ['match', 'begin', 'end', 'while'] as const;

/** Every regex of a grammar file's JSON, with where it is. */
function regexesOf(node: unknown, at = ''): Array<{ at: string; field: string; source: string }> {
  if (node === null || typeof node !== 'object') return [];
  const found: Array<{ at: string; field: string; source: string }> = [];
  for (const [key, value] of Object.entries(node)) {
    if ((FIELDS as readonly string[]).includes(key) && typeof value === 'string') found.push({ at, field: key, source: value });
    else found.push(...regexesOf(value, `${at}/${key}`));
  }
  return found;
}

before(loadOniguruma);

for (const grammar of contributedGrammars()) {
  test(`oniguruma: every regex of ${grammar.path} compiles`, () => {
    const regexes = regexesOf(JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')));
    assert.ok(regexes.length >= 20, `only ${regexes.length} regexes`);
    for (const { at, field, source } of regexes) {
      // An end or while rule's back-references name its begin's captures: vscode-textmate replaces them
      // with the captured text before compiling, as here with a plain letter.
      const compiled = field === 'end' || field === 'while' ? source.replace(/\\(\d)/g, 'x') : source;
      assert.doesNotThrow(() => new OnigScanner([compiled]).dispose(), `${at}.${field}: ${source}`);
    }
  });
}

test('oniguruma: a regex that does not compile is caught', () => {
  assert.throws(() => new OnigScanner(['(unclosed']));
});
