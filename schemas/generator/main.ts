// Entry point of `npm run schemas`: regenerates schemas/generated/k8s-<minor>.json for every
// installed client release (or only the versions given as arguments, e.g. `npm run schemas -- 1.36`).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateRelease } from './generateRelease';
import { CLIENT_RELEASES, outputPath } from './releases';
import { stableStringify } from './stableJson';

function main(args: string[]): void {
  const rootDir = resolve(__dirname, '..', '..');
  const unknown = args.filter((version) => !CLIENT_RELEASES.some((r) => r.kubernetesVersion === version));
  if (unknown.length > 0) throw new Error(`no client release installed for ${unknown.join(', ')}`);
  const releases = args.length > 0 ? CLIENT_RELEASES.filter((r) => args.includes(r.kubernetesVersion)) : CLIENT_RELEASES;

  for (const release of releases) {
    const started = Date.now();
    const generated = generateRelease(release, rootDir);
    const text = `${stableStringify(generated)}\n`;
    const target = outputPath(release.kubernetesVersion);
    writeFileSync(join(rootDir, target), text);
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `${target}: ${generated.provenance.package}@${generated.provenance.packageVersion} (${generated.provenance.openapiSpecVersion}), ` +
        `${Object.keys(generated.kinds).length} kinds, ${Object.keys(generated.definitions).length} definitions, ` +
        `${kb(Buffer.byteLength(text))} (${kb(gzipSync(text).length)} gzipped), ${Date.now() - started} ms`,
    );
  }
}

main(process.argv.slice(2));
