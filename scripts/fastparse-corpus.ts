// Dev-only check of the fast-path parser against the full one on a corpus of real manifests:
//   node --import tsx scripts/fastparse-corpus.ts [dir]   (default /work/shared/corpus)
// Every .yaml/.yml/.json file is split into chunks (splitDocuments); each chunk goes through both
// paths. Prints how many chunks the fast path handled, why the others bailed (roughly), and every
// mismatch (there must be none). Not part of the test suite: the corpus is not in the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fastParseOrThrow } from '../server/src/language/parse/fastParse';
import { parseChunkSlow } from '../server/src/language/parse/slowParse';
import { LineIndex } from '../server/src/language/parse/lineIndex';
import { splitDocuments } from '../server/src/language/parse/splitDocuments';

const root = process.argv[2] ?? '/work/shared/corpus';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(full);
  }
  return out;
}

/** A rough reason why a chunk is outside the subset (for the report only). */
function guessReason(text: string, slowClean: boolean): string {
  if (!slowClean) return 'YAML problem (findings in the slow path)';
  if (/\r(?!\n)/.test(text)) return 'lone CR';
  if (/\t/.test(text)) return 'tab';
  if (/(^|[\s[{,])[&*!][^\s]/m.test(text)) return 'anchor/alias/tag';
  if (/^\s*<<\s*:/m.test(text)) return 'merge key';
  if (/^\.\.\.\s*$/m.test(text)) return 'document end ...';
  if (/^%/m.test(text)) return 'directive';
  if (/(^|[\s:,[{-])"(?:[^"\\\n]|\\.)*\\?\n/m.test(text)) return 'multi-line double-quoted scalar';
  if (/\{\s*\{/.test(text)) return 'complex key (a template placeholder {{...}})';
  return 'other (multi-line plain scalar, scalar document, ...)';
}

let chunks = 0;
let handled = 0;
let empty = 0;
let mismatches = 0;
const reasons = new Map<string, number>();
const examples = new Map<string, string>();
let totalBytes = 0;
for (const file of files(root)) {
  const text = readFileSync(file, 'utf8');
  totalBytes += text.length;
  for (const chunk of splitDocuments(text)) {
    chunks++;
    const where = `${relative(root, file)}:${chunk.line + 1}`;
    const slow = parseChunkSlow(chunk, new LineIndex(chunk.text));
    const slowClean = slow.length <= 1 && slow.every((d) => d.findings.length === 0);
    let fast;
    try {
      fast = fastParseOrThrow(chunk.text);
    } catch (error) {
      mismatches++;
      console.log(`CRASH ${where}: ${String(error)}`);
      continue;
    }
    if (!fast) {
      const reason = guessReason(chunk.text, slowClean);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      if (!examples.has(reason)) examples.set(reason, where);
      continue;
    }
    handled++;
    if (fast.root === null) empty++;
    const ok = slow.length === 0
      ? fast.root === null && fast.value === null
      : slowClean && isDeepStrictEqual(fast.root, slow[0].root) && isDeepStrictEqual(fast.value, slow[0].value);
    if (!ok) {
      mismatches++;
      console.log(`MISMATCH ${where}`);
    }
  }
}
console.log(`files: ${files(root).length} (${(totalBytes / 1024).toFixed(0)} KB)`);
console.log(`chunks: ${chunks}; handled by the fast path: ${handled} (${((100 * handled) / chunks).toFixed(1)}%), of which ${empty} without a document`);
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  bailed: ${reason}: ${n} (e.g. ${examples.get(reason)})`);
console.log(`mismatches: ${mismatches}`);
process.exitCode = mismatches ? 1 : 0;
