import * as l10n from '@vscode/l10n';
import type { Composer, Parser, Tags } from 'yaml';
import { yamlLibrary } from './yamlLibrary';
import type { Finding } from '../findings';
import type { LineIndex } from './lineIndex';
import type { ParsedDocument } from './parsedDocument';
import type { DocumentChunk } from './splitDocuments';
import { toPlainValue } from './toPlainValue';
import { fromYamlAst } from './fromYamlAst';
import { goYamlAccepts } from './goYamlAccepts';
import { goYamlLexer } from './goYamlLexer';

type ScalarOrCollectionTag = Tags[number];

/** Parse budget: more alias expansions than this is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

/**
 * YAML 1.1 as go-yaml v2 (behind sigs.k8s.io/yaml, which kubectl and the API server use) resolves it:
 * `yes`/`on`/`y` are booleans and `0777` is octal, but timestamps stay strings and there are no
 * sexagesimal numbers (`1:20` is the string "1:20", not 80).
 */
const NOT_IN_GO_YAML = new Set(['tag:yaml.org,2002:timestamp', 'timestamp', 'intTime', 'floatTime']);
function goYamlTag(tag: ScalarOrCollectionTag): boolean {
  if (typeof tag === 'string') return !NOT_IN_GO_YAML.has(tag);
  return !NOT_IN_GO_YAML.has(tag.tag) && !('format' in tag && tag.format === 'TIME');
}
const PARSE_OPTIONS = {
  version: '1.1' as const,
  customTags: (tags: ScalarOrCollectionTag[]) => tags.filter(goYamlTag),
  uniqueKeys: true,
  merge: true,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
  /** Problems are reported as findings, never printed. */
  logLevel: 'silent' as const,
};

/**
 * The full parser (the `yaml` library, reading indentation and comments as go-yaml does: see
 * `goYamlLexer` and `goYamlAccepts`): every chunk it is given, with findings for every YAML problem.
 * `parseChunk` uses it for whatever the fast path (`fastParse`) declines.
 */
export function parseChunkSlow(chunk: DocumentChunk, lines: LineIndex): ParsedDocument[] {
  const result: ParsedDocument[] = [];
  for (const yaml of parseAll(chunk.text)) {
    if (!yamlLibrary().isDocument(yaml)) continue;
    yaml.errors = yaml.errors.filter((error) => !goYamlAccepts(error));
    yaml.warnings = yaml.warnings.filter((warning) => !goYamlAccepts(warning));
    const findings: Finding[] = [];
    for (const error of yaml.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      const key = duplicate ? (/^[^:\n]*/.exec(chunk.text.slice(error.pos[0]))?.[0] ?? '').trimEnd() : '';
      findings.push({
        range: lines.range(error.pos[0], duplicate ? error.pos[0] + key.length : error.pos[1]),
        severity: 'error',
        code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
        message: describeYamlError(error.code, error.message, key),
      });
    }
    for (const warning of yaml.warnings) {
      findings.push({
        range: lines.range(warning.pos[0], warning.pos[1]),
        severity: 'warning',
        code: 'yaml/warning',
        message: warning.message,
      });
    }
    let value: unknown = undefined;
    if (yaml.errors.length === 0) {
      const built = toPlainValue(yaml, MAX_ALIAS_COUNT);
      if (built.ok) value = built.value;
      else {
        const start = yaml.contents?.range?.[0] ?? 0;
        findings.push(
          built.reason === 'alias-limit'
            ? {
                range: lines.range(start, start + 1),
                severity: 'error',
                code: 'yaml/alias-limit',
                message: l10n.t('This document expands too many aliases (more than {0}); it was not read. The Kubernetes API server refuses such documents too.', MAX_ALIAS_COUNT),
              }
            : { range: lines.range(start, start + 1), severity: 'error', code: 'yaml/syntax', message: l10n.t('YAML error: {0}', built.message) },
        );
      }
    }
    // A comment-only or empty chunk yields a document with no contents: keep it only if it has a problem.
    if (yaml.contents === null && findings.length === 0) continue;
    result.push({ chunk, root: fromYamlAst(yaml), id: {}, lines, value, findings });
  }
  return result;
}

/** `parseAllDocuments` of the library, with go-yaml's lexer. */
function parseAll(text: string): ReturnType<Composer['compose']> {
  const { Composer: ComposerClass, Parser: ParserClass } = yamlLibrary();
  const parser = new ParserClass();
  const lexer = goYamlLexer();
  function* tokens(): ReturnType<Parser['parse']> {
    for (const lexeme of lexer.lex(text, false)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  return new ComposerClass(PARSE_OPTIONS).compose(tokens());
}

function describeYamlError(code: string, message: string, source: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return l10n.t('Duplicate key `{0}`: a mapping may hold each key once (Kubernetes rejects the document).', source.slice(0, 60));
    case 'TAB_AS_INDENT':
      return l10n.t('Tabs are not allowed for indentation in YAML; use spaces.');
    default:
      return l10n.t('YAML syntax error: {0}', firstLine);
  }
}
