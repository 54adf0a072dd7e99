import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { typeScriptFiles } from '../../helpers/rawMessages';

/**
 * English diagnostics are plain ASCII (issue #12). One character outside it (an em dash, an arrow, an
 * ellipsis) anywhere in a publish makes V8 hold the whole JSON message as two-byte text: the server's
 * encode and the client's decode of a 2,000-document file's 545 KB publish then take 2-3x longer on
 * every keystroke (about 5 ms of a 20 ms budget). Korean messages are two-byte whatever we do; the
 * translations keep their own punctuation (`{0} - {1}` is `{0} — {1}` in Korean).
 *
 * Held in two places: the English messages of the language service, the dry run and the server
 * (`l10n/ko/{language,dry-run,server}.json` are keyed by them), and the literals of the code that
 * builds findings around them (the joins are not `l10n.t` messages). Hover, outline and CLI-only text
 * may use any character: it is never in a publish.
 */
const root = join(__dirname, '..', '..', '..');
const NOT_PUBLISHED = new Set([
  // Hover and outline text of the language service.
  'Rule code → severity (`off`, `error`, `warning`, `information`, `hint`), as the `drydock.rules` setting. Wins over the setting, code by code.',
  '`.drydock.yaml` · Drydock project configuration (docs/rules.md, README)',
  '`{0}` `{1}` · from CustomResourceDefinition `{2}`',
  // The reach matrix's labels and limit, shown in the preview and the CLI.
  'the matrix would have {0} × {0} cells, more than the {1} Drydock computes: ask for specific connections with --query',
  '{0} [{1}…] ({2} pods)',
]);
const ASCII = /^[\x00-\x7f]*$/;

test('ascii diagnostics: every English message of the language service, the dry run and the server', () => {
  for (const part of ['language', 'dry-run', 'server']) {
    const messages = Object.keys(JSON.parse(readFileSync(join(root, 'l10n', 'ko', `${part}.json`), 'utf8')) as Record<string, string>);
    const wide = messages.filter((message) => !ASCII.test(message) && !NOT_PUBLISHED.has(message));
    assert.deepEqual(wide, [], `l10n/ko/${part}.json: English messages with characters outside ASCII`);
  }
});

/** The code that builds findings: validators, rules, renders, the simulator, the dry run. */
const FINDING_SOURCES = ['server/src/language/validators', 'server/src/language/rules', 'server/src/language/render', 'server/src/language/messageLists.ts', 'server/src/simulator', 'server/src/dryRun'];
/** Files of those folders whose text is never published (see NOT_PUBLISHED), or a regular expression's. */
const NOT_PUBLISHED_FILES = new Set(['server/src/simulator/network/matrixView.ts', 'server/src/simulator/controllers/deployment/podLifecycle.ts', 'server/src/language/rules/facts/cronSchedule.ts']);

test('ascii diagnostics: the string and template literals of the code that builds findings', () => {
  const wide: string[] = [];
  for (const file of FINDING_SOURCES.flatMap((path) => typeScriptFiles(join(root, path)))) {
    const name = relative(root, file);
    if (NOT_PUBLISHED_FILES.has(name)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) && !ASCII.test(node.text)) {
        wide.push(`${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(wide, []);
});
