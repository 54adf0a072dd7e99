/**
 * The @vscode/test-electron suite (test/vscode/suite, scenarios written against the `vscode` API)
 * run inside code-server's extension host, so that it is exercised on every run here even though
 * desktop VS Code cannot be downloaded. A throwaway helper extension, packaged on the fly into a
 * temp folder, loads the bundled suite on `onStartupFinished`, runs it, and writes the result to a
 * file this test waits for. `npm run test:vscode` runs the same bundle in desktop VS Code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { bundleSuite } from '../vscode/bundle';
import { builtVsix, ensureCodeServer, startCodeServer, type RunningCodeServer } from './codeServer';
import { launchBrowser } from './browser';
import { waitUntil } from './uiWait';
import { Workbench } from './workbench';

interface SuiteResult {
  ok: boolean;
  error?: string;
  lines: string[];
}

/** Writes and packages the helper extension; returns its .vsix. */
function packageRunnerExtension(dir: string, suite: string, resultFile: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'drydock-suite-runner',
    displayName: 'Drydock suite runner (tests only)',
    publisher: 'drydock-tests',
    version: '0.0.0',
    license: 'Apache-2.0',
    engines: { vscode: '^1.91.0' },
    main: './main.js',
    activationEvents: ['onStartupFinished'],
  }, null, 2));
  writeFileSync(join(dir, 'README.md'), '# Drydock suite runner\n\nRuns test/vscode/suite in code-server. Tests only.\n');
  writeFileSync(join(dir, 'LICENSE'), 'Apache-2.0\n');
  writeFileSync(join(dir, 'main.js'), `const { writeFileSync } = require('fs');
const resultFile = ${JSON.stringify(resultFile)};
exports.activate = function () {
  const lines = [];
  const write = (result) => writeFileSync(resultFile, JSON.stringify({ ...result, lines }));
  Promise.resolve()
    .then(() => require(${JSON.stringify(suite)}).run((line) => { lines.push(line); console.log(line); }))
    .then(() => write({ ok: true }), (error) => write({ ok: false, error: String(error && error.stack || error) }));
};
`);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const out = join(dir, 'runner.vsix');
  const result = spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8', input: '' });
  if (result.status !== 0) throw new Error(`packaging the suite runner failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

let server: RunningCodeServer;
let browser: Browser;
let temp: string;
let resultFile: string;

describe('the vscode-API suite (test/vscode) in code-server\'s extension host', () => {
  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'drydock-vscode-suite-'));
    resultFile = join(temp, 'result.json');
    const suite = await bundleSuite(join(temp, 'suite'));
    const runner = packageRunnerExtension(join(temp, 'runner'), suite, resultFile);
    server = await startCodeServer(ensureCodeServer(), [builtVsix(), runner]);
    browser = await launchBrowser();
  }, { timeout: 15 * 60_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('passes', { timeout: 10 * 60_000 }, async () => {
    const workbench = await Workbench.open(browser, server, server.workspace('vscode-api-suite'), 'vscode-api-suite');
    try {
      const result = await waitUntil('the suite to finish', async () => (existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult) : undefined), { timeout: 8 * 60_000 });
      for (const line of result.lines) console.log(`# ${line}`);
      await workbench.screenshot('end');
      assert.ok(result.ok, result.error);
    } catch (error) {
      await workbench.screenshot('FAILED');
      server.saveLogs('vscode-api-suite');
      throw error;
    } finally {
      await workbench.close();
    }
  });
});
