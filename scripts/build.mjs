// Bundles the extension client, the language server and the CLI with esbuild, and copies the
// generated schemas into dist/ so the bundle works fully offline.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildValidators } from './buildValidators.mjs';
import { buildCrdCatalog } from './crdCatalog/buildCrdCatalog.mjs';
import { splitDescriptions } from './schemaDescriptions.mjs';
import { stampSource } from './sourceStamp.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  // The extension's entry stays small for a quick activation: vscode-languageclient is a bundle of its
  // own, required (as ./lspClientLib.js) when the language server first starts.
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode', './lspClientLib.js'] }),
  build({ ...common, entryPoints: [join(root, 'client/src/lspClientLib.ts')], outfile: join(dist, 'lspClientLib.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [join(root, 'server/src/serverMain.ts')], outfile: join(dist, 'server.js') }),
  // The dry run's worker thread (started by the server; see server/src/handlers/dryRunner.ts).
  build({ ...common, entryPoints: [join(root, 'server/src/dryRunWorkerMain.ts')], outfile: join(dist, 'dryRunWorker.js') }),
  // The CLI: a small launcher (dist/cli.js) that loads the bundle (dist/cliMain.js) through V8's code cache.
  build({ ...common, entryPoints: [join(root, 'server/src/cli/run.ts')], outfile: join(dist, 'cliMain.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli/launcher.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  // The cluster preview webview: browser code, loaded by client/src/preview/html.ts under a strict CSP.
  build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: [join(root, 'client/webview/main.ts')], outfile: join(dist, 'webview.js') }),
]);
chmodSync(join(dist, 'cli.js'), 0o755);

// The Node bundles stay pure ASCII (esbuild escapes strings, but not regular expressions or the comments
// it keeps): one other character makes V8 hold the whole source as two-byte text, and reading and
// hashing the CLI's 1.3 MB bundle at every start then costs several milliseconds more.
for (const bundle of ['cli.js', 'cliMain.js', 'server.js', 'dryRunWorker.js', 'client.js', 'lspClientLib.js']) {
  const text = readFileSync(join(dist, bundle), 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const line = text.slice(0, at).split('\n').length;
    console.error(`build: dist/${bundle} line ${line} has a non-ASCII character (${JSON.stringify(text[at])}): write it as an escape (\\u${text.charCodeAt(at).toString(16).padStart(4, '0')}) in the source`);
    process.exit(1);
  }
}

const schemaOut = join(dist, 'schemas');
mkdirSync(schemaOut, { recursive: true });
for (const file of readdirSync(join(root, 'schemas/generated'))) {
  if (!file.endsWith('.json')) continue;
  // Plain JSON: reading it needs no gunzip at every start, and the .vsix (a zip) compresses it anyway.
  // The descriptions go to a file of their own, read only when hover or completion first needs them
  // (scripts/schemaDescriptions.mjs): the bundle every run parses shrinks from 1 MB to a quarter.
  const { value, descriptions } = splitDescriptions(JSON.parse(readFileSync(join(root, 'schemas/generated', file), 'utf8')));
  writeFileSync(join(schemaOut, file), JSON.stringify(value));
  writeFileSync(join(schemaOut, file.replace(/\.json$/, '.descriptions.json')), JSON.stringify(descriptions ?? {}));
}

// The offline CRD catalog, one brotli-compressed file per kind (docs/crd-catalog.md).
buildCrdCatalog({ dist });

// The schema validators, compiled ahead of time (kept between builds while their inputs are unchanged).
await buildValidators({ dist });

// V8 code caches for the CLI's bundle and the validators (server/src/codeCache.ts): each ends with a
// line naming its build (scripts/sourceStamp.mjs), then runs of the CLI per Kubernetes version over
// the examples write them, with the Node that builds (a cache of another Node is ignored at run time).
// A cache only loads under the V8 flags it was made with: the CLI's launcher sets its own
// (server/src/cli/v8Flags.ts) and writes `*.cli.v8cache`; the bundle run without the launcher, under
// V8's defaults, writes the validators' `*.v8cache` that the language server reads.
for (const dir of [dist, join(dist, 'validators')]) for (const file of readdirSync(dir).filter((f) => f.endsWith('.v8cache'))) rmSync(join(dir, file));
stampSource(join(dist, 'cliMain.js'));
for (const file of readdirSync(join(dist, 'validators')).filter((f) => f.endsWith('.js'))) {
  stampSource(join(dist, 'validators', file));
  const args = ['check', '--k8s-version', file.slice('k8s-'.length, -'.js'.length), join(root, 'examples')];
  const options = { stdio: 'ignore', env: { ...process.env, DRYDOCK_WRITE_CODE_CACHE: '1' } };
  spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], options);
  spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dist, 'cliMain.js'))}).runCli()`, 'cliMain.js', ...args], options);
}
