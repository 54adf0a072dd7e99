import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real-manifest folders of the reference corpus (`../shared/corpus`; not its known-invalid fixtures). */
const CORPUS_FOLDERS = ['kubernetes-examples', 'kubernetes-website', 'microservices-demo', 'kubernetes-network-policy-recipes'];

/**
 * A file of `documents` real manifests, for benchmarks: the documents of the reference corpus (those
 * with a top-level `kind` and `metadata.name`), as written, in file order, repeated with `-1`, `-2`…
 * appended to their names (inside the quotes of a quoted name) until there are enough (2,000 make about 47,000 lines). Undefined when the
 * corpus is not beside the repository (it is reference material, not part of it).
 */
export function corpusManifests(documents: number, corpus = join(process.cwd(), '..', 'shared', 'corpus')): string | undefined {
  const folders = CORPUS_FOLDERS.map((name) => join(corpus, name)).filter((folder) => existsSync(folder));
  if (folders.length === 0) return undefined;
  const sources = folders.flatMap(yamlFiles).flatMap((file) => readFileSync(file, 'utf8').split(/^---.*$/m));
  const docs = sources.filter((doc) => /^kind: \S/m.test(doc) && /^metadata:\s*\n\s+name: \S/m.test(doc)).map((doc) => `${doc.replace(/^\s*\n/, '').trimEnd()}\n`);
  if (docs.length === 0) return undefined;
  const out: string[] = [];
  for (let i = 0; out.length < documents; i++) {
    const round = Math.floor(i / docs.length);
    const doc = docs[i % docs.length];
    out.push(round === 0 ? doc : doc.replace(/^(metadata:\s*\n\s+name: )(\S+)/m, (_, key: string, name: string) => key + numbered(name, round)));
  }
  return out.join('---\n');
}

/** `name` with `-round` appended, inside its quotes when it is quoted (`"web"` -> `"web-2"`, not the broken `"web"-2`). */
function numbered(name: string, round: number): string {
  const quote = name[0];
  return (quote === '"' || quote === "'") && name.endsWith(quote) && name.length > 1 ? `${name.slice(0, -1)}-${round}${quote}` : `${name}-${round}`;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(folder, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(folder, entry.name)] : []));
}
