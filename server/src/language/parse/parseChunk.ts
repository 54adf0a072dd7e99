import { parseAllDocuments, isDocument, type Document, type Tags } from 'yaml';

type ScalarOrCollectionTag = Tags[number];
import type { Finding } from '../findings';
import { LineIndex } from './lineIndex';
import type { DocumentChunk } from './splitDocuments';
import { toPlainValue } from './toPlainValue';
import { fromYamlAst } from './fromYamlAst';
import { fastParse } from './fastParse';
import type { YNode } from './yamlNode';

/** One YAML document, parsed the way Kubernetes reads it (YAML 1.1, unique keys, merge keys). */
export interface ParsedDocument {
  chunk: DocumentChunk;
  /** The document's tree, for locating fields; null for an empty document. */
  root: YNode | null;
  /** Identity of this parse result (stable while the chunk text is unchanged): a cache key. */
  id: object;
  /** Line index over `chunk.text`: every range derived from it is relative to `chunk.line`. */
  lines: LineIndex;
  /** The document as plain JSON data with null-valued keys dropped; `undefined` when it could not be built. */
  value: unknown;
  /** YAML problems, with ranges relative to the chunk. */
  findings: Finding[];
}

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

/** Parses one chunk of a YAML stream into its documents (usually one; none for a comment-only chunk). */
export function parseChunk(chunk: DocumentChunk): ParsedDocument[] {
  const lines = new LineIndex(chunk.text);
  const fast = fastParse(chunk.text);
  if (fast) {
    if (fast.root === null) return [];
    return [{ chunk, root: fast.root, id: {}, lines, value: fast.value, findings: [] }];
  }
  const parsed = parseAllDocuments(chunk.text, PARSE_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  const result: ParsedDocument[] = [];
  for (const yaml of docs) {
    if (!isDocument(yaml)) continue;
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
        findings.push({
          range: lines.range(start, start + 1),
          severity: 'error',
          code: 'yaml/alias-limit',
          message: `This document expands too many aliases (more than ${MAX_ALIAS_COUNT}); it was not read. The Kubernetes API server refuses such documents too.`,
        });
      }
    }
    // A comment-only or empty chunk yields a document with no contents: keep it only if it has a problem.
    if (yaml.contents === null && findings.length === 0) continue;
    result.push({ chunk, root: fromYamlAst(yaml), id: {}, lines, value, findings });
  }
  return result;
}

function describeYamlError(code: string, message: string, source: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Duplicate key \`${source.slice(0, 60)}\`: a mapping may hold each key once (Kubernetes rejects the document).`;
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed for indentation in YAML; use spaces.';
    default:
      return `YAML syntax error: ${firstLine}`;
  }
}
