// Compiles the schema validators at build time: ajv's standalone code generation turns each bundled
// Kubernetes version's schemas into plain JavaScript (one validate function per definition, calling
// each other for `$ref`s), bundled and minified with esbuild into dist/validators/k8s-<version>.js.
// The server and the CLI load that file instead of compiling schemas at run time (which cost seconds).
// The ajv options must stay those of server/src/language/schema/ajvOptions.ts (a test compares the two).
// Regenerating takes a few seconds per version, so the output is kept while its inputs are unchanged.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { splitDescriptions } from './schemaDescriptions.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

/** The export names: every definition a kind resolves to (what schemaConformance validates against). */
function exportedDefinitions(bundle) {
  return [...new Set(Object.values(bundle.kinds))].sort();
}

function generate({ schemaFile, outFile }) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const { AJV_OPTIONS } = require(join(root, 'dist', 'ajvOptions.js'));
  const bundle = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, optimize: true } });
  // Descriptions do not take part in validation; ajv would copy every one into the generated file.
  ajv.addSchema({ $id: 'k8s', definitions: splitDescriptions(bundle.definitions).value });
  const exports = Object.fromEntries(exportedDefinitions(bundle).map((name) => [name, `k8s#/definitions/${name}`]));
  writeFileSync(outFile, standaloneCode(ajv, exports));
}

if (!isMainThread) {
  generate(workerData);
  parentPort.postMessage('done');
}

/**
 * Builds dist/validators/k8s-<version>.js for every schemas/generated/k8s-<version>.json whose inputs
 * (the schema file, ajv's version, the options and this script) changed since the last build.
 */
export async function buildValidators({ dist }) {
  const outDir = join(dist, 'validators');
  mkdirSync(outDir, { recursive: true });
  // The options are bundled first so that this script and the server read the same object.
  await build({ entryPoints: [join(root, 'server/src/language/schema/ajvOptions.ts')], outfile: join(dist, 'ajvOptions.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  const stampOf = (schemaFile) =>
    createHash('sha256')
      .update(readFileSync(schemaFile))
      .update(require('ajv/package.json').version)
      .update(readFileSync(join(dist, 'ajvOptions.js')))
      .update(readFileSync(new URL(import.meta.url)))
      .update(readFileSync(new URL('./schemaDescriptions.mjs', import.meta.url)))
      .digest('hex');
  const jobs = [];
  for (const file of readdirSync(join(root, 'schemas/generated')).sort()) {
    const match = /^k8s-(\d+\.\d+)\.json$/.exec(file);
    if (!match) continue;
    const schemaFile = join(root, 'schemas/generated', file);
    const outFile = join(outDir, `k8s-${match[1]}.js`);
    const stampFile = `${outFile}.stamp`;
    const stamp = stampOf(schemaFile);
    if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) continue;
    jobs.push({ schemaFile, outFile, stampFile, stamp, rawFile: `${outFile}.raw.js` });
  }
  if (jobs.length === 0) return;
  const started = Date.now();
  // One worker per version (they are independent; the machine's cores share them).
  await Promise.all(
    jobs.map(
      (job) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { schemaFile: job.schemaFile, outFile: job.rawFile } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`validator generation for ${job.schemaFile} exited with ${code}`))));
        }),
    ),
  );
  for (const job of jobs) {
    // ajv's runtime helpers (ucs2length, equal…) are inlined: the file needs nothing from node_modules.
    await build({ entryPoints: [job.rawFile], outfile: job.outFile, bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    writeFileSync(job.stampFile, job.stamp);
    rmSync(job.rawFile);
  }
  console.log(`schema validators compiled for ${jobs.length} Kubernetes version(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
