// Tokenizes text the way VS Code does: vscode-textmate over the Oniguruma WebAssembly build, with the
// grammars and injections package.json contributes. The grammars VS Code ships built in (YAML, JSON,
// shell) are not in the extension: the tests take them from tm-grammars, a devDependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');

/** One token: its text and its scopes, outermost first. */
export interface Token {
  text: string;
  scopes: string[];
}

/** An entry of package.json's contributes.grammars. */
export interface GrammarContribution {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

/** The grammars package.json contributes. */
export function contributedGrammars(): GrammarContribution[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
  return manifest.contributes.grammars;
}

/** Built-in VS Code grammars the contributed ones include, by scope name (tm-grammars' copies). */
const BUILT_IN: Record<string, string> = {
  'source.yaml': 'tm-grammars/grammars/yaml.json',
  'source.json': 'tm-grammars/grammars/json.json',
  'source.shell': 'tm-grammars/grammars/shellscript.json',
};

/** Loads the Oniguruma WebAssembly build (a second call returns the first load). */
export async function loadOniguruma(): Promise<void> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
}

async function onigLib(): Promise<IOnigLib> {
  await loadOniguruma();
  return {
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
}

/** A registry that knows the contributed grammars (with their injections, unless told not to) and the built-in ones. */
export function grammarRegistry(options: { injections: boolean } = { injections: true }): Registry {
  const contributed = contributedGrammars();
  return new Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const ours = contributed.find((g) => g.scopeName === scopeName);
      const path = ours ? join(ROOT, ours.path) : BUILT_IN[scopeName] ? require.resolve(BUILT_IN[scopeName]) : undefined;
      return path === undefined ? null : parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName) => (options.injections ? contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName) : []),
  });
}

/** Loads `scopeName` (and whatever it includes) from `registry`; fails the test when it cannot. */
export async function loadGrammar(registry: Registry, scopeName: string): Promise<IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

/** Every line of `text` tokenized in order, each line's state carried to the next. */
export function tokenizeLines(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** A fixture of test/fixtures/grammar, as text. */
export function grammarFixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'grammar', name), 'utf8');
}

/** A line's tokens as [text, innermost scope] pairs, whitespace-only tokens left out: what tests compare. */
export function innermost(tokens: Token[]): Array<[string, string]> {
  return tokens.filter((t) => t.text.trim() !== '').map((t) => [t.text, t.scopes[t.scopes.length - 1]]);
}
