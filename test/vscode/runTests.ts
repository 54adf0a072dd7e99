/**
 * `npm run test:vscode`: the end-to-end scenarios in a desktop VS Code, with @vscode/test-electron.
 * Bundles test/vscode/suite, downloads VS Code (cached in ~/.cache/drydock-e2e/vscode) or uses
 * DRYDOCK_VSCODE_EXECUTABLE, and runs the suite in the extension host with the extension loaded
 * from this repository (dist/, so `npm run build` first; the npm script does) on a fresh copy of
 * test/e2e/workspace. Linux needs a display: run it under xvfb-run when there is none.
 *
 * A machine that cannot download VS Code gets a plain message and exit code 1: nothing was tested.
 * (On such a machine `npm run test:e2e` runs the same scenarios in code-server.)
 */
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSuite, REPO_ROOT } from './bundle';

const CACHE = join(process.env.DRYDOCK_E2E_CACHE ?? join(homedir(), '.cache', 'drydock-e2e'), 'vscode');

async function vscodeExecutable(): Promise<string> {
  const local = process.env.DRYDOCK_VSCODE_EXECUTABLE;
  if (local) return local;
  const version = process.env.DRYDOCK_VSCODE_VERSION ?? 'stable';
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout: 30_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error([
      '',
      `test:vscode: NOT RUN. VS Code ${version} could not be downloaded on this machine (${reason.split('\n')[0]}).`,
      'Nothing was tested. Run it where VS Code can be downloaded, or point DRYDOCK_VSCODE_EXECUTABLE at a',
      'local VS Code. The same scenarios run in code-server, which works offline: npm run test:e2e.',
      '',
    ].join('\n'));
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const extensionTestsPath = await bundleSuite();
  const executable = await vscodeExecutable();
  const root = mkdtempSync(join(tmpdir(), 'drydock-vscode-'));
  const workspace = join(root, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const userDataDir = join(root, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'chat.disableAIFeatures': true,
  }, null, 2));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension; the one under development stays
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${join(root, 'extensions')}`,
      ],
    });
  } catch (error) {
    console.error(`test:vscode: FAILED (${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
