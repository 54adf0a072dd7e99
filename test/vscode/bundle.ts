/**
 * Bundles the extension-host suite (test/vscode/suite) into one CommonJS file that VS Code can load
 * as `extensionTestsPath` (`vscode` stays external: the extension host provides it).
 */
import { build } from 'esbuild';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export async function bundleSuite(outDir = join(REPO_ROOT, 'test-artifacts', 'vscode', 'suite')): Promise<string> {
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [join(REPO_ROOT, 'test', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
