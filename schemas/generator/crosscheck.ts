// Dev-time cross-check of a generated schema file against the official swagger of the same
// Kubernetes release. Not run by tests (the swagger files are not part of the repository).
//
//   node --import tsx schemas/generator/crosscheck.ts <swagger-v1.NN.json[.gz]> [schemas/generated/k8s-1.NN.json] [--verbose]
//
// Checks: (1) the kinds table — every kind the swagger serves on a resource path is in `kinds`
// with the same model and scope, and nothing else is; (2) for every kind, the field set,
// required set and value types, recursively through referenced definitions; (3) the Quantity
// facts table, both directions. Exits 1 when any difference is found.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DefinitionComparer } from './crosscheckDefinitions';
import { crosscheckQuantities } from './crosscheckQuantities';
import { listExportedModels } from './readModels';
import { CLIENT_RELEASES, outputPath } from './releases';
import { clientModelName, loadSwagger, swaggerResourceKinds, swaggerTaggedKinds } from './swaggerDocument';
import type { GeneratedSchemas } from './types';

function printList(title: string, items: string[], verbose: boolean, limit = 40): void {
  console.log(`${title}: ${items.length}`);
  const shown = verbose ? items : items.slice(0, limit);
  for (const item of shown) console.log(`  - ${item}`);
  if (shown.length < items.length) console.log(`  … ${items.length - shown.length} more (--verbose lists all)`);
}

function main(argv: string[]): number {
  const verbose = argv.includes('--verbose');
  const [swaggerPath, generatedArg] = argv.filter((a) => a !== '--verbose');
  if (!swaggerPath) {
    console.error('usage: crosscheck.ts <swagger.json[.gz]> [generated.json] [--verbose]');
    return 2;
  }
  const version = /1\.\d+/.exec(basename(generatedArg ?? swaggerPath))?.[0];
  const release = CLIENT_RELEASES.find((r) => r.kubernetesVersion === version);
  if (!release) {
    console.error(`cannot tell the Kubernetes version from ${swaggerPath}; name it like swagger-v1.36.json.gz`);
    return 2;
  }
  const rootDir = resolve(__dirname, '..', '..');
  const generated = JSON.parse(readFileSync(generatedArg ?? join(rootDir, outputPath(release.kubernetesVersion)), 'utf8')) as GeneratedSchemas;
  const swagger = loadSwagger(swaggerPath);
  const genDir = join(rootDir, 'node_modules', release.packageAlias, 'dist', 'gen');
  const clientModels = new Set(listExportedModels(readFileSync(join(genDir, 'models', 'all.d.ts'), 'utf8')));
  console.log(`Cross-check of Kubernetes ${generated.kubernetesVersion} (${generated.provenance.package}@${generated.provenance.packageVersion}, spec ${generated.provenance.openapiSpecVersion}) against ${basename(swaggerPath)}`);

  // 1. Kinds
  const served = swaggerResourceKinds(swagger);
  const kindDifferences: string[] = [];
  for (const [key, kind] of served) {
    const ours = generated.kinds[key];
    const expectedModel = clientModelName(kind.definition, clientModels);
    if (ours === undefined) kindDifferences.push(`${key}: served by swagger (${kind.definition}), missing from kinds`);
    else if (ours !== expectedModel) kindDifferences.push(`${key}: generated ${ours}, swagger ${kind.definition} → ${expectedModel ?? 'no client model'}`);
    else if (generated.namespaced[key] !== kind.namespaced) kindDifferences.push(`${key}: namespaced ${generated.namespaced[key]}, swagger ${kind.namespaced}`);
  }
  for (const key of Object.keys(generated.kinds)) if (!served.has(key)) kindDifferences.push(`${key}: in kinds, not served by swagger`);
  console.log(`\nKinds: generated ${Object.keys(generated.kinds).length}, served on swagger resource paths ${served.size}`);
  printList('Kind table differences', kindDifferences, verbose);
  const notServed = [...swaggerTaggedKinds(swagger)].filter(([key]) => !served.has(key)).map(([key, def]) => `${key} (${def})`).sort();
  printList('Swagger GVKs that are not resources (meta types, subresource payloads; intentionally not kinds)', notServed, verbose, 0);

  // 2. Definitions, recursively from every kind
  const comparer = new DefinitionComparer(generated.definitions, swagger, clientModels);
  for (const [key, model] of Object.entries(generated.kinds)) {
    const definition = served.get(key)?.definition; // kinds the swagger does not serve are reported above
    if (definition) comparer.compare(model, definition);
  }
  const report = comparer.report;
  console.log(`\nDefinitions: ${report.pairsCompared} generated/swagger pairs compared`);
  printList('Field / required / type differences', report.differences, verbose);
  printList('Open ({}) where swagger says "object" without fields (client types these as any)', report.looserThanSwagger, verbose, 0);
  const d = report.descriptions;
  console.log(`Descriptions: ${d.same} identical, ${d.missing} absent in the client models, ${d.replacedByTypeDescription} replaced by the referenced type's description, ${d.differ.length} different`);
  if (d.differ.length > 0) printList('Different descriptions', d.differ, verbose, 10);

  // 3. Quantity facts table
  const quantities = crosscheckQuantities(swagger, clientModels);
  console.log(`\nQuantity: ${quantities.swaggerQuantityFields} swagger properties hold a Quantity`);
  printList('Quantity table differences', quantities.differences, verbose);
  printList('Quantity table entries unused by this release', quantities.unusedEntries, verbose, 0);

  const total = kindDifferences.length + report.differences.length + quantities.differences.length;
  console.log(`\n${total === 0 ? 'OK' : 'FAIL'}: ${total} difference(s)`);
  return total === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
