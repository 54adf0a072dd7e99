import * as l10n from '@vscode/l10n';
import { LineIndex } from './lineIndex';
import type { Finding } from '../findings';
import type { DocumentChunk } from './splitDocuments';
import { fastParse } from './fastParse';
import { FastDocument } from './fastDocument';
import type { ParsedDocument } from './parsedDocument';
import { parseChunkSlow } from './slowParse';
import { MAX_NESTING_DEPTH, nestingLimitOffset } from './limits';

export { MAX_ALIAS_COUNT } from './slowParse';

/**
 * Parses one chunk of a YAML stream into its documents (usually one; none for a comment-only chunk).
 * Ordinary manifests take the fast path; anything else (and every chunk with a YAML problem) goes to
 * the full parser, which gives the same result plus the findings.
 */
export function parseChunk(chunk: DocumentChunk): ParsedDocument[] {
  const lines = new LineIndex(chunk.text);
  // The fast path refuses deep nesting itself; the full parser recurses per level, so a deep enough
  // document would overflow the stack: it is refused before parsing.
  const fast = fastParse(chunk.text, false);
  if (fast) {
    if (fast.root === null) return [];
    return [new FastDocument(chunk, {}, lines, fast.value)];
  }
  const tooDeep = nestingLimitOffset(chunk.text, MAX_NESTING_DEPTH);
  if (tooDeep !== -1) {
    const finding: Finding = {
      range: lines.range(tooDeep, Math.min(tooDeep + 1, chunk.text.length)),
      severity: 'error',
      code: 'yaml/too-deep',
      message: l10n.t('This document nests mappings and sequences more than {0} levels deep; it was not read. Kubernetes objects nest a few dozen levels at most.', MAX_NESTING_DEPTH),
    };
    return [{ chunk, root: null, id: {}, lines, value: undefined, findings: [finding] }];
  }
  return parseChunkSlow(chunk, lines);
}
