// Generates schemas/crd-catalog/ (committed) from a checkout of the CRDs-catalog repository
// (github.com/datreeio/CRDs-catalog: the JSON Schemas of upstream CRDs that kubeconform reads).
//
//   node scripts/crdCatalog/generateCrdCatalog.mjs <path to its git directory or work tree>
//
// It reads the repository's HEAD through `git show` (a bare mirror works), keeps the projects of
// PROJECTS, turns each JSON Schema back into the OpenAPI shape of a CRD's `openAPIV3Schema` (see
// toOpenApi), and writes one minified JSON file per API group plus index.json (the source commit, the
// projects and every apiVersion/kind → its group file). scripts/crdCatalog/buildCrdCatalog.mjs
// compresses them into dist/ at build time. Nothing is fetched at run time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KIND_NAMES, PROJECTS } from './projects.mjs';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/crdCatalog/generateCrdCatalog.mjs <CRDs-catalog git dir>');
  process.exit(2);
}
const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'schemas', 'crd-catalog');
const git = (...args) => execFileSync('git', ['-C', source, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

const commit = git('rev-parse', 'HEAD').trim();
const date = git('show', '-s', '--format=%cI', 'HEAD').trim();
const index = parse(git('show', 'HEAD:index.yaml'));

/**
 * CRDs-catalog's schemas are OpenAPI schemas passed through openapi2jsonschema: `additionalProperties:
 * false` added to every object with `properties` (even one that preserves unknown fields), and
 * `format: int-or-string` replaced by a oneOf of string and integer. Undo the first, so the server's
 * openApiToJsonSchema (the one conversion of workspace CRDs too) decides as for a CRD.
 */
function toOpenApi(node) {
  if (Array.isArray(node)) return node.map(toOpenApi);
  if (!node || typeof node !== 'object') return node;
  const result = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    result[key] = key === 'properties' || key === 'definitions' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi(v)])) : toOpenApi(value);
  }
  if (result['x-kubernetes-preserve-unknown-fields'] === true && result.additionalProperties === false) delete result.additionalProperties;
  return result;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const kinds = {};
const projects = [];
for (const project of PROJECTS) {
  const found = [];
  for (const group of project.groups) {
    const entries = index[group];
    if (!Array.isArray(entries)) throw new Error(`${project.name}: no group ${group} in the catalog`);
    for (const entry of entries) {
      const kind = /^[a-z]/.test(entry.kind) ? KIND_NAMES[entry.kind] : entry.kind;
      if (!kind || (project.kinds && !project.kinds.includes(kind))) continue;
      const schema = toOpenApi(JSON.parse(git('show', `HEAD:${entry.filename}`)));
      // Manifests do not author status (the API server drops it): kept as an open object, a third of the size less.
      if (schema.properties?.status) schema.properties.status = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      // The version is the file name's (the index repeats one version for two files now and then).
      const key = `${group}/${/_([a-z0-9]+)\.json$/.exec(entry.filename)[1]}/${kind}`;
      if (kinds[key]) throw new Error(`${key} is in two projects`);
      kinds[key] = { group, namespaced: !project.clusterScoped?.includes(kind), schema };
      found.push(key);
    }
  }
  if (project.kinds) for (const kind of project.kinds) if (!found.some((k) => k.endsWith(`/${kind}`))) throw new Error(`${project.name}: no ${kind}`);
  projects.push({ name: project.name, upstream: project.upstream, groups: project.groups, kinds: found.sort() });
}

const byGroup = new Map();
for (const [key, { group, schema }] of Object.entries(kinds)) {
  if (!byGroup.has(group)) byGroup.set(group, {});
  byGroup.get(group)[key] = schema;
}
for (const [group, schemas] of byGroup) writeFileSync(join(out, `${group}.json`), JSON.stringify(schemas) + '\n');
const entries = Object.fromEntries(Object.keys(kinds).sort().map((key) => [key, { group: kinds[key].group, namespaced: kinds[key].namespaced }]));
const indexFile = { source: { repository: 'github.com/datreeio/CRDs-catalog', commit, date }, projects, kinds: entries };
writeFileSync(join(out, 'index.json'), JSON.stringify(indexFile, null, 1) + '\n');
// The schemas are redistributed under the catalog's license, which goes with them into dist/ and the .vsix.
writeFileSync(join(out, 'LICENSE.CRDs-catalog.txt'), `The schemas in this folder come from ${indexFile.source.repository} (commit ${commit}):\n\n${git('show', 'HEAD:LICENSE')}`);
console.log(`${Object.keys(kinds).length} kinds in ${byGroup.size} groups → ${readdirSync(out).length} files in ${out}`);
